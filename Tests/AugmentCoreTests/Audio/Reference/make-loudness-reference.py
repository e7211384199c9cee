#!/usr/bin/env python3
"""Writes loudness-reference.json: pyloudnorm's integrated loudness (ITU-R BS.1770-4) of shipped audio.

Speech clips from samples/speech (clean and slice members, 16 kHz mono) and noise-bank clips in the
other formats the bank holds (22.05 kHz mono, 44.1 kHz stereo, 48 kHz FLAC mono and stereo), each
read with soundfile as float64 and measured with pyloudnorm's default K-weighting meter. Paths in
the output are relative to the repository root. Run once from anywhere:

    python3 -m venv /tmp/venv-ref && /tmp/venv-ref/bin/pip install pyloudnorm soundfile
    /tmp/venv-ref/bin/python Tests/AugmentCoreTests/Audio/Reference/make-loudness-reference.py
"""
import json
import pathlib
from importlib.metadata import version

import pyloudnorm
import soundfile

ROOT = pathlib.Path(__file__).resolve().parents[4]
CLIPS = [
    "samples/speech/clean/s001.wav",
    "samples/speech/clean/s012.wav",
    "samples/speech/clean/s025.wav",
    "samples/speech/clean/s038.wav",
    "samples/speech/clean/s047.wav",
    "samples/speech/clean/s060.wav",
    "samples/speech/slices/car-03.wav",
    "samples/speech/slices/people-05.wav",
    "samples/speech/slices/lowbw-02.wav",
    "samples/speech/slices/car-people-01.wav",
    "samples/speech/slices/people-lowbw-01.wav",
    "noise-banks/people/people-03.wav",
    "noise-banks/car/car-pulling-away-03.wav",
    "noise-banks/train/train-03.flac",
    "noise-banks/machine/machine-press-03.flac",
    "noise-banks/library/library-01.wav",
]

entries = []
for path in CLIPS:
    data, rate = soundfile.read(ROOT / path, dtype="float64")
    info = soundfile.info(ROOT / path)
    loudness = pyloudnorm.Meter(rate).integrated_loudness(data)
    entries.append({
        "path": path,
        "sampleRate": rate,
        "channels": info.channels,
        "format": f"{info.format}/{info.subtype}",
        "lufs": loudness,
    })
    print(f"{path}: {rate} Hz x {info.channels}, {loudness:.4f} LUFS")

out = pathlib.Path(__file__).with_name("loudness-reference.json")
out.write_text(json.dumps({
    "generator": "pyloudnorm {} (numpy {}, scipy {}, soundfile {}), Meter(rate).integrated_loudness".format(
        version("pyloudnorm"), version("numpy"), version("scipy"), version("soundfile")),
    "clips": entries,
}, indent=2) + "\n")
print(f"written {out}")
