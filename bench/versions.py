"""Prints, as JSON, the versions of the peers and what numpy's BLAS and OpenCV's PNG codec are."""

import json
from importlib.metadata import version

import cv2
import numpy  # noqa: F401  (loaded so threadpoolctl sees its BLAS)
from threadpoolctl import threadpool_info

PACKAGES = ("audiomentations", "soundfile", "albumentations", "albucore", "opencv-python-headless", "pystoi",
            "scikit-image", "scipy", "numpy", "librosa")

build = cv2.getBuildInformation().splitlines()
print(json.dumps({
    "python": __import__("sys").version.split()[0],
    "packages": {name: version(name) for name in PACKAGES},
    "blas": [{k: pool.get(k) for k in ("internal_api", "version", "architecture", "num_threads")} for pool in threadpool_info()],
    "opencv_png": next((line.split(":", 1)[1].strip() for line in build if line.strip().startswith("PNG:")), "?"),
    "opencv_zlib": next((line.split(":", 1)[1].strip() for line in build if line.strip().startswith("ZLib:")), "?"),
}))
