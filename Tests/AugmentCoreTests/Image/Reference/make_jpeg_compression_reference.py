"""Compresses a sample photo with Pillow at several JPEG qualities, as the reference for
JPEGCompressionTests.

    python3 Tests/AugmentCoreTests/Image/Reference/make_jpeg_compression_reference.py
    (needs numpy and Pillow; Pillow 13.0.0, which bundles libjpeg-turbo, wrote jpeg-compression-reference.json)

samples/images/img005.png (256x256 RGB) is saved at each quality with Pillow's defaults (baseline, 4:2:0
chroma subsampling, libjpeg's standard Huffman tables, the accurate integer DCT) and decoded by Pillow. For
each quality the JSON holds the file's size in bytes and the PSNR of the decoded image against the original
over all 8-bit samples, 10·log10(255² / mean squared error).
"""

import io
import json
from pathlib import Path

import numpy as np
from PIL import Image

here = Path(__file__).resolve().parent
original = Image.open(here.parents[3] / "samples/images/img005.png").convert("RGB")
pixels = np.asarray(original, dtype=np.float64)

entries = []
for quality in (10, 50, 90):
    buffer = io.BytesIO()
    original.save(buffer, format="JPEG", quality=quality)
    decoded = np.asarray(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB"), dtype=np.float64)
    mse = np.mean((decoded - pixels) ** 2)
    entries.append({"quality": quality, "bytes": len(buffer.getvalue()), "psnrDB": round(float(10 * np.log10(255**2 / mse)), 4)})

(here / "jpeg-compression-reference.json").write_text(json.dumps(entries, indent=2, sort_keys=True) + "\n")
print(entries)
