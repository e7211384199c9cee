#!/usr/bin/env bash
# Benchmarks augment against the tools people use today, side by side on the same inputs.
#
#   bash bench/run.sh [--runs N] [--large-count N] [--limit N] [--user-only]
#
# 1. installs the peers (requirements.txt) into bench/.venv;
# 2. builds augment-bench (bench/.build) and the augment command (bench/.build-augment) in release;
# 3. generates the inputs into bench/.data (make_inputs.py; skipped when they are already there);
# 4. runs every workload, ours and the peer's alternately, --runs times (default 3) with 1 worker and
#    with all cores, times `augment --slice car-noise --count 500`, and one run of --large-count
#    samples (default 10000; 0 skips it) for its peak memory;
# 5. writes the tables into BENCHMARKS.md (between the results markers) and bench/.data/results/;
# 6. runs the user-level rows (bench/user/drive.py): `augment --slice S --count N` against the script a
#    user writes with the peer, whole processes at each side's defaults, and writes their table too.
# --user-only skips the augment-bench build and steps 3-5.
# --limit N runs every folder workload on its first N inputs only: a quick check whose figures are not
# comparable with a full run, so it writes only bench/.data/results/, not BENCHMARKS.md.
set -euo pipefail

bench="$(cd "$(dirname "$0")" && pwd)"
repository="$(dirname "$bench")"
driver_options=()
user_options=()
user_only=false
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) driver_options+=("$1" "$2"); user_options+=("$1" "$2"); shift 2 ;;
    --large-count | --limit) driver_options+=("$1" "$2"); shift 2 ;;
    --user-only) user_only=true; shift ;;
    *) echo "usage: bash bench/run.sh [--runs N] [--large-count N] [--limit N] [--user-only]" >&2; exit 64 ;;
  esac
done

# Some machines set these for old OpenBLAS builds; they slow a current numpy, so the peers run without them.
peer_env=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE)

echo "== peers: $bench/.venv"
[ -x "$bench/.venv/bin/python" ] || python3 -m venv "$bench/.venv"
"${peer_env[@]}" "$bench/.venv/bin/pip" install --quiet --disable-pip-version-check -r "$bench/requirements.txt"

echo "== release builds"
(cd "$repository" && swift build -c release --product augment --scratch-path "$bench/.build-augment")
if ! $user_only; then
(cd "$bench" && swift build -c release --product augment-bench --scratch-path "$bench/.build")

echo "== inputs: $bench/.data"
stamp="$bench/.data/inputs.sha256"
wanted="$(sha256sum "$bench/make_inputs.py" | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  rm -rf "$bench/.data/speech" "$bench/.data/images" "$bench/.data/stoi" "$bench/.data/ssim"
  "${peer_env[@]}" "$bench/.venv/bin/python" "$bench/make_inputs.py" "$repository" "$bench/.data"
  echo "$wanted" > "$stamp"
fi

echo "== runs"
"$bench/.venv/bin/python" "$bench/drive.py" --repository "$repository" --bench "$bench" \
  --augment-bench "$bench/.build/release/augment-bench" --augment "$bench/.build-augment/release/augment" \
  ${driver_options[@]+"${driver_options[@]}"}
fi

echo "== user-level rows"
"${peer_env[@]}" "$bench/.venv/bin/python" "$bench/user/drive.py" --repository "$repository" \
  --augment "$bench/.build-augment/release/augment" --python "$bench/.venv/bin/python" \
  ${user_options[@]+"${user_options[@]}"}
