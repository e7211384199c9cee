"""Deterministic test signals shared by the reference scripts and the Swift tests.

Tests/AugmentCoreTests/Metrics/SyntheticSignals.swift generates the same signals operation for
operation (a 32-bit linear congruential generator, float64 arithmetic, a final cast to float32), so
references computed here on these signals apply to the Swift side sample for sample.
"""

import numpy as np

FORMANTS = [(700.0, 1200.0), (300.0, 2300.0), (500.0, 900.0), (400.0, 2000.0)]


def lcg_uniform(count, seed):
    """count draws in [0, 1): state = 1664525·state + 1013904223 mod 2³², draw = state / 2³²."""
    out = np.empty(count)
    state = seed & 0xFFFFFFFF
    for i in range(count):
        state = (1664525 * state + 1013904223) & 0xFFFFFFFF
        out[i] = state / 4294967296.0
    return out


def white_noise(count, seed):
    """Zero-mean, unit-variance noise: (u₁ + u₂ + u₃ + u₄ − 2)·√3 from consecutive LCG draws, as float32."""
    u = lcg_uniform(4 * count, seed).reshape(count, 4)
    return ((((u[:, 0] + u[:, 1]) + u[:, 2]) + u[:, 3] - 2.0) * np.sqrt(3.0)).astype(np.float32)


def gaussian_noise(count, seed):
    """Zero-mean, unit-variance Gaussian noise by Box–Muller from consecutive LCG draws u₁, u₂:
    sqrt(−2·ln((u₁·2³² + 0.5)/2³²))·cos(2π·u₂), as float32."""
    u = lcg_uniform(2 * count, seed).reshape(count, 2)
    radius = np.sqrt(-2.0 * np.log((u[:, 0] * 4294967296.0 + 0.5) / 4294967296.0))
    return (radius * np.cos(2.0 * np.pi * u[:, 1])).astype(np.float32)


def speech_like(sample_rate, seconds, f0, offset=0.0, lead=0.25):
    """A voiced, syllabic signal: 250 ms syllables (every fifth one a pause) with a sin² envelope,
    harmonics of f0 below 4.5 kHz weighted 1/h and boosted around two formants that change per
    syllable; silent (exactly zero) for `lead` seconds at both ends. `offset` shifts the syllable
    pattern in time so that several voices do not pause together. Returned as float32."""
    count = int(round(seconds * sample_rate))
    t = np.arange(count) / sample_rate
    s = t - lead + offset
    syllable = np.floor(s * 4.0)
    phase = s * 4.0 - syllable
    envelope = np.sin(np.pi * phase) ** 2
    envelope[(t < lead) | (t >= seconds - lead) | (np.mod(syllable, 5) == 4)] = 0.0
    formant_index = np.mod(syllable, 4).astype(int)
    first = np.array([f[0] for f in FORMANTS])[formant_index]
    second = np.array([f[1] for f in FORMANTS])[formant_index]
    value = np.zeros(count)
    h = 1
    while h * f0 < 4500.0:
        frequency = h * f0
        weight = (1.0 / h) * (
            1.0
            + 4.0 * np.exp(-(((frequency - first) / 150.0) ** 2))
            + 3.0 * np.exp(-(((frequency - second) / 300.0) ** 2))
        )
        value = value + weight * np.sin(2.0 * np.pi * frequency * t)
        h += 1
    return (0.1 * envelope * value).astype(np.float32)


def babble(sample_rate, seconds):
    """Four speech-like voices (f0 100, 140, 180, 230 Hz) with staggered syllables, summed, as float32."""
    voices = [(100.0, 0.0), (140.0, 0.37), (180.0, 0.81), (230.0, 1.13)]
    total = np.zeros(int(round(seconds * sample_rate)))
    for f0, offset in voices:
        total = total + speech_like(sample_rate, seconds, f0, offset, lead=0.0).astype(np.float64)
    return total.astype(np.float32)


def mix(clean, noise, snr_db):
    """clean + g·noise with g = sqrt(Σclean² / Σnoise²)·10^(−snr/20), in float64, rounded to float32.

    This is the plain-RMS SNR over the whole clip (silences included)."""
    c = clean.astype(np.float64)
    n = noise.astype(np.float64)
    gain = np.sqrt(np.sum(c * c) / np.sum(n * n)) * 10.0 ** (-snr_db / 20.0)
    return (c + gain * n).astype(np.float32)
