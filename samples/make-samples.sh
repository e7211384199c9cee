#!/usr/bin/env bash
# Regenerates the demo dataset in samples/ (its outputs are committed; users need not run this).
#
#   bash samples/make-samples.sh
#
# Writes speech/clean/, speech/slices/, speech/transcripts.csv, images/, errors-speech.csv and
# errors-images.csv next to this script, replacing what was there. Deterministic: two runs give
# byte-identical files on the same versions of espeak-ng, sox, zlib and numpy.
#
# Needs: python3 with numpy and pyroomacoustics, espeak-ng, sox and ffmpeg with libopus
# (Debian: apt-get install -y espeak-ng sox ffmpeg python3-numpy; pip install pyroomacoustics==0.10.1).
# The noise in the noisy slice members comes from ../noise-banks/make-noise-banks.py.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
for tool in python3 espeak-ng sox ffmpeg; do
  command -v "$tool" >/dev/null || { echo "make-samples.sh: '$tool' not found; install it (see the top of this script)" >&2; exit 1; }
done
python3 -c 'import numpy' 2>/dev/null || { echo "make-samples.sh: python3 cannot import numpy; install python3-numpy" >&2; exit 1; }
python3 -c 'import pyroomacoustics' 2>/dev/null || { echo "make-samples.sh: python3 cannot import pyroomacoustics; pip install pyroomacoustics==0.10.1" >&2; exit 1; }
exec python3 "$here/make_samples.py" "$@"
