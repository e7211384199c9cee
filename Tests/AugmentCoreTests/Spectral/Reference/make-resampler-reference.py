#!/usr/bin/env python3
"""Writes resampler-reference.json: scipy's `resample_poly` output for the inputs PolyphaseResamplerTests uses.

The filter is designed by scipy, from the specification PolyphaseResampler takes (as STOI configures it: a
transition band from 0.852 to 1.148 of the lower Nyquist frequency, 60 dB stop-band attenuation):
  - the Kaiser shape from `scipy.signal.kaiser_beta(60)`;
  - the length from Kaiser's formula, N = ceil((A − 7.95) / (2.285 · π · Δω)) with Δω the transition
    width relative to the interpolated Nyquist frequency (`scipy.signal.kaiserord`'s N − 1), rounded up to
    the next even number so that the filter is symmetric about a centre tap: 2·ceil(N/2) + 1 taps;
  - the taps from `scipy.signal.firwin(taps, cutoff, window=("kaiser", β))`, cutoff at the band's middle.
`resample_poly(x, L, M, window=taps)` then scales them by L, zero-stuffs, filters and keeps every M-th
sample, in float64. The inputs are the float32 white noise of `Metrics/Reference/synthetic_signals.py`,
which `SyntheticSignals.whiteNoise` reproduces sample for sample.

Run from this folder: python3 make-resampler-reference.py
"""
import json
import math
import pathlib
import sys
from fractions import Fraction

import numpy as np
import scipy
from scipy import signal

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "Metrics" / "Reference"))
from synthetic_signals import white_noise  # noqa: E402

TARGET = 10_000
BAND = (0.852, 1.148)
ATTENUATION = 60.0
# (source rate, input length): shorter than the filter, around its length, longer; few and many phases.
CASES = [
    (16_000, 1), (16_000, 3), (16_000, 39), (16_000, 40), (16_000, 41), (16_000, 1_000), (16_000, 4_801),
    (44_100, 997), (8_000, 333), (48_000, 2_000),
]


def taps(source, target):
    ratio = Fraction(target, source)
    up, down = ratio.numerator, ratio.denominator
    band = BAND[1] - BAND[0]
    middle = (BAND[0] + BAND[1]) / 2
    # Relative to the interpolated Nyquist frequency, the lower Nyquist frequency is 1 / max(L, M).
    width = band / max(up, down)
    n = math.ceil((ATTENUATION - 7.95) / (2.285 * math.pi * width))
    count = 2 * math.ceil(n / 2) + 1
    beta = signal.kaiser_beta(ATTENUATION)
    return up, down, signal.firwin(count, middle / max(up, down), window=("kaiser", beta))


cases = []
for source, count in CASES:
    up, down, h = taps(source, TARGET)
    x = white_noise(count, count).astype(np.float64)
    y = signal.resample_poly(x, up, down, window=h)
    cases.append({"sourceRate": source, "count": count, "seed": count, "taps": len(h),
                  "output": [float(v) for v in y]})

reference = {"generator": f"scipy {scipy.__version__} resample_poly, firwin, kaiser_beta", "targetRate": TARGET,
             "cases": cases}
path = pathlib.Path(__file__).with_name("resampler-reference.json")
path.write_text(json.dumps(reference) + "\n")
