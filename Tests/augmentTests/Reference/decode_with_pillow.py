"""Decodes image files with Pillow, the second decoder JPEGRunTests checks augment's JPEG outputs with.

    python3 Tests/augmentTests/Reference/decode_with_pillow.py OUTFOLDER FILE...    (needs Pillow)

For each FILE, prints one JSON line {"file", "format", "mode", "width", "height"} as Pillow reads it, and
writes the decoded 8-bit samples, row by row with channels interleaved, to OUTFOLDER/<file name>.raw.
Pillow decodes JPEG with the libjpeg-turbo its wheels bundle (3.2.0 in Pillow 13.0), a build separate from
the system's that augment links (2.1.5 on Debian 12).
"""

import json
import sys
from pathlib import Path

from PIL import Image

out = Path(sys.argv[1])
for name in sys.argv[2:]:
    with Image.open(name) as image:
        image.load()
        print(json.dumps({"file": name, "format": image.format, "mode": image.mode,
                          "width": image.width, "height": image.height}))
        (out / (Path(name).name + ".raw")).write_bytes(image.tobytes())
