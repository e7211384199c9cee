"""Trains the example speech scorer: one centroid of log-mel statistics per phrase of the clean clips.

    python3 samples/models/train_speech.py   # writes samples/models/speech-centroids.json

Every untagged row of samples/errors-speech.csv is one clean clip of one phrase, so each centroid is
that clip's feature vector, standardised with the mean and spread over all clean clips.
"""

import csv
import json
from pathlib import Path

import numpy as np

from logmel import features

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent


def main():
    with open(SAMPLES / "errors-speech.csv", newline="") as table:
        clean = [row for row in csv.DictReader(table) if not row["tags"]]
    vectors = np.array([features(SAMPLES / row["path"]) for row in clean])
    mean, spread = vectors.mean(axis=0), vectors.std(axis=0) + 1e-9
    model = {
        "mean": [round(x, 6) for x in mean],
        "spread": [round(x, 6) for x in spread],
        "labels": [row["label"] for row in clean],
        "centroids": [[round(x, 6) for x in (v - mean) / spread] for v in vectors],
    }
    (HERE / "speech-centroids.json").write_text(json.dumps(model, indent=1) + "\n")


if __name__ == "__main__":
    main()
