"""Single-core timings of OpenCV's kernels and albumentations' own calls on one in-memory image.

The same kernels and settings as `augment-bench kernels`: Gaussian blur at sigma 1.75 (the midpoint
of albumentations' default range), brightness +0.1 and contrast +0.1 (gain 1.1, offset 25.5 levels),
PNG decode, PNG encode at zlib level 6. Each runs --iterations times after one warm-up call; the
median call is reported. One JSON line per kernel and implementation.
"""

import argparse
import json
import statistics
import time
from pathlib import Path

import albucore
import cv2
from albumentations.augmentations.blur.functional import create_gaussian_kernel_1d
from albumentations.augmentations.pixel.functional import separable_convolve

import common

SIGMA = 1.75
GAIN, OFFSET = 1.1, 0.1 * 255


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--image", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--iterations", type=int, default=200)
    args = parser.parse_args()
    cv2.setNumThreads(1)
    image = cv2.imread(args.image, cv2.IMREAD_COLOR)
    Path(args.out).mkdir(parents=True, exist_ok=True)
    encoded = str(Path(args.out) / "kernel-encode.png")
    albumentations_kernel = create_gaussian_kernel_1d(SIGMA, 0)
    kernels = [
        ("gaussian-blur", "opencv", lambda: cv2.GaussianBlur(image, (0, 0), SIGMA)),
        ("gaussian-blur", "albumentations", lambda: separable_convolve(image, kernel=albumentations_kernel)),
        ("brightness-contrast", "opencv", lambda: cv2.convertScaleAbs(image, alpha=GAIN, beta=OFFSET)),
        ("brightness-contrast", "albumentations", lambda: albucore.multiply_add(image, GAIN, OFFSET, inplace=False)),
        ("png-decode", "opencv", lambda: cv2.imread(args.image, cv2.IMREAD_COLOR)),
        ("png-encode", "opencv", lambda: cv2.imwrite(encoded, image, [cv2.IMWRITE_PNG_COMPRESSION, 6])),
    ]
    for name, implementation, kernel in kernels:
        kernel()
        start, cpu_start = time.perf_counter(), common.cpu_seconds()
        durations = [common.milliseconds_of(kernel)[1] for _ in range(args.iterations)]
        seconds, cpu = time.perf_counter() - start, common.cpu_seconds() - cpu_start
        line = {
            "workload": "kernel-" + name,
            "implementation": implementation,
            "jobs": 1,
            "files": args.iterations,
            "seconds": seconds,
            "files_per_second": args.iterations / seconds,
            "cpu_seconds": cpu,
            "call_milliseconds_median": statistics.median(durations),
            "peak_rss_megabytes": common.peak_rss_megabytes(),
        }
        print(json.dumps(line, sort_keys=True), flush=True)


if __name__ == "__main__":
    main()
