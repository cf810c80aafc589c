#!/usr/bin/env python3
"""The numpy/scipy side of bench/analyze.ts (issue 14): the same tests as `ldn analyze` on
the same cohort CSV, done the fastest way found for numpy without pandas.

    python3 bench/analyze.py COHORT.csv   # prints one JSON line: seconds, peak memory, results

Reading: np.loadtxt (C parser) for the numeric columns, with a converter for empty cells
(missing), and for the text columns as strings, converted with vectorised numpy; ranges
checked as ldn checks them; patient ids checked for repeats with np.unique. Tests: the
paired t-test (two- and one-tailed, CI), the Wilcoxon signed-rank test (two- and one-tailed,
scipy's defaults) and dz per scale over the patients with both values; Welch's and Student's
t-tests of MED by hEDS/HSD; Spearman of BMI vs MED; Table 1's counts and summaries; the MED
histogram in 0.5 mg bins; the hormesis count. The results are printed so that
bench/analyze.ts can check both sides found the same.
"""
import json
import resource
import sys
import time
import warnings

import numpy as np
from scipy import stats

warnings.simplefilter("ignore")

TEXT = ("patient_id", "sex", "hypermobile", "mcad", "hormesis", "on_opioids")
RANGES = {"age": (0, 120), "bmi": (10, 100), "med_mg": (0.001, 50)}
TRUE = ["true", "yes", "y", "1"]
FALSE = ["false", "no", "n", "0"]


def number(s):
    return float(s) if s else np.nan


def summary(v):
    v = v[~np.isnan(v)]
    if len(v) == 0:
        return {"n": 0, "mean": None, "sd": None, "min": None, "max": None}
    return {"n": int(len(v)), "mean": float(np.mean(v)), "sd": float(np.std(v, ddof=1)) if len(v) > 1 else None,
            "min": float(np.min(v)), "max": float(np.max(v))}


def main(path):
    t0 = time.perf_counter()
    with open(path, encoding="utf-8-sig") as f:
        header = [h.strip().lower() for h in f.readline().split(",")]
    text_cols = [header.index(c) for c in TEXT]
    num_cols = [i for i in range(len(header)) if i not in text_cols]
    numbers = np.loadtxt(path, delimiter=",", skiprows=1, usecols=num_cols, converters=number, dtype=float, ndmin=2)
    texts = np.loadtxt(path, delimiter=",", skiprows=1, usecols=text_cols, dtype=str, ndmin=2)
    col = {header[i]: numbers[:, k] for k, i in enumerate(num_cols)}
    txt = {header[i]: np.char.lower(np.char.strip(texts[:, k])) for k, i in enumerate(text_cols)}

    def flag(name):
        v = txt[name]
        return np.where(np.isin(v, TRUE), 1.0, np.where(np.isin(v, FALSE), 0.0, np.nan)), ~np.isin(v, TRUE + FALSE + [""])

    bad = np.zeros(len(numbers), dtype=bool)
    flags = {}
    for name in ("hypermobile", "mcad", "hormesis", "on_opioids"):
        flags[name], wrong = flag(name)
        bad |= wrong
    sex = txt["sex"]
    bad |= ~np.isin(sex, ["female", "f", "male", "m", "other", ""])
    for name, (lo, hi) in RANGES.items():
        v = col[name]
        bad |= (v < lo) | (v > hi)
    scales = sorted({h[:-4] for h in header if h.endswith("_pre")}, key=lambda s: header.index(s + "_pre"))
    for s in scales:
        lo, hi = (0, 10) if s.startswith("bpi_") else (0, 100)
        for v in (col[s + "_pre"], col[s + "_post"]):
            bad |= (v < lo) | (v > hi)
    ids = txt["patient_id"]
    _, first = np.unique(ids, return_index=True)
    repeated = np.ones(len(ids), dtype=bool)
    repeated[first] = False
    bad |= repeated | (ids == "")
    keep = ~bad
    t_read = time.perf_counter()

    female = np.isin(sex[keep], ["female", "f"])
    male = np.isin(sex[keep], ["male", "m"])
    known_sex = sex[keep] != ""
    table1 = {
        "patients": int(keep.sum()),
        "male": int(male.sum()), "female": int(female.sum()), "sexKnown": int(known_sex.sum()),
        "age": summary(col["age"][keep]), "bmi": summary(col["bmi"][keep]), "medMg": summary(col["med_mg"][keep]),
    }
    for name, v in flags.items():
        v = v[keep]
        table1[name] = {"n": int(np.nansum(v)), "known": int((~np.isnan(v)).sum())}

    outcomes = []
    for s in scales:
        pre, post = col[s + "_pre"][keep], col[s + "_post"][keep]
        both = ~np.isnan(pre) & ~np.isnan(post)
        pre, post = pre[both], post[both]
        sign = -1.0 if s.startswith("bpi_") else 1.0
        improvement = sign * (post - pre)
        t = stats.ttest_rel(improvement, np.zeros_like(improvement))
        ci = t.confidence_interval(0.95)
        t_greater = stats.ttest_rel(improvement, np.zeros_like(improvement), alternative="greater")
        w = stats.wilcoxon(improvement)
        w_greater = stats.wilcoxon(improvement, alternative="greater")
        outcomes.append({
            "scale": s, "n": int(len(improvement)),
            "pre": [float(np.mean(pre)), float(np.std(pre, ddof=1))],
            "post": [float(np.mean(post)), float(np.std(post, ddof=1))],
            "improvement": float(np.mean(improvement)), "ci95": [float(ci.low), float(ci.high)],
            "t": float(t.statistic), "pTwoTailed": float(t.pvalue), "pOneTailed": float(t_greater.pvalue),
            "wilcoxon": [float(w.statistic), float(w.pvalue), float(w_greater.pvalue)],
            "dz": float(np.mean(improvement) / np.std(improvement, ddof=1)),
        })

    med, hyper, bmi = col["med_mg"][keep], flags["hypermobile"][keep], col["bmi"][keep]
    h = med[(hyper == 1) & ~np.isnan(med)]
    o = med[(hyper == 0) & ~np.isnan(med)]
    welch = stats.ttest_ind(h, o, equal_var=False)
    student = stats.ttest_ind(h, o, equal_var=True)
    both = ~np.isnan(bmi) & ~np.isnan(med)
    rho = stats.spearmanr(bmi[both], med[both])
    mcg = np.round(med[~np.isnan(med)] * 1000)
    bins = np.maximum(0, np.ceil(mcg / 500) - 1).astype(int)
    histogram = np.bincount(bins)
    hormesis = int(np.nansum(flags["hormesis"][keep]))
    t_end = time.perf_counter()

    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({
        "seconds": t_end - t0, "readSeconds": t_read - t0, "testSeconds": t_end - t_read, "peakMemoryMb": peak_kb / 1024,
        "rowsLeftOut": int(bad.sum()),
        "table1": table1, "outcomes": outcomes,
        "medByGroup": {"welch": [float(welch.statistic), float(welch.df), float(welch.pvalue)],
                       "student": [float(student.statistic), float(student.pvalue)]},
        "bmiVsMed": [float(rho.statistic), float(rho.pvalue), int(both.sum())],
        "medHistogram": histogram.tolist(), "hormesisCount": hormesis,
    }))


if __name__ == "__main__":
    main(sys.argv[1])
