#!/usr/bin/env bash
# Throughput of a car-noise run with the example scorer in the loop, and the model's share of the time.
#   bash bench/model-loop.sh [count]      # default 200 samples; needs python3 with NumPy
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-200}"
swift build -c release --product augment >/dev/null
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
run() {
  local name="$1"; shift
  # A keep policy the model can rarely satisfy leaves indices without a sample (exit 65): still reported.
  .build/release/augment --slice car-noise --count "$count" --out "$out/$name" "$@" >/dev/null 2>&1 || true
  python3 - "$out/$name/summary.json" "$name" <<'PY'
import json, sys
summary = json.load(open(sys.argv[1]))
model = summary.get("model")
line = f"{sys.argv[2]:>12}: {summary['made']} samples ({len(summary['failed_indices'])} indices failed) in {summary['seconds']:.1f} s, {summary['samples_per_second']:.2f} samples/s"
if model:
    line += f"; waiting for the model {model['seconds']:.1f} s ({100 * model['seconds'] / summary['seconds']:.0f} %)"
    line += f"; model accuracy {100 * model['accepted']['accuracy']:.1f} % on samples, {100 * model['members']['accuracy']:.1f} % on members"
print(line)
PY
}
scorer="python3 samples/models/score_speech.py"
run no-model
run keep-all --model-cmd "$scorer"
run keep-match --model-cmd "$scorer" --keep match
run mix-0.25 --model-cmd "$scorer" --keep mix:0.25
