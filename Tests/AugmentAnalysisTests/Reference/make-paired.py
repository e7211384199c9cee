"""Reference values for Compare/PairedComparisonTests.swift: the exact McNemar test's p-value, computed by
statsmodels, and Newcombe's square-and-add interval for the difference of paired proportions (Newcombe 1998,
method 10 for paired data) built from statsmodels' Wilson intervals.

Run once in a venv with statsmodels (python3 -m venv /tmp/venv-ref && /tmp/venv-ref/bin/pip install statsmodels),
then commit paired.json:

    /tmp/venv-ref/bin/python make-paired.py > paired.json

p-values: statsmodels.stats.contingency_tables.mcnemar(table, exact=True), the binomial test on the discordant pairs.

Intervals: no Python library publishes the paired square-and-add interval, so `square_and_add` below follows the
R package contingencytables (Fagerland, Lydersen and Laake, "Statistical Analysis of Contingency Tables", 2017,
chapter 8, function Newcombe_square_and_add_CI_paired_2x2), with the Wilson intervals from statsmodels'
proportion_confint(method="wilson"). The script first checks it against the figures the book and that package's
test suite print for the example of Cavo et al. (2012), table [[59, 6], [16, 80]]: estimate -0.0621, 95% interval
-0.1186 to -0.0046, and stops if they disagree.

R. G. Newcombe, "Improved confidence intervals for the difference between binomial proportions based on paired
data", Statistics in Medicine 17 (1998) 2635-2650.

Each case is (bothRight, becameWrong, becameRight, bothWrong): a slice's examples scored before and after. The
difference is accuracy after minus accuracy before, so the 2x2 table's rows are after (right, wrong) and its
columns before (right, wrong).
"""

import json
import math
import sys

import statsmodels
from statsmodels.stats.contingency_tables import mcnemar
from statsmodels.stats.proportion import proportion_confint


def square_and_add(n, confidence):
    """Newcombe's paired interval for n = [[a, b], [c, d]]: row sums minus column sums over the total."""
    total = sum(map(sum, n))
    rows = [n[0][0] + n[0][1], n[1][0] + n[1][1]]
    columns = [n[0][0] + n[1][0], n[0][1] + n[1][1]]
    p1 = rows[0] / total
    p2 = columns[0] / total
    estimate = p1 - p2
    alpha = 1 - confidence
    l1, u1 = proportion_confint(rows[0], total, alpha=alpha, method="wilson")
    l2, u2 = proportion_confint(columns[0], total, alpha=alpha, method="wilson")
    if 0 in rows or 0 in columns:
        psi = 0.0
    else:
        product = math.sqrt(rows[0] * rows[1] * columns[0] * columns[1])
        a = n[0][0] * n[1][1] - n[0][1] * n[1][0]
        if a > total / 2:
            psi = (a - total / 2) / product
        elif a >= 0:
            psi = 0.0
        else:
            psi = a / product
    lower = estimate - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2 - 2 * psi * (p1 - l1) * (u2 - p2))
    upper = estimate + math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2 - 2 * psi * (p2 - l2) * (u1 - p1))
    return estimate, lower, upper


def check_published():
    estimate, lower, upper = square_and_add([[59, 6], [16, 80]], 0.95)
    printed = (round(estimate, 4), round(lower, 4), round(upper, 4))
    if printed != (-0.0621, -0.1186, -0.0046):
        sys.exit(f"square-and-add disagrees with the published Cavo et al. interval: {printed}")


CASES = [
    # The shipped speech table's low-bandwidth slice: 6 of 10 right before; 3 of them wrong after, or all 6.
    ((3, 3, 0, 4), 0.95),
    ((0, 6, 0, 4), 0.95),
    # The published examples: Cavo et al. 2012 and Bentur et al. 2009 (as rows after, columns before).
    ((59, 16, 6, 80), 0.95),
    ((1, 7, 1, 12), 0.95),
    # No example changed; an empty margin (everything right after); larger slices; other confidence levels.
    ((50, 0, 0, 10), 0.95),
    ((10, 0, 5, 0), 0.95),
    ((700, 40, 25, 235), 0.95),
    ((3000, 130, 170, 700), 0.99),
    ((80, 9, 2, 9), 0.9),
    ((0, 0, 0, 5), 0.95),
]


def main():
    check_published()
    cases = []
    for (both_right, became_wrong, became_right, both_wrong), confidence in CASES:
        table = [[both_right, became_right], [became_wrong, both_wrong]]
        p_value = float(mcnemar([[both_right, became_wrong], [became_right, both_wrong]], exact=True).pvalue)
        estimate, lower, upper = square_and_add(table, confidence)
        cases.append(
            {
                "outcomes": [both_right, became_wrong, became_right, both_wrong],
                "confidence": confidence,
                "pValue": p_value,
                "estimate": estimate,
                "lower": lower,
                "upper": upper,
            }
        )
    json.dump({"statsmodels": statsmodels.__version__, "cases": cases}, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
