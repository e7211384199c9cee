"""Reference intervals for Compare/ProportionIntervalTests.swift: Wilson score intervals and Newcombe's hybrid score
interval for the difference of two independent proportions (Newcombe 1998, method 10), computed by statsmodels, and
the normal quantiles behind them, computed by scipy.

Run once in a venv with statsmodels (python3 -m venv /tmp/venv-ref && /tmp/venv-ref/bin/pip install statsmodels),
then commit newcombe.json:

    /tmp/venv-ref/bin/python make-newcombe.py > newcombe.json

statsmodels' confint_proportions_2indep(..., compare="diff", method="newcomb") is method 10 built from
proportion_confint(..., method="wilson") without continuity correction, the limits of each Wilson interval clipped
to 0...1. The script first checks it against the limits printed in Newcombe (1998), Table II, method 10, for the
examples (a) 56/70 - 48/80, (b) 9/10 - 3/10 and (g) 10/10 - 0/20 (the same figures are reproduced as SAS
PROC FREQ's Newcombe interval in Jones et al., WUSS 2016, paper 127, page 9), and stops if they disagree.

R. G. Newcombe, "Interval estimation for the difference between independent proportions: comparison of eleven
methods", Statistics in Medicine 17 (1998) 873-890.
"""

import json
import sys

import scipy
import statsmodels
from scipy.stats import norm
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint

# (x1, n1, x2, n2): (lower, upper) as printed, four decimals.
PUBLISHED = {
    (56, 70, 48, 80): (0.0524, 0.3339),
    (9, 10, 3, 10): (0.1705, 0.8090),
    (10, 10, 0, 20): (0.6791, 1.0000),
}


def difference(x1, n1, x2, n2, confidence):
    alpha = 1 - confidence
    lower, upper = confint_proportions_2indep(x1, n1, x2, n2, compare="diff", method="newcomb", alpha=alpha)
    case = {
        "first": [x1, n1],
        "second": [x2, n2],
        "confidence": confidence,
        "estimate": x1 / n1 - x2 / n2,
        "lower": float(lower),
        "upper": float(upper),
    }
    if confidence == 0.95 and (x1, n1, x2, n2) in PUBLISHED:
        published = PUBLISHED[(x1, n1, x2, n2)]
        if (round(float(lower), 4), round(float(upper), 4)) != published:
            sys.exit(f"statsmodels gives {lower}, {upper} for {x1}/{n1} - {x2}/{n2}; Newcombe prints {published}")
        case["published"] = list(published)
    return case


def wilson(x, n, confidence):
    lower, upper = proportion_confint(x, n, alpha=1 - confidence, method="wilson")
    return {"successes": x, "trials": n, "confidence": confidence, "lower": float(lower), "upper": float(upper)}


# Newcombe's eight examples of Table II, then slices of the size error-analysis tables have.
pairs = [
    (56, 70, 48, 80), (9, 10, 3, 10), (6, 7, 2, 7), (5, 56, 0, 29), (0, 10, 0, 20), (0, 10, 0, 10),
    (10, 10, 0, 20), (10, 10, 0, 10),
    (186, 200, 178, 200), (1250, 1500, 1305, 1500), (2825, 3000, 2820, 3000), (0, 1, 1, 1),
]
confidences = [0.95, 0.9, 0.99]

json.dump(
    {
        "statsmodels": statsmodels.__version__,
        "scipy": scipy.__version__,
        "quantiles": [{"confidence": c, "z": float(norm.isf((1 - c) / 2))} for c in confidences + [0.5, 0.999]],
        "wilson": [wilson(x, n, c) for c in confidences for x, n in [(56, 70), (0, 10), (10, 10), (178, 200), (1, 3)]],
        "differences": [difference(*pair, c) for c in confidences for pair in pairs],
    },
    sys.stdout,
    indent=1,
)
sys.stdout.write("\n")
