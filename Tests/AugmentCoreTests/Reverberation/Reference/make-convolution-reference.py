#!/usr/bin/env python3
"""Writes convolution-reference.json: SciPy's `fftconvolve(x, h, mode="full")` for FFTConvolutionTests.

Signal and impulse response are the float32 white noise of `Metrics/Reference/synthetic_signals.py`
(which `SyntheticSignals.whiteNoise` reproduces sample for sample), convolved in float64. The cases cover
one-sample inputs, a signal shorter than the response, one block, a few blocks, and more than eight blocks
(more than one pass of the eight FFT lanes). Long outputs are stored at every `stride`-th sample.

Run from this folder: python3 make-convolution-reference.py
"""
import json
import pathlib
import sys

import numpy as np
import scipy
from scipy import signal

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "Metrics" / "Reference"))
from synthetic_signals import white_noise  # noqa: E402

# (signal length, response length): seeds are the lengths, the response's plus 1000.
CASES = [(1, 1), (5, 3), (3, 40), (100, 1), (1000, 37), (3000, 300), (20_000, 100), (16_000, 8000)]

cases = []
for count, response_count in CASES:
    x = white_noise(count, count).astype(np.float64)
    h = white_noise(response_count, response_count + 1000).astype(np.float64)
    y = signal.fftconvolve(x, h, mode="full")
    stride = 1 if len(y) <= 4000 else 7
    cases.append({"count": count, "responseCount": response_count, "stride": stride,
                  "output": [float(v) for v in y[::stride]]})

reference = {"generator": f"scipy {scipy.__version__} signal.fftconvolve", "cases": cases}
pathlib.Path(__file__).with_name("convolution-reference.json").write_text(json.dumps(reference) + "\n")
