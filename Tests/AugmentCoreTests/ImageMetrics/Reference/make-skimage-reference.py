#!/usr/bin/env python3
"""Writes skimage-reference.json: SSIM from scikit-image and image statistics from OpenCV and NumPy.

Run once in a virtual environment and commit the output (CI never runs Python):

    python3 -m venv /tmp/venv-image
    /tmp/venv-image/bin/pip install scikit-image opencv-python-headless numpy
    /tmp/venv-image/bin/python Tests/AugmentCoreTests/ImageMetrics/Reference/make-skimage-reference.py

SSIM is skimage.metrics.structural_similarity with the settings of Wang et al. 2004: Gaussian weights,
sigma 1.5, population covariance, data_range 255 or 65535, colour channels last. Pairs are the
deterministic images of ../../Image/Reference/reference_images.py against exact integer edits of
themselves, plus shipped samples against their cv2.GaussianBlur. Statistics use Rec. 709 luma and
cv2.Laplacian with ksize 1 (border reflect-101) on luma scaled to 0-255.
"""

import csv
import json
import sys
from pathlib import Path

import cv2
import numpy as np
import skimage
from skimage.metrics import structural_similarity

HERE = Path(__file__).resolve().parent
REPOSITORY = HERE.parents[3]
sys.path.insert(0, str(HERE.parents[1] / "Image" / "Reference"))
import reference_images as ref  # noqa: E402

# Shipped photos of each kind (normal light, blurry, reflection, dark and light background), each with
# the sigma of the Gaussian blur it is compared against.
SAMPLES = {"img002": 1.0, "img001": 2.0, "img005": 1.5, "img006": 2.0, "img013": 1.0}
DEFECT_BOX_SIGMA = 2.0
REC709 = np.array([0.2126, 0.7152, 0.0722])


def ssim(a, b, max_level):
    """Mean SSIM over the colour channels (alpha dropped), and the value of each channel."""
    colors = 1 if a.shape[-1] <= 2 else 3
    a, b = a[..., :colors], b[..., :colors]
    channels = [
        structural_similarity(
            a[..., c], b[..., c], gaussian_weights=True, sigma=1.5, use_sample_covariance=False,
            data_range=max_level)
        for c in range(colors)
    ]
    whole = structural_similarity(
        a, b, gaussian_weights=True, sigma=1.5, use_sample_covariance=False, data_range=max_level,
        channel_axis=-1)
    assert abs(whole - np.mean(channels)) < 1e-12
    return float(whole), [float(v) for v in channels]


def luma(image, max_level):
    colors = 1 if image.shape[-1] <= 2 else 3
    if colors == 1:
        return image[..., 0] / max_level
    return (image[..., :3] @ REC709) / max_level


def statistics(name, image, max_level):
    y = luma(image.astype(np.float64), max_level)
    colors = 1 if image.shape[-1] <= 2 else 3
    color = image[..., :colors]
    laplacian = cv2.Laplacian(y * 255, cv2.CV_64F, ksize=1)
    return {
        "image": name,
        "meanLuminance": float(y.mean()),
        "rmsContrast": float(y.std()),
        "sharpness": float(laplacian.var()),
        "darkClippedFraction": float(np.mean(np.any(color == 0, axis=-1))),
        "brightClippedFraction": float(np.mean(np.any(color == max_level, axis=-1))),
    }


def box_contrast(name, image, max_level, box):
    x, y, width, height = box
    region = luma(image.astype(np.float64), max_level)[y:y + height, x:x + width]
    return {"image": name, "box": {"x": x, "y": y, "width": width, "height": height}, "rmsContrast": float(region.std())}


def defect_boxes():
    """Defect boxes ("x y width height") of the shipped samples, from samples/errors-images.csv."""
    with open(REPOSITORY / "samples" / "errors-images.csv", newline="") as table:
        return {row["id"]: tuple(int(v) for v in row["defect_box"].split()) for row in csv.DictReader(table)
                if row["defect_box"]}


def read_png(path):
    image = cv2.imread(str(path), cv2.IMREAD_UNCHANGED)
    if image.ndim == 2:
        return image[..., None]
    conversion = cv2.COLOR_BGRA2RGBA if image.shape[-1] == 4 else cv2.COLOR_BGR2RGB
    return cv2.cvtColor(image, conversion)


def main():
    rgb8, gray8, rgb16 = ref.rgb8(), ref.gray8(), ref.rgb16()
    pairs = {
        "rgb8-brighter": (rgb8, ref.brighter(rgb8), 255),
        "rgb8-contrast": (rgb8, ref.contrast8(rgb8), 255),
        "rgb8-box3": (rgb8, ref.box3(rgb8), 255),
        "rgb8-noise": (rgb8, ref.noise8(rgb8), 255),
        "rgb8-gaussian1.5": (rgb8, cv2.GaussianBlur(rgb8.astype(np.uint8), (0, 0), 1.5).astype(np.int64), 255),
        "gray8-box3": (gray8, ref.box3(gray8), 255),
        "gray8-noise": (gray8, ref.noise8(gray8), 255),
        "rgb16-contrast": (rgb16, ref.contrast16(rgb16), 65535),
        "rgb16-brighter": (rgb16, ref.brighter(rgb16, 3000, 65535), 65535),
        "rgba8-brighter": (ref.with_alpha(rgb8, 0), ref.with_alpha(ref.brighter(rgb8), 1), 255),
    }
    samples = [REPOSITORY / "samples" / "images" / f"{name}.png" for name in SAMPLES]
    boxes = defect_boxes()
    sample_pairs = []
    sample_boxes = []
    stats = [
        statistics("rgb8", rgb8, 255),
        statistics("rgb8-box3", ref.box3(rgb8), 255),
        statistics("gray8", gray8, 255),
        statistics("rgb16", rgb16, 65535),
    ]
    for path in samples:
        image = read_png(path)
        max_level = 65535 if image.dtype == np.uint16 else 255
        relative = str(path.relative_to(REPOSITORY))
        stats.append(statistics(relative, image.astype(np.int64), max_level))
        sigma = SAMPLES[path.stem]
        blurred = cv2.GaussianBlur(image, (0, 0), sigma)
        value, channels = ssim(image.astype(np.int64), blurred.astype(np.int64), max_level)
        sample_pairs.append({"file": relative, "sigma": sigma, "ssim": value, "channels": channels})
        if path.stem in boxes:
            blurred = cv2.GaussianBlur(image, (0, 0), DEFECT_BOX_SIGMA)
            box = boxes[path.stem]
            sample_boxes.append({
                "file": relative,
                "sigma": DEFECT_BOX_SIGMA,
                "source": box_contrast(relative, image, max_level, box),
                "blurred": box_contrast(relative, blurred, max_level, box),
            })

    reference = {
        "generator": "Tests/AugmentCoreTests/ImageMetrics/Reference/make-skimage-reference.py",
        "scikit-image": skimage.__version__,
        "opencv": cv2.__version__,
        "numpy": np.__version__,
        "pairs": [
            {"name": name, "ssim": value, "channels": channels}
            for name, (a, b, max_level) in pairs.items()
            for value, channels in [ssim(a, b, max_level)]
        ],
        "samplesVersusGaussianBlur": sample_pairs,
        "sampleDefectBoxes": sample_boxes,
        "statistics": stats,
        "boxContrast": [
            box_contrast("rgb8", rgb8, 255, (8, 4, 24, 20)),
            box_contrast("rgb8-box3", ref.box3(rgb8), 255, (8, 4, 24, 20)),
            box_contrast("rgb8", rgb8, 255, (48, 32, 16, 16)),
        ],
    }
    (HERE / "skimage-reference.json").write_text(json.dumps(reference, indent=1) + "\n")


if __name__ == "__main__":
    main()
