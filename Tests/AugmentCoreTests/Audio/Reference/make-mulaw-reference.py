#!/usr/bin/env python3
"""Writes mulaw-reference.json: G.711 μ-law as CPython's audioop implements it (Sun's g711.c).

For every 16-bit linear input the code audioop.lin2ulaw gives, stored as runs (the first input of each
run of equal codes), and the 16-bit value audioop.ulaw2lin gives for each of the 256 codes.
Run once with Python 3.11 or 3.12 (audioop left the standard library in 3.13; there use the
`audioop-lts` package from PyPI, which is the same code):

    python3 Tests/AugmentCoreTests/Audio/Reference/make-mulaw-reference.py
"""
import array
import json
import pathlib
import platform
import sys
import warnings

warnings.simplefilter("ignore", DeprecationWarning)
try:
    import audioop
except ImportError:  # Python 3.13+
    import audioop_lts as audioop  # type: ignore

inputs = array.array("h", range(-32768, 32768))
codes = audioop.lin2ulaw(inputs.tobytes(), 2)
runs = []
for value, code in zip(range(-32768, 32768), codes):
    if not runs or runs[-1][1] != code:
        runs.append([value, code])
decoded = array.array("h")
decoded.frombytes(audioop.ulaw2lin(bytes(range(256)), 2))
if sys.byteorder != "little":
    decoded.byteswap()

out = pathlib.Path(__file__).with_name("mulaw-reference.json")
out.write_text(json.dumps({
    "generator": f"CPython {platform.python_version()} audioop.lin2ulaw / audioop.ulaw2lin",
    "encodeRuns": runs,
    "decode": list(decoded),
}, separators=(",", ":")) + "\n")
print(f"{len(runs)} runs written to {out}")
