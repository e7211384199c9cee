"""Reference per-class metrics from scikit-learn for ClassificationMetricsTests.

Run once in a venv with scikit-learn (python3 -m venv /tmp/venv-ref && /tmp/venv-ref/bin/pip install scikit-learn),
then commit classification.json:

    /tmp/venv-ref/bin/python make-classification.py > classification.json

Undefined values (precision of a class never predicted, recall of a class never labelled) are written as null;
scikit-learn reports them as nan with zero_division=np.nan. With that setting scikit-learn leaves such classes out
of its macro precision and recall, whereas augment reports those averages as undefined, so the test compares them
only where every class is defined. F1 is 2TP / (2TP + FP + FN) in both, defined for every class.
"""

import json
import sys

import numpy as np
import sklearn
from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support


def case(name, labels, predictions):
    classes = sorted(set(labels) | set(predictions))
    precision, recall, f1, support = precision_recall_fscore_support(
        labels, predictions, labels=classes, zero_division=np.nan)
    undefined = lambda value: None if np.isnan(value) else float(value)
    result = {
        "name": name,
        "labels": labels,
        "predictions": predictions,
        "classes": classes,
        "confusionMatrix": confusion_matrix(labels, predictions, labels=classes).tolist(),
        "precision": [undefined(v) for v in precision],
        "recall": [undefined(v) for v in recall],
        "f1": [undefined(v) for v in f1],
        "support": [int(v) for v in support],
        "accuracy": float(accuracy_score(labels, predictions)),
    }
    for average in ["macro", "micro"]:
        figures = precision_recall_fscore_support(
            labels, predictions, labels=classes, average=average, zero_division=np.nan)
        result[average] = [float(v) for v in figures[:3]]
    return result


rng = np.random.default_rng(20240605)
animals = ["bird", "cat", "dog", "fish"]

# Every class is labelled and predicted, with a noisy, unbalanced confusion.
labels = rng.choice(animals, size=300, p=[0.1, 0.5, 0.3, 0.1]).tolist()
predictions = [l if rng.random() < 0.75 else str(rng.choice(animals)) for l in labels]
balanced = case("all-defined", labels, predictions)

# "fish" is never predicted (precision undefined) and "emu" is never a label (recall undefined).
labels = rng.choice(animals, size=200, p=[0.2, 0.4, 0.3, 0.1]).tolist()
predictions = [
    "emu" if rng.random() < 0.05 else (l if l != "fish" and rng.random() < 0.8 else str(rng.choice(animals[:3])))
    for l in labels
]
undefined = case("undefined", labels, predictions)

json.dump({"scikit-learn": sklearn.__version__, "cases": [balanced, undefined]}, sys.stdout, indent=1)
sys.stdout.write("\n")
