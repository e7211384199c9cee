#!/usr/bin/env python3
"""How well a classifier tells each image slice's augmented samples from its real members.

For every image recipe (or those named with --slice), runs

    augment --slice S --count 60 --dataset samples/errors-images.csv --out TMP --seed 0 --force

then measures the realism features (../../AugmentCoreTests/ImageMetrics/Reference/
image_realism_features.py, the reference for ImageRealismFeatures) of the slice's real members (rows
of the table whose tags include S) and of the written samples, and prints the classifier two-sample
test's ROC AUC (Lopez-Paz and Oquab 2017): logistic regression on standardised features, 5-fold
stratified cross-validation (shuffled, seed 0), classes weighted by their size, AUC of the held-out
predicted probabilities (scikit-learn). 0.5: indistinguishable; 1: always told apart.

    python3 Tests/AugmentPipelineTests/Reference/c2st_images.py --augment .build/release/augment [--slice dark-background]
    python3 Tests/AugmentPipelineTests/Reference/c2st_images.py --folder augmented/dark-background --slice dark-background

Needs numpy, scipy, scikit-image and scikit-learn.
"""

import argparse
import csv
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from skimage import io
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

HERE = Path(__file__).resolve().parent
REPOSITORY = HERE.parents[2]
sys.path.insert(0, str(REPOSITORY / "Tests" / "AugmentCoreTests" / "ImageMetrics" / "Reference"))
import image_realism_features as features  # noqa: E402

SLICES = ("dark-background", "light-background", "blurry", "reflection")
TABLE = REPOSITORY / "samples" / "errors-images.csv"


def measure(path):
    return features.measure_features(io.imread(path)[..., :3])


def members(slice_name):
    with open(TABLE, newline="") as table:
        rows = [row for row in csv.DictReader(table) if slice_name in row["tags"].split(";")]
    return [measure(TABLE.parent / row["path"]) for row in rows]


def c2st_auc(real, made):
    x = np.array(real + made)
    y = np.array([1] * len(real) + [0] * len(made))
    model = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=5000, class_weight="balanced"))
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    probability = cross_val_predict(model, x, y, cv=folds, method="predict_proba")[:, 1]
    return roc_auc_score(y, probability)


def generate(augment, slice_name, count, folder, extra):
    """Runs augment; a run that ends short (e.g. too many candidates rejected) still leaves what it made."""
    command = [str(augment.resolve()), "--slice", slice_name, "--count", str(count), "--dataset", str(TABLE),
               "--out", str(folder), "--seed", "0", "--force"] + extra
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPOSITORY)
    if result.returncode != 0:
        last = result.stderr.strip().splitlines()[-1:] or ["(no message)"]
        print(f"{slice_name}: augment exited {result.returncode}: {last[0]}", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--augment", type=Path, help="the augment binary to run")
    parser.add_argument("--folder", type=Path, help="measure samples already written here instead")
    parser.add_argument("--slice", action="append", help="slice to measure (repeatable; default all image slices)")
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--config", type=Path, help="a recipe file passed to augment")
    arguments = parser.parse_args()
    slices = arguments.slice or list(SLICES)
    extra = ["--config", str(arguments.config)] if arguments.config else []
    print("slice                 members  samples  c2st_auc")
    for slice_name in slices:
        real = members(slice_name)
        with tempfile.TemporaryDirectory() as temporary:
            folder = arguments.folder or Path(temporary) / slice_name
            if not arguments.folder:
                generate(arguments.augment, slice_name, arguments.count, folder, extra)
            made = [measure(path) for path in sorted(folder.glob(f"{slice_name}-*.png"))]
        auc = c2st_auc(real, made) if len(made) >= 5 else float("nan")
        print(f"{slice_name:<21} {len(real):>7}  {len(made):>7}  {auc:8.3f}", flush=True)


if __name__ == "__main__":
    main()
