#!/usr/bin/env python3
"""Reference values for the audio realism features and the ROC AUC, from published implementations.

Writes realism-reference.json beside this script. For each shipped clip: the 95 % spectral roll-off
(librosa.feature.spectral_rolloff, roll_percent=0.95, on the mean power spectrum of the clip's frames),
the noise floor's octave-band levels computed with NumPy as AudioRealismFeatures documents them, and the
fraction of clipped samples. For fixed score sets: the ROC AUC by scikit-learn's roc_auc_score.

Frames: the power of two nearest 0.032 * rate samples, hop half a frame, the window
0.5 - 0.5 cos(2 pi (n + 1) / (N + 1)) (MATLAB's hanning, as augment's Window.hanning), |rfft|^2.
Run: pip install librosa scikit-learn soundfile; python3 make-realism-reference.py
"""
import json
from pathlib import Path

import librosa
import numpy as np
import soundfile
from sklearn.metrics import roc_auc_score

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]
CLIPS = ["samples/speech/clean/s001.wav", "samples/speech/slices/car-01.wav", "samples/speech/slices/people-08.wav",
         "samples/speech/slices/lowbw-03.wav", "noise-banks/machine/machine-press-01.wav"]
BANDS = [125, 250, 500, 1000, 2000, 4000]


def spectra(x, rate):
    n = 1 << max(2, int(round(np.log2(0.032 * rate))))
    if len(x) < n:
        x = np.concatenate([x, np.zeros(n - len(x), dtype=x.dtype)])
    hop = n // 2
    window = (0.5 - 0.5 * np.cos(2 * np.pi * np.arange(1, n + 1) / (n + 1))).astype(np.float32)
    count = (len(x) - n) // hop + 1
    frames = np.stack([x[f * hop:f * hop + n] * window for f in range(count)]).astype(np.float64)
    return n, np.abs(np.fft.rfft(frames, axis=1)) ** 2, window


def features(path):
    x, rate = soundfile.read(ROOT / path, dtype="float32", always_2d=True)
    first = x[:, 0]
    n, power, window = spectra(first, rate)
    mean = power.mean(axis=0)
    rolloff = librosa.feature.spectral_rolloff(S=mean[:, None], sr=rate, n_fft=n, roll_percent=0.95)[0, 0]
    energies = power.sum(axis=1)
    silent = 0.5 * n * np.sum(window.astype(np.float64) ** 2) * 1e-10
    sounding = [i for i in range(len(energies)) if energies[i] > silent]
    quiet_count = max(1, int(np.floor(0.2 * len(sounding) + 0.5)))
    quietest = sorted(sounding, key=lambda i: (energies[i], i))[:quiet_count]
    floor = power[quietest].mean(axis=0)
    freqs = np.arange(len(floor)) * rate / n
    bands = np.array([floor[(freqs >= c / np.sqrt(2)) & (freqs < c * np.sqrt(2))].sum() for c in BANDS])
    levels = [max(-60.0, 10 * np.log10(b / bands.sum())) if b > 0 else -60.0 for b in bands]
    clipped = float(np.mean(np.abs(x) >= 32767 / 32768))
    return {"path": path, "rolloff_hz": float(rolloff), "noise_floor_db": [float(v) for v in levels],
            "clipped_fraction": clipped}


def auc_cases():
    rng = np.random.default_rng(2017)
    cases = []
    for positives, negatives in [(12, 30), (10, 10), (25, 7)]:
        p = np.round(rng.normal(0.5, 1.0, positives), 1)  # rounded so that ties occur
        q = np.round(rng.normal(0.0, 1.0, negatives), 1)
        auc = roc_auc_score(np.r_[np.ones(positives), np.zeros(negatives)], np.r_[p, q])
        cases.append({"positives": p.tolist(), "negatives": q.tolist(), "auc": float(auc)})
    return cases


if __name__ == "__main__":
    out = {"generator": f"librosa {librosa.__version__}, numpy {np.__version__}, scikit-learn roc_auc_score",
           "clips": [features(c) for c in CLIPS], "auc": auc_cases()}
    (HERE / "realism-reference.json").write_text(json.dumps(out, indent=1) + "\n")
