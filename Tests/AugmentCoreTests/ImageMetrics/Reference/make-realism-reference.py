#!/usr/bin/env python3
"""Writes realism-reference.json: the image realism features of test images, from NumPy, SciPy and
scikit-image (image_realism_features.py defines each feature with library calls).

Run once and commit the output (CI never runs Python):

    pip install numpy scipy scikit-image
    python3 Tests/AugmentCoreTests/ImageMetrics/Reference/make-realism-reference.py

Images: the deterministic patterns of ../../Image/Reference/reference_images.py (RGB and gray 8-bit,
RGB 16-bit, RGB with a deterministic noise added) and one shipped sample of each kind (normal light,
blurry, reflection, dark and light background).
"""

import json
import sys
from pathlib import Path

import numpy as np
import scipy
import skimage
from skimage import io

HERE = Path(__file__).resolve().parent
REPOSITORY = HERE.parents[3]
sys.path.insert(0, str(HERE.parents[1] / "Image" / "Reference"))
import reference_images as ref  # noqa: E402
import image_realism_features as features  # noqa: E402

SAMPLES = ("img002", "img001", "img005", "img006", "img013")


def main():
    rgb8 = ref.rgb8()
    images = {
        "rgb8": (rgb8, 255),
        "rgb8-noise": (ref.noise8(rgb8), 255),
        "gray8": (ref.gray8(), 255),
        "rgb16": (ref.rgb16(), 65535),
    }
    for name in SAMPLES:
        path = REPOSITORY / "samples" / "images" / f"{name}.png"
        images[str(path.relative_to(REPOSITORY))] = (io.imread(path).astype(np.int64), 255)
    reference = {
        "generator": "Tests/AugmentCoreTests/ImageMetrics/Reference/make-realism-reference.py",
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "scikit-image": skimage.__version__,
        "names": features.NAMES,
        "images": [{"image": name, "features": features.measure_features(levels, max_level)}
                   for name, (levels, max_level) in images.items()],
    }
    (HERE / "realism-reference.json").write_text(json.dumps(reference, indent=1) + "\n")


if __name__ == "__main__":
    main()
