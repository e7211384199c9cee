#!/usr/bin/env python3
"""Writes loudness-short-reference.json: pyloudnorm's loudness of 0.2-0.39 s clips over one block.

BS.1770-4 integrates 400 ms blocks, so a shorter clip has no integrated loudness. augment measures it
over one block spanning the whole clip; pyloudnorm computes exactly that with `Meter(rate,
block_size=duration)`: one block (round((T - T_g) / (T_g / 4)) + 1 = 1), its K-weighted mean square,
the -70 LUFS absolute gate, and a relative gate that cannot drop the only block.

The block size is the clip's duration `frames / rate`. pyloudnorm truncates the block's end to an integer
frame and refuses a clip shorter than its block, so the block spans every frame only where `frames /
rate * rate` is `frames` again in floating point; each clip's frame count is the one nearest its nominal
duration for which it is.

Clips, each as float32 values (what augment's AudioBuffer holds), measured as float64:
* "cut": `frames` frames from frame `start` of a shipped file, taking every `step`-th frame: 16 kHz
  speech as is, every 2nd frame of it as 8 kHz (a plain decimation: aliased, but a valid 8 kHz
  signal), and 44.1 kHz stereo noise-bank clips.
* "tones": a sum of sines `amplitude * sin(2 pi f n / rate)` rounded to float32, including one quiet
  enough to fall under the absolute gate (null in the output: -infinity).
Paths are relative to the repository root. Run once from anywhere:

    python3 -m venv /tmp/venv-ref && /tmp/venv-ref/bin/pip install pyloudnorm numpy scipy soundfile
    /tmp/venv-ref/bin/python Tests/AugmentCoreTests/Audio/Reference/make-loudness-short-reference.py
"""
import json
import math
import pathlib
from importlib.metadata import version

import numpy as np
import pyloudnorm
import soundfile

ROOT = pathlib.Path(__file__).resolve().parents[4]
DURATIONS = [0.2, 0.25, 0.3, 0.35, 0.39]


def single_block(data, rate):
    frames = data.shape[0]
    block = frames / rate
    assert block * rate == frames, "the block would not span exactly the clip's frames"
    return pyloudnorm.Meter(rate, block_size=block).integrated_loudness(data)


def spanning_frames(seconds, rate):
    """The frame count nearest `seconds` whose duration `frames / rate` times `rate` is `frames` again."""
    nearest = round(seconds * rate)
    return next(f for d in range(8) for f in (nearest + d, nearest - d) if f / rate * rate == f)


def loudest_start(samples, frames, hop):
    """The start (a multiple of `hop`) of the loudest `frames` frames of a mono or summed signal."""
    power = np.square(samples if samples.ndim == 1 else samples.sum(axis=1))
    sums = np.concatenate([[0.0], np.cumsum(power)])
    starts = np.arange(0, len(power) - frames + 1, hop)
    return int(starts[np.argmax(sums[starts + frames] - sums[starts])])


def cut_entry(path, seconds, step):
    data, rate = soundfile.read(ROOT / path, dtype="float32")
    data = data[::step]
    rate //= step
    frames = spanning_frames(seconds, rate)
    start = loudest_start(data.astype(np.float64), frames, rate // 100)
    clip = data[start:start + frames].astype(np.float64)
    return {
        "kind": "cut", "path": path, "start": start * step, "step": step, "frames": frames,
        "sampleRate": rate, "channels": 1 if clip.ndim == 1 else clip.shape[1],
        "lufs": single_block(clip, rate),
    }


def tones_entry(rate, seconds, tones):
    frames = spanning_frames(seconds, rate)
    n = np.arange(frames)
    clip = sum(a * np.sin(2 * np.pi * f * n / rate) for f, a in tones).astype(np.float32).astype(np.float64)
    lufs = single_block(clip, rate)
    return {
        "kind": "tones", "tones": [[f, a] for f, a in tones], "frames": frames, "sampleRate": rate,
        "channels": 1, "lufs": lufs if math.isfinite(lufs) else None,
    }


entries = []
for i, seconds in enumerate(DURATIONS):
    speech = f"samples/speech/clean/s{i * 11 + 3:03d}.wav"
    entries.append(cut_entry(speech, seconds, 1))
    entries.append(cut_entry(speech, seconds, 2))
    entries.append(cut_entry(["noise-banks/car/car-pulling-away-03.wav", "noise-banks/plane/plane-03.wav"][i % 2], seconds, 1))
    for rate in (8000, 16000, 44100):
        entries.append(tones_entry(rate, seconds, [(997.0, 0.25), (120.0, 0.1)]))
entries.append(tones_entry(16000, 0.3, [(1000.0, 1e-4)]))
for entry in entries:
    print(entry["kind"], entry.get("path", entry.get("tones")), entry["sampleRate"], entry["frames"], entry["lufs"])

out = pathlib.Path(__file__).with_name("loudness-short-reference.json")
out.write_text(json.dumps({
    "generator": "pyloudnorm {} (numpy {}, scipy {}, soundfile {}), Meter(rate, block_size=duration)".format(
        version("pyloudnorm"), version("numpy"), version("scipy"), version("soundfile")),
    "clips": entries,
}, indent=2) + "\n")
print(f"written {out}")
