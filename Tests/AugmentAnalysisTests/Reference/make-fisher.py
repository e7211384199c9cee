"""Reference p-values for Compare/FisherExactTests.swift: Fisher's exact test of a 2x2 table, one-sided (the first
row's rate of successes lower than the second's), computed by scipy.

Run once with scipy installed (python3 -m pip install scipy), then commit fisher.json:

    python3 make-fisher.py > fisher.json

scipy.stats.fisher_exact([[a, n1 - a], [b, n2 - b]], alternative="less") is the hypergeometric probability of at
most `a` successes in the first row given the margins. The script first checks it against Fisher's own example, the
lady tasting tea (R. A. Fisher, "The Design of Experiments", 1935, section 2): with 4 of 8 cups of each kind, the
chance of naming at least 3 of the 4 milk-first cups right by guessing is 17/70; read the other way, the chance
of at most 1 right is 17/70 too. It stops if they disagree.

Each case is (successes, trials, other successes, other trials): a group's accepted candidates out of those it
had judged, and the rest's.
"""

import json
import sys
from fractions import Fraction

import scipy
from scipy.stats import fisher_exact


def less(a, n1, b, n2):
    return float(fisher_exact([[a, n1 - a], [b, n2 - b]], alternative="less").pvalue)


def check_published():
    if abs(less(1, 4, 3, 4) - float(Fraction(17, 70))) > 1e-15:
        sys.exit(f"scipy disagrees with Fisher's tea-tasting example: {less(1, 4, 3, 4)}")


CASES = [
    (1, 4, 3, 4),
    # A label the gate rejects far more, in the counts a short run gives; the same rates with fewer candidates.
    (10, 95, 32, 80),
    (3, 20, 8, 20),
    # Equal rates; a higher rate (p near 1); no successes at all; every candidate accepted in both.
    (40, 100, 40, 100),
    (60, 100, 40, 100),
    (0, 30, 12, 40),
    (25, 25, 70, 70),
    # Larger runs: thousands of candidates, a difference of a few points, a speaker among many.
    (1800, 5000, 2000, 5000),
    (150, 1200, 30000, 80000),
    (7, 400, 250000, 600000),
]


def main():
    check_published()
    cases = [
        {"counts": [a, n1, b, n2], "pValue": less(a, n1, b, n2)}
        for a, n1, b, n2 in CASES
    ]
    json.dump({"scipy": scipy.__version__, "cases": cases}, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
