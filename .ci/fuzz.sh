#!/usr/bin/env bash
# Fuzzes the readers and parsers: builds the libFuzzer targets in Fuzz/ with AddressSanitizer and runs each
# for a bounded time from its committed seeds (Fuzz/Corpus/<target>/) and dictionary. Fails on any crash,
# hang, leak or runaway allocation, keeping the input that caused it. docs/fuzzing.md explains the rest.
#
#   .ci/fuzz.sh [SECONDS [TARGET...]]     SECONDS per target (default 60; 0 only replays the seeds)
#
# Environment: FUZZ_FINDINGS (default Fuzz/Findings) receives each target's log, the inputs that grew
# coverage (corpus/) and any reproducer (crash-*, timeout-*, leak-*, oom-*).
set -euo pipefail
cd "$(dirname "$0")/../Fuzz"

seconds=${1:-60}
shift || true
if [ $# -gt 0 ]; then
  targets=("$@")
else
  targets=()
  for folder in Sources/fuzz-*/; do targets+=("$(basename "$folder")"); done
fi
findings=${FUZZ_FINDINGS:-Findings}
mkdir -p "$findings"
findings=$(cd "$findings" && pwd)

build=(swift build -c release --sanitize=fuzzer --sanitize=address)
started=$(date +%s)
"${build[@]}"
bin=$("${build[@]}" --show-bin-path)
echo "fuzz: built in $(($(date +%s) - started)) s"

# Leaks are checked after every input that allocates more than it frees, and at exit; lsan.supp lists the
# leaks that are not this project's. Swift's own crash handler is turned off so that libFuzzer's records
# the input and AddressSanitizer's report is printed.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1:allocator_may_return_null=0
export LSAN_OPTIONS=suppressions=$PWD/lsan.supp:print_suppressions=0
export SWIFT_BACKTRACE=enable=no

if [ "$seconds" -eq 0 ]; then budget=(-runs=0); else budget=(-max_total_time="$seconds"); fi
failed=()
for target in "${targets[@]}"; do
  out="$findings/$target"
  mkdir -p "$out/corpus"
  dictionary=()
  if [ -f "Dictionaries/$target.dict" ]; then dictionary=(-dict="Dictionaries/$target.dict"); fi
  echo "fuzz: $target for ${seconds} s"
  # -timeout: an input taking over 10 s is a hang. -malloc_limit_mb: no input of a few kilobytes has reason
  # to make a reader ask for more than 512 MiB at once (libpng's buffer for the largest PNG accepted, 64
  # megapixels of 16-bit RGBA, is 512 MiB, and no input this small can fill it); only a header believed
  # without checking does. -rss_limit_mb bounds the process. New inputs go to $out/corpus; the seeds are
  # read only.
  status=0
  "$bin/$target" "$out/corpus" "Corpus/$target" "${dictionary[@]}" "${budget[@]}" \
    -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=512 -detect_leaks=1 -print_final_stats=1 \
    -artifact_prefix="$out/" >"$out/log.txt" 2>&1 || status=$?
  grep -E '^(stat::number_of_executed_units|stat::new_units_added|#[0-9]+ *DONE)' "$out/log.txt" || true
  if [ "$status" -ne 0 ]; then
    failed+=("$target")
    echo "fuzz: $target FAILED (exit $status); log and reproducer in $out/" >&2
    grep -E -A40 'ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer)|Fatal error' "$out/log.txt" | head -60 >&2 || true
    grep -E '^(Base64:|artifact_prefix=)' "$out/log.txt" >&2 || true
  fi
done

echo "fuzz: ${#targets[@]} targets in $(($(date +%s) - started)) s"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: failures in ${failed[*]}; reproduce with: Fuzz/.build/release/<target> <reproducer> (docs/fuzzing.md)" >&2
  exit 1
fi
