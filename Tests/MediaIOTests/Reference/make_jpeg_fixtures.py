"""Writes the JPEG files that JPEGFileTests read, with Pillow (which bundles libjpeg-turbo), and what Pillow
decodes them to.

    python3 Tests/MediaIOTests/Reference/make_jpeg_fixtures.py    (needs Pillow; 13.0.0 wrote these)

The pixels are a 48x32 crop of samples/images/img005.png from row 80, column 80: a photo crop, so every
turn or mirror of it differs from it by far more than JPEG's error.

- upright.png: the crop, lossless.
- orientation-N.jpg, N = 1..8: the crop stored turned so that the Exif orientation N (written in the
  file's APP1 block) turns it back upright; quality 95, no chroma subsampling. The script checks that
  Pillow's ImageOps.exif_transpose gives the upright crop back.
- quality-Q.jpg: the crop saved at quality Q with Pillow's default settings; quality.json lists Q per file
  (Pillow passes Q to libjpeg's jpeg_set_quality, so the file's tables are libjpeg's for Q).
- gray.jpg, progressive.jpg: the crop as 8-bit grayscale (quality 90), and as a progressive RGB JPEG
  (quality 80); gray-pillow.png and progressive-pillow.png hold what Pillow decodes them to.
- cmyk.jpg: the crop converted to CMYK by Pillow and saved as a CMYK JPEG.
"""

import json
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps

here = Path(__file__).resolve().parent
photo = Image.open(here.parents[2] / "samples/images/img005.png").convert("RGB")
upright = photo.crop((80, 80, 80 + 48, 80 + 32))
upright.save(here / "upright.png")

# The transpose that turns an upright image into what a camera stores under each orientation: the inverse
# of the one ImageOps.exif_transpose applies.
stored_by_orientation = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}
for orientation, transpose in stored_by_orientation.items():
    stored = upright if transpose is None else upright.transpose(transpose)
    exif = Image.Exif()
    exif[0x0112] = orientation
    path = here / f"orientation-{orientation}.jpg"
    stored.save(path, quality=95, subsampling=0, exif=exif.tobytes())
    shown = np.asarray(ImageOps.exif_transpose(Image.open(path)), dtype=float)
    error = np.abs(shown - np.asarray(upright, dtype=float)).mean()
    assert error < 3, (orientation, error)

qualities = {}
for quality in [5, 10, 25, 40, 50, 60, 75, 85, 90, 95, 100]:
    name = f"quality-{quality}.jpg"
    upright.save(here / name, quality=quality)
    qualities[name] = quality
(here / "quality.json").write_text(json.dumps(qualities, indent=2, sort_keys=True) + "\n")

upright.convert("L").save(here / "gray.jpg", quality=90)
Image.open(here / "gray.jpg").save(here / "gray-pillow.png")
upright.save(here / "progressive.jpg", quality=80, progressive=True)
Image.open(here / "progressive.jpg").save(here / "progressive-pillow.png")
upright.convert("CMYK").save(here / "cmyk.jpg", quality=90)
assert Image.open(here / "cmyk.jpg").mode == "CMYK"
