"""Writes the PNG files that PNGEncoderTests compares the encoder's row filtering with.

    python3 Tests/MediaIOTests/Reference/make_libpng_fixtures.py    (needs opencv-python and Pillow)

Each file is written by cv2.imwrite with IMWRITE_PNG_COMPRESSION = 6, that is by the libpng OpenCV
bundles (1.6.58 in opencv-python-headless 5.0.0.93), with libpng's default adaptive row filtering;
then decoded again by OpenCV and, where Pillow keeps every bit, by Pillow, and compared with the
array written. The pixels are crops of the shipped photos, cropped so that no row is a whole number
of 16-byte vectors:

- libpng-gray8.png: 45x40, 8-bit gray, the luma OpenCV computes from samples/images/img003.png.
- libpng-rgb8.png: 50x40, 8-bit RGB, samples/images/img001.png from row 100, column 60.
- libpng-rgba16.png: 23x40, 16-bit RGBA: samples/images/img002.png from row 30, column 90, each
  level v widened to 257 v + (7 x + 13 y) mod 251; alpha 65535 - (1021 x + 523 y) mod 4096.
"""

from pathlib import Path

import cv2
import numpy as np
from PIL import Image

here = Path(__file__).resolve().parent
photos = here.parents[2] / "samples/images"


def write(name: str, image: np.ndarray, pil_mode: str | None) -> None:
    """`image` in OpenCV's channel order (BGR, BGRA)."""
    path = here / name
    assert cv2.imwrite(str(path), image, [cv2.IMWRITE_PNG_COMPRESSION, 6])
    assert np.array_equal(cv2.imread(str(path), cv2.IMREAD_UNCHANGED), image), f"{name}: OpenCV decodes otherwise"
    if pil_mode:
        with Image.open(path) as decoded:
            assert decoded.mode == pil_mode, decoded.mode
            rgb = image[..., ::-1] if image.ndim == 3 else image
            assert np.array_equal(np.asarray(decoded), rgb), f"{name}: Pillow decodes otherwise"
    print(f"{name}: {image.shape[1]}x{image.shape[0]}, {image.dtype}, {path.stat().st_size} bytes")


def main() -> None:
    gray = cv2.cvtColor(cv2.imread(str(photos / "img003.png"), cv2.IMREAD_COLOR), cv2.COLOR_BGR2GRAY)
    write("libpng-gray8.png", np.ascontiguousarray(gray[50:90, 20:65]), "L")

    rgb = cv2.imread(str(photos / "img001.png"), cv2.IMREAD_COLOR)
    write("libpng-rgb8.png", np.ascontiguousarray(rgb[100:140, 60:110]), "RGB")

    crop = cv2.imread(str(photos / "img002.png"), cv2.IMREAD_COLOR)[30:70, 90:113].astype(np.uint32)
    y, x = np.mgrid[0:40, 0:23]
    wide = crop * 257 + ((7 * x + 13 * y) % 251)[..., None]
    alpha = 65535 - (1021 * x + 523 * y) % 4096
    bgra = np.dstack([wide, alpha]).astype(np.uint16)
    # Pillow reads 16-bit RGBA as 8-bit, so only OpenCV checks this one.
    write("libpng-rgba16.png", np.ascontiguousarray(bgra), None)


if __name__ == "__main__":
    main()
