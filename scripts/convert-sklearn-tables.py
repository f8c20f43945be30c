#!/usr/bin/env python3
"""Convert scikit-learn's bundled toy tables into plain CSVs for LayerLab.

Reads iris.csv, wine_data.csv and breast_cancer.csv from the installed scikit-learn
(Debian: `apt-get install python3-sklearn`, 1.2.1+dfsg-1 was used; run it with the Python that
package belongs to, e.g. `/usr/bin/python3 scripts/convert-sklearn-tables.py`).

sklearn's CSVs start with a special line `n_samples,n_features,class names...`, then one row per
sample with the class index last. We write a normal CSV instead: a header row of the feature names
(exactly as sklearn's loaders name them) plus `label`, then the rows with the numbers copied as
text, unchanged, and the class NAME in the last column. Row order is the original order.

Every table is checked against sklearn's own loader (same numbers, same targets) and against the
counts documented in the dataset descriptions; the script fails loudly on any difference.

Usage: convert-sklearn-tables.py [OUT_DIR]   (default: public/datasets next to this script)
"""

import csv
import io
import os
import sys
from collections import Counter

from sklearn import datasets as skd

DATA_DIR = os.path.join(os.path.dirname(skd.__file__), "data")

# out file, sklearn csv, loader, our class names (by index), expected shape, expected counts
TABLES = [
    (
        "iris.csv",
        "iris.csv",
        skd.load_iris,
        ["setosa", "versicolor", "virginica"],
        (150, 4),
        {"setosa": 50, "versicolor": 50, "virginica": 50},
    ),
    (
        "wine.csv",
        "wine_data.csv",
        skd.load_wine,
        ["cultivar 1", "cultivar 2", "cultivar 3"],
        (178, 13),
        {"cultivar 1": 59, "cultivar 2": 71, "cultivar 3": 48},
    ),
    (
        "breast-cancer.csv",
        "breast_cancer.csv",
        skd.load_breast_cancer,
        ["malignant", "benign"],
        (569, 30),
        {"malignant": 212, "benign": 357},
    ),
]


def fail(msg):
    sys.exit("convert-sklearn-tables: " + msg)


def convert(out_dir, out_name, src_name, loader, class_names, shape, counts):
    with open(os.path.join(DATA_DIR, src_name), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    first, body = rows[0], rows[1:]
    n_samples, n_features = int(first[0]), int(first[1])
    if (n_samples, n_features) != shape or len(body) != n_samples:
        fail(f"{src_name}: shape {(len(body), n_features)} != {shape}")
    if len(first[2:]) != len(class_names):
        fail(f"{src_name}: {len(first[2:])} classes in the header, expected {len(class_names)}")

    bunch = loader()
    feature_names = [str(n) for n in bunch.feature_names]
    if len(feature_names) != n_features:
        fail(f"{src_name}: loader gives {len(feature_names)} feature names")

    out_rows = []
    for i, row in enumerate(body):
        if len(row) != n_features + 1:
            fail(f"{src_name}: row {i} has {len(row)} fields")
        values, target = row[:n_features], int(row[n_features])
        # Same numbers and target as sklearn's own loader.
        if any(float(v) != bunch.data[i][j] for j, v in enumerate(values)):
            fail(f"{src_name}: row {i} differs from {loader.__name__}")
        if target != int(bunch.target[i]):
            fail(f"{src_name}: row {i} target differs from {loader.__name__}")
        out_rows.append(values + [class_names[target]])

    got = Counter(r[-1] for r in out_rows)
    if dict(got) != counts:
        fail(f"{src_name}: class counts {dict(got)} != {counts}")

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(feature_names + ["label"])
    w.writerows(out_rows)
    path = os.path.join(out_dir, out_name)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())
    summary = ", ".join(f"{k} {v}" for k, v in got.items())
    print(f"{path}: {len(out_rows)} rows x {n_features} features, {len(got)} classes ({summary})")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "public", "datasets")
    out_dir = os.path.normpath(out_dir)
    os.makedirs(out_dir, exist_ok=True)
    for t in TABLES:
        convert(out_dir, *t)


if __name__ == "__main__":
    main()
