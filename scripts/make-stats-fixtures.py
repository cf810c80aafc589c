#!/usr/bin/env python3
"""Reference values for src/domain/stats, computed with scipy (an independent implementation).

Writes one JSON file per statistic to test/fixtures/stats/. Tests read the JSON only, so
they never need Python; rerun this script after changing a case and commit both.

    python3 scripts/make-stats-fixtures.py

Non-finite numbers are written as the strings "NaN", "Infinity" and "-Infinity" (JSON has
no literal for them). Inputs are written with Python's shortest round-trip repr, which
JavaScript parses to the same doubles, so both sides test exactly the same data.
"""
import json
import math
import pathlib
import warnings

import numpy as np
import scipy
from scipy import stats

OUT = pathlib.Path(__file__).resolve().parent.parent / "test" / "fixtures" / "stats"
rng = np.random.default_rng(20240404)

# scipy warns on constant input and precision loss; those cases are here on purpose.
warnings.simplefilter("ignore")


def enc(v):
    """A JSON-safe number (non-finite as a string) or a list of them."""
    if isinstance(v, (list, tuple, np.ndarray)):
        return [enc(x) for x in v]
    if isinstance(v, str):
        return v
    v = float(v)
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return v


def normal(n, mu=0.0, sd=1.0, decimals=None):
    v = rng.normal(mu, sd, n)
    return np.round(v, decimals) if decimals is not None else v


def write(name, cases):
    doc = {
        "generator": "scripts/make-stats-fixtures.py",
        "scipy": scipy.__version__,
        "numpy": np.__version__,
        "cases": cases,
    }
    (OUT / f"{name}.json").write_text(json.dumps(doc, indent=1) + "\n")
    print(f"{name}: {len(cases)} cases")


# ---- samples shared by the paired tests (t and signed-rank) -------------------------------
pre_bpi = normal(23, 5.8, 1.7, 2)
paired_samples = {
    "tiny n=2": ([1.0, 2.0], [3.0, 5.5]),
    "tiny n=3 with negative numbers": ([-1.5, -2.25, 0.5], [-3.0, -2.0, -1.75]),
    "BPI-like, n=23": (pre_bpi.tolist(), np.clip(pre_bpi - normal(23, 2.6, 1.8, 2), 0, 10).tolist()),
    "ties and zeros among the differences": (
        [5, 6, 7, 8, 4, 6, 7, 3, 5, 6, 8, 9, 2, 4, 6, 7],
        [4, 6, 5, 8, 5, 4, 5, 3, 4, 7, 6, 7, 2, 3, 5, 5],
    ),
    "identical values in both samples": ([3.0, 3.0, 3.0, 3.0], [3.0, 3.0, 3.0, 3.0]),
    "constant non-zero difference": ([1.0, 2.0, 3.0], [0.0, 1.0, 2.0]),
    "T-scores near 50, n=18": (normal(18, 38.8, 8.8, 1).tolist(), normal(18, 42.2, 8.5, 1).tolist()),
    "large, n=500, small effect": (normal(500).tolist(), normal(500, 0.05).tolist()),
    "large, n=500, huge effect (tiny p)": (normal(500, 3).tolist(), normal(500).tolist()),
    "large, n=500, rounded (many ties)": (normal(500, 5, 2, 0).tolist(), normal(500, 4.8, 2, 0).tolist()),
}


def paired_t_cases():
    cases = []
    for name, (x, y) in paired_samples.items():
        x, y = np.asarray(x, float), np.asarray(y, float)
        res = stats.ttest_rel(x, y)
        ci = res.confidence_interval(0.95)
        d = x - y
        sd = np.std(d, ddof=1)
        cases.append({
            "name": name,
            "x": enc(x), "y": enc(y),
            "expected": {
                "n": len(d),
                "estimate": enc(np.mean(d)),
                "sdDifference": enc(sd),
                "t": enc(res.statistic),
                "df": enc(res.df),
                "pTwoTailed": enc(res.pvalue),
                "pGreater": enc(stats.ttest_rel(x, y, alternative="greater").pvalue),
                "pLess": enc(stats.ttest_rel(x, y, alternative="less").pvalue),
                "ci95": enc([ci.low, ci.high]),
                "dz": enc(np.mean(d) / sd),
            },
        })
    return cases


def scipy_auto_method(d):
    """The method scipy's wilcoxon(method='auto') uses, read from scipy/stats/_wilcoxon.py."""
    nz = d[d != 0]
    ties = len(np.unique(np.abs(nz))) < len(nz)
    if len(d) > 50:
        return "normal-approximation"
    if not ties and len(nz) == len(d):
        return "exact"
    return "exact-permutation" if len(d) <= 13 else "normal-approximation"


wilcoxon_samples = dict(paired_samples)
del wilcoxon_samples["identical values in both samples"]  # covered by "all zero" below
wilcoxon_samples.update({
    "one difference": ([2.0], [1.0]),
    "exact, n=10, no ties": (normal(10, 1).tolist(), normal(10).tolist()),
    "exact, n=50, no ties": (normal(50, 0.4).tolist(), normal(50).tolist()),
    "normal approximation, n=51, no ties": (normal(51, 0.4).tolist(), normal(51).tolist()),
    "permutation, n=13, ties": (
        [1, 2, 2, 3, 3, 3, 4, 5, 6, 7, 8, 9, 9], [0, 0, 4, 1, 5, 1, 1, 1, 1, 1, 1, 1, 11]),
    "permutation, n=8, zeros only": ([1, 2, 3, 4, 5, 6, 7, 8], [1, 0, 0, 0, 0, 0, 0, 8]),
    "normal approximation, n=14, ties": (
        [1, 2, 2, 3, 3, 3, 4, 5, 6, 7, 8, 9, 9, 4], [0, 0, 4, 1, 5, 1, 1, 1, 1, 1, 1, 1, 11, 6]),
    "all zero differences, n=3": ([1.0, 2.0, 3.0], [1.0, 2.0, 3.0]),
    "all zero differences, n=20": ([1.0] * 20, [1.0] * 20),
    "equal magnitudes with both signs": ([1, 1, 1, 1, 1], [0, 2, 0, 2, 0]),
})


def wilcoxon_cases():
    cases = []
    for name, (x, y) in wilcoxon_samples.items():
        x, y = np.asarray(x, float), np.asarray(y, float)
        d = x - y
        nz = d[d != 0]
        method = scipy_auto_method(d)
        two = stats.wilcoxon(x, y)
        greater = stats.wilcoxon(x, y, alternative="greater")
        less = stats.wilcoxon(x, y, alternative="less")
        w_plus = float(greater.statistic)  # scipy's one-sided statistic is W+
        expected = {
            "statistic": enc(two.statistic),
            "wPlus": enc(w_plus),
            "wMinus": enc(len(nz) * (len(nz) + 1) / 2 - w_plus),
            "n": int(len(nz)),
            "zeros": int(len(d) - len(nz)),
            "method": method,
            "pTwoTailed": enc(two.pvalue),
            "pGreater": enc(greater.pvalue),
            "pLess": enc(less.pvalue),
        }
        if method == "normal-approximation":
            # scipy reports -|z| for the two-sided test; 'greater' keeps the sign of W+ - mean.
            expected["z"] = enc(stats.wilcoxon(x, y, method="asymptotic", alternative="greater").zstatistic)
        cases.append({"name": name, "x": enc(x), "y": enc(y), "expected": expected})
    return cases


unpaired_samples = {
    "tiny, n=2 and n=3": ([1.0, 2.5], [3.0, 5.0, 4.5]),
    "004-like MED groups, n=30 and n=11": (
        np.round(np.clip(normal(30, 2.2, 1.5), 0.1, 6), 1).tolist(),
        np.round(np.clip(normal(11, 3.0, 2.0), 0.1, 6), 1).tolist(),
    ),
    "negative numbers with ties": ([-1, -2, -2, -3, 0, -1], [-4, -4, -2, -5, -3]),
    "unequal variances, unequal sizes": (normal(8, 0, 0.2).tolist(), normal(40, 0.3, 3).tolist()),
    "identical values in both groups": ([2.0, 2.0, 2.0], [2.0, 2.0, 2.0, 2.0]),
    "constant groups that differ": ([1.0, 1.0, 1.0], [2.0, 2.0]),
    "large, n=500 each": (normal(500, 0.1).tolist(), normal(500).tolist()),
    "large, n=500 each, far apart (tiny p)": (normal(500, 2).tolist(), normal(500).tolist()),
}


def unpaired_cases(equal_var):
    cases = []
    for name, (x, y) in unpaired_samples.items():
        x, y = np.asarray(x, float), np.asarray(y, float)
        res = stats.ttest_ind(x, y, equal_var=equal_var)
        ci = res.confidence_interval(0.95)
        cases.append({
            "name": name,
            "x": enc(x), "y": enc(y),
            "expected": {
                "estimate": enc(np.mean(x) - np.mean(y)),
                "t": enc(res.statistic),
                "df": enc(res.df),
                "pTwoTailed": enc(res.pvalue),
                "pGreater": enc(stats.ttest_ind(x, y, equal_var=equal_var, alternative="greater").pvalue),
                "pLess": enc(stats.ttest_ind(x, y, equal_var=equal_var, alternative="less").pvalue),
                "ci95": enc([ci.low, ci.high]),
            },
        })
    return cases


def spearman_cases():
    bmi = np.round(normal(35, 27, 6), 1)
    samples = {
        "n=2": ([1.0, 2.0], [3.0, 1.0]),
        "tiny n=3": ([1.0, 2.0, 3.0], [1.0, 3.0, 2.0]),
        "perfect correlation": ([1.0, 2.0, 3.0, 4.0, 5.0], [2.0, 4.0, 8.0, 16.0, 32.0]),
        "ties in both, negative numbers": ([-1, -1, 0, 2, 2, 2, 3, -4], [5, 3, 3, 1, 1, 0, -2, 4]),
        "BMI vs MED-like, n=35": (bmi.tolist(), np.round(np.clip(normal(35, 2.5, 1.6), 0.1, 6), 1).tolist()),
        "constant variable": ([1.0, 2.0, 3.0, 4.0], [7.0, 7.0, 7.0, 7.0]),
        "large, n=500": (normal(500).tolist(), None),
        "large, n=500, rounded (many ties)": (normal(500, 0, 2, 0).tolist(), None),
    }
    for name, (x, y) in random_batch(40, paired=True).items():
        samples[name] = (x, (0.5 * np.asarray(x) + np.round(normal(len(x)), 0)).tolist())
    samples.update(REGISTRY_SCALE["spearman"])
    cases = []
    for name, (x, y) in samples.items():
        x = np.asarray(x, float)
        y = np.asarray(y, float) if y is not None else np.round(0.2 * x + normal(len(x)), 1)
        res = stats.spearmanr(x, y)
        cases.append({
            "name": name, "x": enc(x), "y": enc(y),
            "expected": {"rho": enc(res.statistic), "p": enc(res.pvalue), "n": len(x)},
        })
    return cases


def descriptive_cases():
    samples = {
        "one value": [4.2],
        "two values": [1.0, -1.0],
        "identical values": [3.3, 3.3, 3.3],
        "odd n with ties and negatives": [-2.5, 0, 0, 1, 7.25],
        "even n": [5.0, 1.0, 4.0, 2.0],
        "T-scores, n=18": normal(18, 42.2, 8.5, 1).tolist(),
        "large, n=500": normal(500, 40, 14.4).tolist(),
    }
    cases = []
    for name, x in samples.items():
        x = np.asarray(x, float)
        cases.append({
            "name": name, "x": enc(x),
            "expected": {
                "n": len(x),
                "mean": enc(np.mean(x)),
                "sd": enc(np.std(x, ddof=1) if len(x) > 1 else math.nan),
                "min": enc(np.min(x)),
                "max": enc(np.max(x)),
                "median": enc(np.median(x)),
            },
        })
    return cases


def random_batch(count, paired):
    """Seeded samples of random size and rounding: sizes 2-60 cross every method switch
    of the signed-rank test, and rounding to 0 or 1 decimals makes ties and zeros."""
    batch = {}
    for i in range(count):
        n = int(rng.integers(2, 61))
        decimals = [0, 1, 2, None][int(rng.integers(0, 4))]
        shift = float(rng.normal(0, 0.7))
        m = n if paired else int(rng.integers(2, 61))
        batch[f"random #{i + 1}: n={n}, decimals={decimals}"] = (
            normal(n, shift, 2, decimals).tolist(),
            normal(m, 0, 2, decimals).tolist(),
        )
    return batch


def registry_scale_samples():
    """Issue 14: samples of thousands, on the coarse grids clinics record (BPI in quarter
    points, BMI and MED to 0.1), so most values tie and many differences are zero, as in a
    registry. Drawn from their own generator so that adding them left every case above as
    it was."""
    big = np.random.default_rng(14)
    n = 5000
    pre = np.clip(np.round(big.normal(5.8, 1.7, n) * 4) / 4, 0, 10)
    post = np.clip(np.round((pre - 2.6 + big.normal(0, 1.8, n)) * 4) / 4, 0, 10)
    bmi = np.round(np.clip(big.normal(27, 5, n), 15, 60), 1)
    med = np.round(np.clip(2.4 * np.exp(0.5 * big.normal(0, 1, n)), 0.1, 6), 1)
    small_effect = np.round(big.normal(0, 2, n), 0)
    return {
        "wilcoxon": {
            "registry scale, n=5000, BPI in quarter points (ties and zeros)": (pre.tolist(), post.tolist()),
            "registry scale, n=5000, whole numbers, small effect": (
                (small_effect + np.round(big.normal(0.05, 1, n), 0)).tolist(), small_effect.tolist()),
        },
        "spearman": {
            "registry scale, n=5000, BMI vs MED to 0.1": (bmi.tolist(), med.tolist()),
        },
    }


REGISTRY_SCALE = registry_scale_samples()

paired_samples.update(random_batch(40, paired=True))
wilcoxon_samples.update({k: v for k, v in paired_samples.items() if k.startswith("random")})
wilcoxon_samples.update(REGISTRY_SCALE["wilcoxon"])
unpaired_samples.update(random_batch(40, paired=False))


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    write("paired-t-test", paired_t_cases())
    write("wilcoxon-signed-rank", wilcoxon_cases())
    write("welch-t-test", unpaired_cases(equal_var=False))
    write("student-t-test", unpaired_cases(equal_var=True))
    write("spearman", spearman_cases())
    write("descriptive", descriptive_cases())
