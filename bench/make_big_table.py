"""Writes a large error-analysis table for timing table loading and run preparation.

Repeats the rows of samples/errors-speech.csv until the table holds ROWS rows, giving each copy a unique
id (the original id with a numeric suffix) and keeping its path, so every row points at a shipped clip.
The table is written next to the shipped one (samples/ by default) because its paths are relative to
its own folder and must stay inside it.

    python3 bench/make_big_table.py 1000000 samples/big-1000000.csv
"""

import csv
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main() -> None:
    rows_wanted = int(sys.argv[1])
    out = pathlib.Path(sys.argv[2])
    if out.resolve().parent != (ROOT / "samples").resolve():
        sys.exit("write the table into samples/ so its paths reach the shipped clips")
    with open(ROOT / "samples" / "errors-speech.csv", newline="") as source:
        reader = csv.reader(source)
        header = next(reader)
        rows = list(reader)
    id_column = header.index("id")
    with open(out, "w", newline="") as target:
        writer = csv.writer(target, lineterminator="\n")
        writer.writerow(header)
        for index in range(rows_wanted):
            row = list(rows[index % len(rows)])
            row[id_column] = f"{row[id_column]}-{index // len(rows):06d}"
            writer.writerow(row)


if __name__ == "__main__":
    main()
