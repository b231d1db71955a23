#!/usr/bin/env python3
"""Turns the CLINC150 data set (Larson et al. 2019, file data_full.json) into the CSV files `evaluate` reads.

    python3 scripts/clinc150-to-csv.py ../shared/bench/clinc150/data_full.json data/clinc150 [--per-intent 10] \\
        [--intents 30]

Writes, with the header `text,intent` and out-of-scope rows labelled `oos`:

    train.csv   train + oos_train      (15,000 + 100 rows)
    val.csv     val + oos_val          ( 3,000 + 100 rows)
    test.csv    test + oos_test        ( 4,500 + 1,000 rows)

With `--per-intent N` it also writes train-N.csv: the first N rows of each in-scope intent in train, in file order,
plus all 100 oos_train rows. The out-of-scope examples are kept whole, as the paper does for its smaller training
sets ("Small" and "Imbalanced" keep the 100 oos_train rows): they stand for the short "do not answer" list a
business writes once, not for examples per intent.

With `--intents N` every file keeps only N of the 150 intents, drawn at random (the same ones every time for a given N),
and all out-of-scope rows: a business with fewer intents, such as a shop with 30 (`--intents 30 --per-intent 10`)
or a bank with 70 (`--intents 70 --per-intent 30`).

Then, for example:

    java -jar target/frontdesk.jar evaluate --train data/clinc150/train.csv --val data/clinc150/val.csv \\
        --test data/clinc150/test.csv --json data/clinc150/full.json

The data set is CC BY 3.0 and is not part of this repository; keep the CSVs out of it (data/ is ignored by git).
Only the Python 3 standard library is needed.
"""

import argparse
import csv
import json
import os
import random
import sys
from collections import OrderedDict

OUT_OF_SCOPE = "oos"

# the seed of the draw for --intents: the year the data set was published
SEED = 2019


def rows(data, split):
    """The [text, intent] rows of one split, out-of-scope rows labelled OUT_OF_SCOPE."""
    if split not in data:
        sys.exit(f"the data set has no split '{split}'")
    result = []
    for text, intent in data[split]:
        result.append((text.strip(), OUT_OF_SCOPE if split.startswith("oos") else intent))
    return result


def first_per_intent(training, per_intent):
    """The first per_intent rows of each intent, in file order."""
    kept = OrderedDict()
    for text, intent in training:
        kept.setdefault(intent, [])
        if len(kept[intent]) < per_intent:
            kept[intent].append((text, intent))
    return [row for intent_rows in kept.values() for row in intent_rows]


def keep_intents(table, intents):
    """The rows of the given intents and the out-of-scope rows."""
    return [(text, intent) for text, intent in table if intent in intents or intent == OUT_OF_SCOPE]


def write(path, table):
    with open(path, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["text", "intent"])
        writer.writerows(table)
    print(f"{path}: {len(table)} rows, {sum(1 for _, intent in table if intent == OUT_OF_SCOPE)} out of scope")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_full", help="the CLINC150 file data_full.json")
    parser.add_argument("out_dir", help="folder for the CSV files (created if missing)")
    parser.add_argument("--per-intent", type=int, metavar="N",
                        help="also write train-N.csv with the first N examples of each in-scope intent")
    parser.add_argument("--intents", type=int, metavar="N",
                        help="keep only N intents, drawn at random, and the out-of-scope rows")
    args = parser.parse_args()
    if args.per_intent is not None and args.per_intent < 1:
        parser.error("--per-intent must be at least 1")

    with open(args.data_full, encoding="utf-8") as file:
        data = json.load(file)
    training = rows(data, "train")
    all_intents = sorted({intent for _, intent in training})
    if args.intents is not None and not 1 <= args.intents <= len(all_intents):
        parser.error(f"--intents must be from 1 to {len(all_intents)}")
    kept = set(random.Random(SEED).sample(all_intents, args.intents)) if args.intents else set(all_intents)
    training = keep_intents(training, kept)
    os.makedirs(args.out_dir, exist_ok=True)
    write(os.path.join(args.out_dir, "train.csv"), training + rows(data, "oos_train"))
    write(os.path.join(args.out_dir, "val.csv"), keep_intents(rows(data, "val"), kept) + rows(data, "oos_val"))
    write(os.path.join(args.out_dir, "test.csv"), keep_intents(rows(data, "test"), kept) + rows(data, "oos_test"))
    if args.per_intent:
        write(os.path.join(args.out_dir, f"train-{args.per_intent}.csv"),
              first_per_intent(training, args.per_intent) + rows(data, "oos_train"))


if __name__ == "__main__":
    main()
