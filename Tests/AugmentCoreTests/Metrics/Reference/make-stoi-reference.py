#!/usr/bin/env python3
"""Writes stoi-reference.json: pystoi's STOI and extended STOI for pairs the Swift tests rebuild exactly.

Run once from anywhere (the output is committed; CI never runs Python):

    python3 -m venv /tmp/venv-stoi && /tmp/venv-stoi/bin/pip install pystoi soundfile numpy
    /tmp/venv-stoi/bin/python Tests/AugmentCoreTests/Metrics/Reference/make-stoi-reference.py

Two groups of pairs:

* "synthetic": signals from synthetic_signals.py (reproduced sample for sample by SyntheticSignals.swift).
  At 10 kHz pystoi does not resample, so these check the algorithm itself; at 16 kHz they add resampling.
* "samples": a shipped clean utterance (samples/speech/clean/) against the same utterance plus the first
  samples of a shipped noise-bank clip (16 kHz mono, like the utterances) at a plain-RMS SNR
  (synthetic_signals.mix). Both sides resample to 10 kHz, each with its own polyphase filter.

Audio is read as float32 (libsndfile's k / 2^(bits-1)), as MediaIO.AudioFile reads it.
"""

import json
import pathlib

import numpy as np
import soundfile
from importlib.metadata import version
from pystoi import stoi, utils

from synthetic_signals import babble, mix, speech_like, white_noise

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[3]

SNRS = [-5.0, 0.0, 5.0, 10.0]


def third_octave_bands():
    """pystoi's band matrix at 10 kHz, 512-point FFT, 15 bands from 150 Hz, as [first bin, end bin) per band."""
    matrix, _ = utils.thirdoct(10000, 512, 15, 150)
    return [[int(np.nonzero(row)[0][0]), int(np.nonzero(row)[0][-1]) + 1] for row in matrix]


def synthetic_noise(spec, sample_rate, seconds):
    count = int(round(seconds * sample_rate))
    if spec["kind"] == "white":
        return white_noise(count, spec["seed"])
    return babble(sample_rate, seconds)


def synthetic_pairs():
    cases = []
    for rate in (10000, 16000):
        for noise in ({"kind": "white", "seed": 7}, {"kind": "babble"}):
            for snr in SNRS:
                cases.append((rate, noise, snr, False))
        cases.append((rate, {"kind": "babble"}, -20.0, False))
        cases.append((rate, {"kind": "white", "seed": 7}, 0.0, True))
        cases.append((rate, {"kind": "babble"}, 5.0, True))
    entries = []
    for rate, noise_spec, snr, extended in cases:
        seconds = 3.0
        clean = speech_like(rate, seconds, 120.0)
        noisy = mix(clean, synthetic_noise(noise_spec, rate, seconds), snr)
        value = stoi(clean.astype(np.float64), noisy.astype(np.float64), rate, extended=extended)
        entries.append({
            "sampleRate": rate, "seconds": seconds, "f0": 120.0, "noise": noise_spec,
            "snr": snr, "extended": extended, "stoi": float(value),
        })
    return entries


# (clean utterance, noise-bank clip, SNRs in dB, SNRs also scored with extended STOI)
SAMPLE_PAIRS = [
    ("samples/speech/clean/s001.wav", "noise-banks/car/car-city-01.wav", [-5.0, 5.0], [-5.0]),
    ("samples/speech/clean/s002.wav", "noise-banks/cafe/cafe-01.wav", [0.0, 10.0], []),
    ("samples/speech/clean/s003.wav", "noise-banks/people/people-01.wav", [-5.0, 5.0], [5.0]),
    ("samples/speech/clean/s004.wav", "noise-banks/train/train-01.wav", [0.0, 10.0], []),
    ("samples/speech/clean/s005.wav", "noise-banks/machine/machine-press-01.wav", [-5.0, 5.0], [-5.0]),
    ("samples/speech/clean/s006.wav", "noise-banks/plane/plane-01.wav", [0.0, 10.0], [0.0]),
    ("samples/speech/clean/s007.wav", "noise-banks/food-court/food-court-01.wav", [-5.0, 0.0], []),
]


def read_mono(path):
    samples, rate = soundfile.read(ROOT / path, dtype="float32", always_2d=True)
    if samples.shape[1] != 1:
        raise SystemExit(f"{path}: expected mono, found {samples.shape[1]} channels")
    return samples[:, 0], rate


def sample_pairs():
    entries = []
    for clean_path, noise_path, snrs, extended_snrs in SAMPLE_PAIRS:
        clean, rate = read_mono(clean_path)
        noise, noise_rate = read_mono(noise_path)
        if noise_rate != rate or len(noise) < len(clean):
            raise SystemExit(f"{noise_path}: needs at least {len(clean)} samples at {rate} Hz")
        for snr in snrs:
            for extended in (False, True) if snr in extended_snrs else (False,):
                noisy = mix(clean, noise[: len(clean)], snr)
                value = stoi(clean.astype(np.float64), noisy.astype(np.float64), rate, extended=extended)
                entries.append({
                    "clean": clean_path, "noise": noise_path, "sampleRate": rate,
                    "snr": snr, "extended": extended, "stoi": float(value),
                })
    return entries


def main():
    reference = {
        "generator": f"pystoi {version('pystoi')}, numpy {version('numpy')}, scipy {version('scipy')}",
        "thirdOctaveBands": third_octave_bands(),
        "synthetic": synthetic_pairs(),
        "samples": sample_pairs(),
    }
    (HERE / "stoi-reference.json").write_text(json.dumps(reference, indent=2) + "\n")


if __name__ == "__main__":
    main()
