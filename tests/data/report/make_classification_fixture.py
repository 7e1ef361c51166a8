#!/usr/bin/python3
# Expected values for tests/models/report/classification_metrics_test.cpp, from scikit-learn.
# Run from the repository root:
#   /usr/bin/python3 tests/data/report/make_classification_fixture.py \
#       > tests/data/report/classification_expected.json
# Made with Debian's scikit-learn 1.2.1 / numpy 1.24.2. Floats are written with repr(), which
# round-trips exactly.
#
# One quirk is normalised: when no sample is classified correctly, scikit-learn 1.2.1 prints the
# support column as floats ("2.0"); the "report" text below prints it as integers, as it does in
# every other case.
import json
import re

import numpy as np
from sklearn.metrics import (accuracy_score, classification_report, confusion_matrix,
                             precision_recall_fscore_support)

CASES = [
    # name, num_classes, class names, truth, predicted
    ("binary", 2, ["negative", "positive"],
     [0, 1, 1, 0, 1, 1, 0, 0, 1, 1], [0, 1, 0, 0, 1, 1, 1, 0, 1, 0]),
    ("perfect", 3, ["a", "b", "c"], [0, 1, 2, 2, 1, 0], [0, 1, 2, 2, 1, 0]),
    ("never_predicted", 3, ["cat", "dog", "bird"],
     [0, 1, 2, 2, 1, 0, 2], [0, 1, 1, 0, 1, 0, 1]),
    ("absent_from_truth", 4, ["zero", "one", "two", "three"],
     [0, 1, 2, 1, 0, 2, 2], [0, 3, 2, 1, 3, 2, 0]),
    ("absent_from_both", 5, ["0", "1", "2", "3", "4"],
     [0, 1, 2, 0, 1, 2, 0, 0], [0, 2, 2, 0, 1, 1, 1, 0]),
    ("all_wrong", 3, ["x", "y", "z"], [0, 0, 1, 1, 2], [1, 2, 0, 2, 0]),
    ("long_names", 3, ["strongly negative outlook", "neutral", "positive"],
     [0, 1, 2, 1, 1, 0, 2, 2, 2, 1, 0], [0, 1, 2, 2, 1, 1, 2, 0, 2, 1, 0]),
    ("single_sample", 2, ["no", "yes"], [1], [0]),
    ("non_ascii_names", 3, ["baisse \u2193", "stabilit\u00e9 \u00e9conomique", "hausse \u2191"],
     [0, 1, 2, 2, 0, 1], [0, 1, 2, 1, 0, 2]),
]

out = []
for name, k, names, truth, pred in CASES:
    labels = list(range(k))
    p, r, f, s = precision_recall_fscore_support(truth, pred, labels=labels, average=None,
                                                 zero_division=0)
    mp, mr, mf, _ = precision_recall_fscore_support(truth, pred, labels=labels, average="macro",
                                                    zero_division=0)
    wp, wr, wf, _ = precision_recall_fscore_support(truth, pred, labels=labels,
                                                    average="weighted", zero_division=0)
    out.append({
        "name": name,
        "num_classes": k,
        "class_names": names,
        "truth": truth,
        "predicted": pred,
        "accuracy": float(accuracy_score(truth, pred)),
        "precision": [float(x) for x in p],
        "recall": [float(x) for x in r],
        "f1": [float(x) for x in f],
        "support": [int(x) for x in s],
        "macro_precision": float(mp),
        "macro_recall": float(mr),
        "macro_f1": float(mf),
        "weighted_precision": float(wp),
        "weighted_recall": float(wr),
        "weighted_f1": float(wf),
        "confusion": np.asarray(confusion_matrix(truth, pred, labels=labels)).tolist(),
        "report": re.sub(r"( *)(\d+)\.0$", lambda m: m[1] + "  " + m[2],
                         classification_report(truth, pred, labels=labels, target_names=names,
                                               zero_division=0),
                         flags=re.MULTILINE),
    })
print(json.dumps({"cases": out}, indent=1))
