#!/usr/bin/env python3
"""Writes stoi-short-reference.json: pystoi's STOI on clips with less than 384 ms of speech, scored over
one segment of every speech frame they have, for the Swift tests of STOI.measure.

Run once from anywhere (the output is committed; CI never runs Python):

    python3 -m venv /tmp/venv-stoi && /tmp/venv-stoi/bin/pip install pystoi soundfile numpy scipy
    /tmp/venv-stoi/bin/python Tests/AugmentCoreTests/Metrics/Reference/make-stoi-short-reference.py

pystoi keeps the segment length in the module constant `pystoi.stoi.N` (30, Taal et al. 2011) and
returns 1e-5 when fewer frames of speech remain. Setting `N` to the number of frames a clip has gives
the score STOI.measure computes for it. The frame count is pystoi's own: `utils.remove_silent_frames`
then `utils.stft` on the clean signal at 10 kHz.

Groups:

* "synthetic": 0.4 s and 0.25 s speech-like clips (synthetic_signals.speech_like with 50 ms of silence
  at each end) at 8, 10 and 16 kHz with white noise or babble;
* "samples": 0.3, 0.4 and 0.5 s cut from shipped utterances where they are loudest, with the head of a
  shipped noise clip, as keyword clips are;
* "tooShort": clips with fewer than 10 frames of speech, which STOI.measure refuses;
* "segmentLengths": the evidence for scoring short clips at all: on whole shipped utterances mixed with
  shipped noise at -15..10 dB, how scores over N = 20, 15, 12 and 10 frames compare with N = 30.
"""

import glob
import importlib
import json
import pathlib
import warnings
from importlib.metadata import version

import numpy as np
import soundfile
from scipy.stats import spearmanr

from synthetic_signals import babble, mix, speech_like, white_noise

pystoi_module = importlib.import_module("pystoi.stoi")
from pystoi import utils  # noqa: E402

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[3]
SHORTEST = 10


def speech_frames(clean, rate):
    """pystoi's STFT frame count of the clean signal after silent-frame removal."""
    x = clean.astype(np.float64)
    if rate != pystoi_module.FS:
        x = utils.resample_oct(x, pystoi_module.FS, rate)
    x, _ = utils.remove_silent_frames(x, x, pystoi_module.DYN_RANGE, pystoi_module.N_FRAME, pystoi_module.N_FRAME // 2)
    return utils.stft(x, pystoi_module.N_FRAME, pystoi_module.NFFT, overlap=2).shape[0]


def score(clean, noisy, rate, n, extended=False):
    pystoi_module.N = n
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            return float(pystoi_module.stoi(clean.astype(np.float64), noisy.astype(np.float64), rate, extended=extended))
    finally:
        pystoi_module.N = 30


def short_score(clean, noisy, rate, extended=False):
    frames = speech_frames(clean, rate)
    if frames < SHORTEST:
        raise SystemExit(f"only {frames} frames of speech")
    n = min(30, frames)
    return frames, n, score(clean, noisy, rate, n, extended)


# (seconds, lead, rates, [(noise, SNRs, SNRs also scored with extended STOI)])
SYNTHETIC_CLIPS = [
    (0.4, 0.05, (8000, 10000, 16000), [
        ({"kind": "white", "seed": 7}, [-5.0, 0.0, 5.0, 10.0], [0.0]),
        ({"kind": "babble"}, [-5.0, 5.0], [5.0]),
    ]),
    (0.25, 0.05, (10000, 16000), [({"kind": "white", "seed": 7}, [0.0, 5.0], [])]),
]


def synthetic_pairs():
    entries = []
    for seconds, lead, rates, noises in SYNTHETIC_CLIPS:
        for rate in rates:
            clean = speech_like(rate, seconds, 120.0, lead=lead)
            count = len(clean)
            for noise, snrs, extended in noises:
                samples = white_noise(count, noise["seed"]) if noise["kind"] == "white" else babble(rate, seconds)
                for snr in snrs:
                    for ext in (False, True) if snr in extended else (False,):
                        frames, n, value = short_score(clean, mix(clean, samples, snr), rate, ext)
                        entries.append({
                            "sampleRate": rate, "seconds": seconds, "lead": lead, "f0": 120.0, "noise": noise,
                            "snr": snr, "extended": ext, "frames": frames, "segmentLength": n, "stoi": value,
                        })
    return entries


def read_mono(path):
    samples, rate = soundfile.read(ROOT / path, dtype="float32", always_2d=True)
    return samples[:, 0], rate


def loudest_window(samples, count, step):
    """The start of the `count`-sample window with the most energy, searched every `step` samples."""
    energy = np.concatenate([[0.0], np.cumsum(samples.astype(np.float64) ** 2)])
    starts = np.arange(0, len(samples) - count + 1, step)
    return int(starts[np.argmax(energy[starts + count] - energy[starts])])


# (utterance, noise clip, seconds cut, SNRs in dB)
SAMPLE_CUTS = [
    ("samples/speech/clean/s001.wav", "noise-banks/car/car-city-01.wav", 0.4, [-5.0, 5.0]),
    ("samples/speech/clean/s002.wav", "noise-banks/cafe/cafe-01.wav", 0.3, [0.0, 10.0]),
    ("samples/speech/clean/s003.wav", "noise-banks/people/people-01.wav", 0.5, [-5.0, 5.0]),
    ("samples/speech/clean/s004.wav", "noise-banks/train/train-01.wav", 0.4, [0.0, 10.0]),
    ("samples/speech/clean/s005.wav", "noise-banks/machine/machine-press-01.wav", 0.3, [-5.0, 5.0]),
    ("samples/speech/clean/s006.wav", "noise-banks/plane/plane-01.wav", 0.5, [0.0, 10.0]),
]


def sample_pairs():
    entries = []
    for clean_path, noise_path, seconds, snrs in SAMPLE_CUTS:
        utterance, rate = read_mono(clean_path)
        noise, _ = read_mono(noise_path)
        count = int(round(seconds * rate))
        start = loudest_window(utterance, count, rate // 100)
        clean = utterance[start:start + count]
        for snr in snrs:
            frames, n, value = short_score(clean, mix(clean, noise[:count], snr), rate)
            entries.append({
                "clean": clean_path, "start": start, "count": count, "noise": noise_path, "sampleRate": rate,
                "snr": snr, "frames": frames, "segmentLength": n, "stoi": value,
            })
    return entries


def too_short():
    """Speech-like clips whose speech is too short for even 10 frames: 0.25 s with 80 ms of silence at each
    end, and 0.5 s with 0.2 s at each end."""
    entries = []
    for rate, seconds, lead in ((10000, 0.25, 0.08), (16000, 0.5, 0.2)):
        frames = speech_frames(speech_like(rate, seconds, 120.0, lead=lead), rate)
        if frames >= SHORTEST:
            raise SystemExit(f"{seconds} s with {lead} s lead has {frames} frames")
        entries.append({"sampleRate": rate, "seconds": seconds, "lead": lead, "f0": 120.0, "frames": frames})
    return entries


def segment_lengths():
    noises = sorted(glob.glob(str(ROOT / "noise-banks/*/*.wav")))
    utterances = sorted(glob.glob(str(ROOT / "samples/speech/clean/*.wav")))[:30]
    scores = {n: [] for n in (30, 20, 15, 12, 10)}
    for i, path in enumerate(utterances):
        clean, rate = soundfile.read(path, dtype="float32")
        noise, _ = soundfile.read(noises[i % len(noises)], dtype="float32", always_2d=True)
        for snr in (-15.0, -10.0, -5.0, 0.0, 5.0, 10.0):
            noisy = mix(clean, noise[: len(clean), 0], snr)
            for n in scores:
                scores[n].append(score(clean, noisy, rate, n))
    full = np.array(scores[30])
    return [
        {
            "segmentLength": n, "pairs": len(full),
            "spearman": float(spearmanr(full, np.array(scores[n]))[0]),
            "meanDifference": float(np.mean(np.array(scores[n]) - full)),
            "largestDifference": float(np.max(np.abs(np.array(scores[n]) - full))),
        }
        for n in (20, 15, 12, 10)
    ]


def main():
    reference = {
        "generator": f"pystoi {version('pystoi')}, numpy {version('numpy')}, scipy {version('scipy')}",
        "shortestSegmentLength": SHORTEST,
        "synthetic": synthetic_pairs(),
        "samples": sample_pairs(),
        "tooShort": too_short(),
        "segmentLengths": segment_lengths(),
    }
    (HERE / "stoi-short-reference.json").write_text(json.dumps(reference, indent=2) + "\n")


if __name__ == "__main__":
    main()
