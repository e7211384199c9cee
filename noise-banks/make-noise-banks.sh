#!/usr/bin/env bash
# Regenerates the synthetic clips of noise-banks/<category>/ (they are committed; users need not run this).
#
#   bash noise-banks/make-noise-banks.sh [--only car people ...]
#
# Overwrites only the clips the script makes (listed in BANK in make-noise-banks.py); recordings
# you added to a category folder are left alone. Deterministic: two runs give byte-identical files.
#
# Needs: python3 with numpy, espeak-ng and sox with FLAC support
# (Debian: apt-get install -y espeak-ng sox python3-numpy).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
for tool in python3 espeak-ng sox; do
  command -v "$tool" >/dev/null || { echo "make-noise-banks.sh: '$tool' not found; install it (see the top of this script)" >&2; exit 1; }
done
python3 -c 'import numpy' 2>/dev/null || { echo "make-noise-banks.sh: python3 cannot import numpy; install python3-numpy" >&2; exit 1; }
exec python3 "$here/make-noise-banks.py" "$@"
