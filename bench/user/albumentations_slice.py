"""What a user writes with albumentations to make N copies of the clean photos of an error-analysis table:
read the table, keep the untagged rows the model got right, and loop over them, each step `cv2.imread` ->
`A.Compose([...])` at the transforms' defaults -> `cv2.imwrite` with OpenCV's defaults. `--jobs 2`
spreads the loop over `multiprocessing.Pool(2)`. `--png-level L` gives `cv2.imwrite` an explicit zlib level
(`IMWRITE_PNG_COMPRESSION`), for the rows at equal level.

    python albumentations_slice.py blurry --table samples/errors-images.csv --count 300 --out DIR [--jobs 2]
"""

import argparse
import csv
import multiprocessing
from pathlib import Path

import albumentations as A
import cv2

TRANSFORMS = {
    "blurry": [A.RandomBrightnessContrast(p=1.0), A.GaussianBlur(p=1.0)],
    "dark-background": [A.RandomBrightnessContrast(p=1.0), A.GaussianBlur(p=1.0)],
    "light-background": [A.RandomBrightnessContrast(p=1.0), A.GaussianBlur(p=1.0)],
    "reflection": [A.RandomBrightnessContrast(p=1.0), A.GaussianBlur(p=1.0)],
    "compressed": [A.ImageCompression(p=1.0)],
}


def clean_photos(table: Path) -> list[Path]:
    with open(table, newline="") as file:
        rows = [row for row in csv.DictReader(file) if not row["tags"] and row["label"] == row["prediction"]]
    return [table.parent / row["path"] for row in rows]


def make(index: int) -> None:
    photo = photos[index % len(photos)]
    image = cv2.imread(str(photo))
    augmented = augment(image=image)["image"]
    cv2.imwrite(str(out / f"{slice_name}-{index:06d}.png"), augmented, flags)


parser = argparse.ArgumentParser()
parser.add_argument("slice", choices=sorted(TRANSFORMS))
parser.add_argument("--table", type=Path, required=True)
parser.add_argument("--count", type=int, required=True)
parser.add_argument("--out", type=Path, required=True)
parser.add_argument("--jobs", type=int, default=1)
parser.add_argument("--png-level", type=int)
args = parser.parse_args()
slice_name, out = args.slice, args.out
out.mkdir(parents=True, exist_ok=True)
photos = clean_photos(args.table)
augment = A.Compose(TRANSFORMS[slice_name])
flags = [] if args.png_level is None else [cv2.IMWRITE_PNG_COMPRESSION, args.png_level]
if __name__ == "__main__":
    if args.jobs == 1:
        for index in range(args.count):
            make(index)
    else:
        with multiprocessing.Pool(args.jobs) as pool:
            pool.map(make, range(args.count), chunksize=8)
