#!/usr/bin/env python3
"""Writes opencv-reference.json: cv2.GaussianBlur outputs the Swift blur must reproduce.

Run once in a virtual environment and commit the output (CI never runs Python):

    python3 -m venv /tmp/venv-image
    /tmp/venv-image/bin/pip install opencv-python-headless numpy
    /tmp/venv-image/bin/python Tests/AugmentCoreTests/Image/Reference/make-opencv-reference.py

Images come from reference_images.py, whose formulas ReferenceImages.swift reproduces.
"""

import json
from pathlib import Path

import cv2
import numpy as np

import reference_images as ref

HERE = Path(__file__).resolve().parent


def blur_case(name, image, bit_depth, sigma):
    dtype = np.uint8 if bit_depth == 8 else np.uint16
    blurred = cv2.GaussianBlur(image.astype(dtype), (0, 0), sigma)
    if blurred.ndim == 2:
        blurred = blurred[..., None]
    height, width, channels = image.shape
    return {
        "image": name,
        "width": width,
        "height": height,
        "channels": channels,
        "bitDepth": bit_depth,
        "sigma": sigma,
        "levels": blurred.reshape(-1).tolist(),
    }


def measured_kernel_size(sigma):
    """The support of cv2.GaussianBlur's response to a float32 impulse (the rule for every depth but 8-bit)."""
    impulse = np.zeros((1, 301), np.float32)
    impulse[0, 150] = 1
    response = cv2.GaussianBlur(impulse, (0, 0), sigma, borderType=cv2.BORDER_CONSTANT)
    support = np.nonzero(response[0])[0]
    return int(support.max() - support.min() + 1)


def measured_fixed_point_kernel(sigma):
    """OpenCV's 8-bit kernel in 1/256 units, read off its blur of a one-row impulse of 255.

    A one-row image gets a vertical kernel of [256], so each output is round(255 * k / 256), which
    is k itself for every k up to 128; the taps must then sum to 256.
    """
    impulse = np.zeros((1, 301), np.uint8)
    impulse[0, 150] = 255
    response = cv2.GaussianBlur(impulse, (0, 0), sigma)[0]
    radius = (int(round(sigma * 6 + 1)) | 1) // 2
    taps = response[150 - radius:151 + radius].astype(int)
    assert taps.max() <= 128 and taps.sum() == 256 and response.sum() == 256
    return taps.tolist()


def main():
    rgb8 = ref.rgb8()
    tiny = rgb8[:5, :7]
    blurs = [
        blur_case("rgb8", rgb8, 8, 0.8),
        blur_case("rgb8", rgb8, 8, 1.5),
        blur_case("rgb8", rgb8, 8, 3.0),
        blur_case("gray8", ref.gray8(), 8, 2.0),
        blur_case("rgb8-top-left-7x5", tiny, 8, 2.0),
        blur_case("rgb16", ref.rgb16(), 16, 1.2),
    ]
    sigmas = [0.5, 0.8, 1.0, 1.3, 2.0, 2.5, 3.7]
    reference = {
        "generator": "Tests/AugmentCoreTests/Image/Reference/make-opencv-reference.py",
        "opencv": cv2.__version__,
        "numpy": np.__version__,
        "blurs": blurs,
        "kernelSizesBeyondEightBit": [{"sigma": s, "size": measured_kernel_size(s)} for s in sigmas],
        "fixedPointKernelsEightBit": [
            {"sigma": s, "taps": measured_fixed_point_kernel(s)} for s in [1.0, 1.5, 2.4, 3.0]
        ],
        "kernels": [
            {"sigma": s, "size": n, "weights": cv2.getGaussianKernel(n, s, cv2.CV_64F).reshape(-1).tolist()}
            for s, n in [(0.8, 5), (1.5, 11), (1.5, 13), (3.0, 19)]
        ],
    }
    (HERE / "opencv-reference.json").write_text(json.dumps(reference, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
