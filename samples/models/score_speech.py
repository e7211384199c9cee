"""An example scorer for `augment --model-cmd`: a nearest-centroid phrase classifier.

    augment --slice car-noise --count 20 --model-cmd "python3 samples/models/score_speech.py"

It reads one JSON object per line on standard input, {"id": ..., "path": ..., "label": ...}, and
answers each with one line, {"id": ..., "prediction": ..., "score": ...}: the phrase whose centroid
(samples/models/speech-centroids.json, made by train_speech.py) is nearest to the clip's log-mel
statistics, and the probability it gives the row's label (a softmax over negative distances; 0 for
a label it was not trained on). It flushes after every line, so `augment` never waits on a buffer.
"""

import json
import sys
from pathlib import Path

import numpy as np

from logmel import features

MODEL = json.loads((Path(__file__).resolve().parent / "speech-centroids.json").read_text())
MEAN, SPREAD = np.array(MODEL["mean"]), np.array(MODEL["spread"])
CENTROIDS, LABELS = np.array(MODEL["centroids"]), MODEL["labels"]


def answer(request):
    vector = (features(request["path"]) - MEAN) / SPREAD
    distances = np.linalg.norm(CENTROIDS - vector, axis=1)
    weights = np.exp(-(distances - distances.min()))
    probabilities = weights / weights.sum()
    label = request.get("label")
    score = float(probabilities[LABELS.index(label)]) if label in LABELS else 0.0
    return {"id": request["id"], "prediction": LABELS[int(distances.argmin())], "score": round(score, 6)}


if __name__ == "__main__":
    for line in sys.stdin:
        if line.strip():
            print(json.dumps(answer(json.loads(line))), flush=True)
