#!/usr/bin/env python3
"""Writes wada-snr-reference.json: WADA-SNR estimates (Kim & Stern, Interspeech 2008) by the widely used
reference implementation, for mixes the Swift tests rebuild exactly.

No maintained package on PyPI provides WADA-SNR, so `wada_snr` below is the reference implementation
as it circulates (a Python port of Chanwoo Kim's MATLAB code from LabROSA's snreval), with its
published table of G(SNR) for −20…100 dB, unchanged except for converting the input to float64.
Run once (the output is committed; CI never runs Python):

    python3 -m venv /tmp/venv-stoi && /tmp/venv-stoi/bin/pip install pystoi soundfile numpy
    /tmp/venv-stoi/bin/python Tests/AugmentCoreTests/Metrics/Reference/make-wada-snr-reference.py

Inputs: shipped clean utterances alone, and with Gaussian noise from synthetic_signals.gaussian_noise
mixed in at a plain-RMS SNR (synthetic_signals.mix), plus shipped slice members as they are.
"""

import json
import pathlib

import numpy as np
import soundfile

from synthetic_signals import gaussian_noise, mix

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[3]

DB_VALS = np.arange(-20, 101)
G_VALS = np.array([
    0.40974774, 0.40986926, 0.40998566, 0.40969089, 0.40986186, 0.40999006, 0.41027138, 0.41052627,
    0.41101024, 0.41143264, 0.41231718, 0.41337272, 0.41526426, 0.4178192, 0.42077252, 0.42452799,
    0.42918886, 0.43510373, 0.44234195, 0.45161485, 0.46221153, 0.47491647, 0.48883809, 0.50509236,
    0.52353709, 0.54372088, 0.56532427, 0.58847532, 0.61346212, 0.63954496, 0.66750818, 0.69583724,
    0.72454762, 0.75414799, 0.78323148, 0.81240985, 0.84219775, 0.87166406, 0.90030504, 0.92880418,
    0.95655449, 0.9835349, 1.01047155, 1.0362095, 1.06136425, 1.08579312, 1.1094819, 1.13277995,
    1.15472826, 1.17627308, 1.19703503, 1.21671694, 1.23535898, 1.25364313, 1.27103891, 1.28718029,
    1.30302865, 1.31839527, 1.33294817, 1.34700935, 1.3605727, 1.37345513, 1.38577122, 1.39733504,
    1.40856397, 1.41959619, 1.42983624, 1.43958467, 1.44902176, 1.45804831, 1.46669568, 1.47486938,
    1.48269965, 1.49034339, 1.49748214, 1.50435106, 1.51076426, 1.51698915, 1.5229097, 1.528578,
    1.53389835, 1.5391211, 1.5439065, 1.54858517, 1.55310776, 1.55744391, 1.56164927, 1.56566348,
    1.56938671, 1.57307767, 1.57654764, 1.57980083, 1.58304129, 1.58602496, 1.58880681, 1.59162477,
    1.5941969, 1.59693155, 1.599446, 1.60185011, 1.60408668, 1.60627134, 1.60826199, 1.61004547,
    1.61192472, 1.61369656, 1.61534074, 1.61688905, 1.61838916, 1.61985374, 1.62135878, 1.62268119,
    1.62390423, 1.62513143, 1.62632463, 1.6274027, 1.62842767, 1.62945532, 1.6303307, 1.63128026,
    1.63204102,
])


def wada_snr(wav):
    """The reference implementation, step for step."""
    eps = 1e-10
    wav = np.array(wav, dtype=np.float64)
    wav = wav / abs(wav).max()
    abs_wav = abs(wav)
    abs_wav[abs_wav < eps] = eps
    v1 = max(eps, abs_wav.mean())          # E[|z|]
    v2 = np.log(abs_wav).mean()            # E[log|z|]
    v3 = np.log(v1) - v2                   # log(E[|z|]) - E[log(|z|)]
    wav_snr_idx = None
    if any(G_VALS < v3):
        wav_snr_idx = np.where(G_VALS < v3)[0].max()
    if wav_snr_idx is None:
        wav_snr = DB_VALS[0]
    elif wav_snr_idx == len(DB_VALS) - 1:
        wav_snr = DB_VALS[-1]
    else:
        wav_snr = DB_VALS[wav_snr_idx] + (v3 - G_VALS[wav_snr_idx]) / (
            G_VALS[wav_snr_idx + 1] - G_VALS[wav_snr_idx]) * (DB_VALS[wav_snr_idx + 1] - DB_VALS[wav_snr_idx])
    d_eng = sum(wav ** 2)
    d_factor = 10 ** (wav_snr / 10)
    d_noise_eng = d_eng / (1 + d_factor)
    d_sig_eng = d_eng * d_factor / (1 + d_factor)
    return 10 * np.log10(d_sig_eng / d_noise_eng)


def read_mono(path):
    samples, rate = soundfile.read(ROOT / path, dtype="float32", always_2d=True)
    if samples.shape[1] != 1:
        raise SystemExit(f"{path}: expected mono, found {samples.shape[1]} channels")
    return samples[:, 0]


CLEAN = [f"samples/speech/clean/s{i:03d}.wav" for i in range(1, 13)]
SNRS = [0.0, 5.0, 10.0, 20.0]
SLICE_MEMBERS = ["samples/speech/slices/car-01.wav", "samples/speech/slices/people-04.wav"]
NOISE_SEED = 20080922


def main():
    entries = []
    for index, path in enumerate(CLEAN):
        clean = read_mono(path)
        entries.append({"path": path, "snr": None, "estimate": float(wada_snr(clean))})
        noise = gaussian_noise(len(clean), NOISE_SEED + index)
        for snr in SNRS:
            entries.append({
                "path": path, "noiseSeed": NOISE_SEED + index, "snr": snr,
                "estimate": float(wada_snr(mix(clean, noise, snr))),
            })
    for path in SLICE_MEMBERS:
        entries.append({"path": path, "snr": None, "estimate": float(wada_snr(read_mono(path)))})
    reference = {"generator": f"reference wada_snr, numpy {np.__version__}", "table": {
        "db": [int(d) for d in DB_VALS], "g": [float(g) for g in G_VALS]}, "entries": entries}
    (HERE / "wada-snr-reference.json").write_text(json.dumps(reference, indent=1) + "\n")


if __name__ == "__main__":
    main()
