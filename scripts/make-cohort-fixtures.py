#!/usr/bin/env python3
"""Synthetic cohorts for `ldn analyze`, written to test/fixtures/cohort/.

    python3 scripts/make-cohort-fixtures.py

study-004.csv: 41 made-up patients whose summary statistics are those 004 published
(Marcus et al., J Pain Res 2024; docs/clinical-reference.md section 5): Table 1 counts,
Table 2 n / means / SDs / improvement with 95% CI / one-tailed p, MED by hEDS/HSD with
Welch's p = 0.25, and BMI vs MED Spearman rho 0.028, p 0.87, n 35. No row is a real
patient; only the summaries are the paper's.

How the numbers are hit:
- Printed values are rounded, so each is an interval (5.78 means [5.775, 5.785)).
- Ages and MEDs live on a grid (whole years, 0.1 mg steps): start from a plausible
  random sample, fix the sum exactly, then move pairs of values one step apart or
  together until the SD (and for MED, Welch's p) falls inside its interval.
- Paired outcomes: a small random search picks pre/post means and SDs and the SD of the
  differences (which the 95% CI fixes, given n) inside every interval, as far from the
  edges as possible, with the one-tailed p inside its interval too. Two orthonormal
  random vectors then give pre and post with exactly those means, SDs and correlation;
  values are rounded to 2 decimals and everything is checked again with scipy.
- BMI is assigned to patients by random swaps until Spearman's rho with MED rounds to
  0.028 (p then rounds to 0.87, as n = 35 implies).

realistic-60.csv: 60 made-up patients from a plausible model (skewed MEDs, most at 2 mg
or less; BPI before PROMIS; some lost to follow-up; a 0-10 sleep-quality scale where
higher is better) for the README demo.
"""
import csv
import warnings
import math
import pathlib

import numpy as np
from scipy import stats

OUT = pathlib.Path(__file__).resolve().parent.parent / "test" / "fixtures" / "cohort"
rng = np.random.default_rng(4004)
warnings.simplefilter("ignore")  # scipy warns on near-constant samples tried during the search


def interval(printed):
    """The values that print as `printed` (a string such as '5.78' or '<0.001')."""
    if printed.startswith("<"):
        return (-math.inf, float(printed[1:]) / 2)  # "< 0.001" means below 0.0005 (else 0.001)
    decimals = len(printed.split(".")[1]) if "." in printed else 0
    v = float(printed)
    half = 0.5 * 10 ** -decimals
    return (v - half, v + half)


def edge_margin(value, bounds):
    """How far inside its interval a value is, as a share of the interval (< 0 outside)."""
    lo, hi = bounds
    if lo == -math.inf:
        return 1.0 if value < hi / 2 else (hi - value) / hi
    return min(value - lo, hi - value) / (hi - lo)


def inside(value, bounds, margin=0.0):
    lo, hi = bounds
    return edge_margin(value, bounds) >= margin and value < hi


# ---- grid samples: hit a sum exactly and an SD inside an interval ---------------------------


def fit_grid(values, total, sd_bounds, lo, hi, fixed, penalty=lambda v: 0.0):
    """Integer `values` with sum `total` and sample SD in the middle half of `sd_bounds`,
    every value in [lo, hi], and `penalty(values)` 0; indices in `fixed` never move.
    A greedy random walk: move one value a step, or two values a step in opposite
    directions (same sum), and keep the move unless it makes the cost worse."""

    def cost(v):
        sd = np.std(v, ddof=1)
        return 100 * abs(v.sum() - total) + 10 * max(0.0, 0.25 - edge_margin(sd, sd_bounds)) + penalty(v)

    v = np.array(values, dtype=int)
    free = [i for i in range(len(v)) if i not in fixed]
    c = cost(v)
    for _ in range(300000):
        if c == 0:
            return v
        w = v.copy()
        i, j = rng.choice(free, 2, replace=False)
        if rng.random() < 0.5:
            w[i] += rng.choice([-1, 1])
        else:
            w[i] += 1
            w[j] -= 1
        if w.min() < lo or w.max() > hi:
            continue
        cw = cost(w)
        if cw <= c:
            v, c = w, cw
    raise RuntimeError("fit_grid did not converge")


# ---- paired outcomes ------------------------------------------------------------------------

TABLE2 = [
    # scale, n, pre mean, pre SD, post mean, post SD, p (1-tailed), improvement, CI low, CI high,
    # as 004 printed them (improvement = pre - post for every scale), and a plausible range.
    ("bpi_pain", 23, "5.78", "1.7", "3.16", "1.60", "<0.001", "2.62", "1.83", "3.41", (0, 10)),
    ("bpi_interference", 23, "6.26", "2.1", "2.63", "1.7", "<0.001", "3.63", "2.74", "4.51", (0, 10)),
    ("promis_global", 18, "38.8", "8.8", "42.2", "8.5", "0.029", "-3.4", "-6.93", "0.13", (15, 75)),
    ("promis_physical", 17, "41.4", "8.8", "44.3", "6.2", "0.12", "-2.93", "-8.07", "2.21", (15, 75)),
    ("promis_mental", 17, "44.5", "8.8", "49.8", "6.8", "0.017", "-5.27", "-10.1", "-0.44", (15, 75)),
]


def printed_ok(row, pre, post, margin=0.0):
    """Do pre/post reproduce every printed value of a Table 2 row?"""
    _, n, m1, s1, m2, s2, p, imp, lo, hi, _ = row
    d = pre - post
    res = stats.ttest_rel(pre, post)
    ci = res.confidence_interval(0.95)
    p_one = stats.ttest_rel(pre, post, alternative="greater" if d.mean() > 0 else "less").pvalue
    checks = [
        (pre.mean(), m1), (np.std(pre, ddof=1), s1), (post.mean(), m2), (np.std(post, ddof=1), s2),
        (p_one, p), (d.mean(), imp), (ci.low, lo), (ci.high, hi),
    ]
    return len(pre) == n and all(inside(v, interval(s), margin) for v, s in checks)


def choose_targets(row):
    """Means, SDs and SD of differences inside every interval, as central as possible."""
    _, n, m1, s1, m2, s2, p, imp, lo, hi, _ = row
    q = stats.t.ppf(0.975, n - 1)
    best, best_margin = None, -1.0
    for _ in range(20000):
        a = rng.uniform(*interval(m1))
        b = rng.uniform(*interval(m2))
        sa = rng.uniform(*interval(s1))
        sb = rng.uniform(*interval(s2))
        md = a - b
        h = rng.uniform(*interval(hi)) - md
        sdd = h * math.sqrt(n) / q
        if not abs(sa - sb) < sdd < sa + sb:
            continue
        t = md / (sdd / math.sqrt(n))
        values = [(a, m1), (b, m2), (sa, s1), (sb, s2), (md, imp), (md - h, lo), (md + h, hi),
                  (stats.t.sf(abs(t), n - 1), p)]
        margin = min(edge_margin(v, interval(s)) for v, s in values)
        if margin > best_margin:
            best, best_margin = (a, b, sa, sb, sdd), margin
    return best


def orthonormal_pair(n):
    """Two vectors with mean 0, sample SD 1, and sample correlation exactly 0."""
    z1 = rng.normal(size=n)
    z2 = rng.normal(size=n)
    z1 -= z1.mean()
    z2 -= z2.mean()
    z2 -= (z2 @ z1) / (z1 @ z1) * z1
    return z1 / np.std(z1, ddof=1), z2 / np.std(z2, ddof=1)


def paired_values(row):
    n, bounds = row[1], row[10]
    a, b, sa, sb, sdd = choose_targets(row)
    r = (sa**2 + sb**2 - sdd**2) / (2 * sa * sb)
    for _ in range(10000):
        z1, z2 = orthonormal_pair(n)
        pre = np.round(a + sa * z1, 2)
        post = np.round(b + sb * (r * z1 + math.sqrt(1 - r * r) * z2), 2)
        if pre.min() >= bounds[0] and post.min() >= bounds[0] and max(pre.max(), post.max()) <= bounds[1]:
            if printed_ok(row, pre, post, margin=0.05):
                return pre, post
    raise RuntimeError(f"no data found for {row[0]}")


# ---- the study cohort -------------------------------------------------------------------------


def study_cohort():
    n, n_heds = 41, 30
    # Table 1: age mean 40.05 (SD 14.4), 18-76 -> sum of 41 whole years is 1642 (40.049 prints 40.05).
    start = np.clip(np.round(rng.normal(40, 14, n)), 19, 75)
    start[0], start[1] = 18, 76
    ages = fit_grid(start, 1642, interval("14.4"), 18, 76, fixed={0, 1})
    rng.shuffle(ages)

    # MED in tenths of a mg. hEDS/HSD: mean 2.23 -> sum 66.9 mg; others: 3.02 -> 33.2 mg (3.018).
    def welch_off(heds, others):
        p = stats.ttest_ind(heds / 10, others / 10, equal_var=False).pvalue
        return 10 * max(0.0, 0.2 - edge_margin(p, interval("0.25")))

    # 004: "most at 2 mg or less": at least 18 of 30 and 4 of 11 at 20 tenths or less.
    low_short = lambda k: lambda v: max(0, k - int(np.sum(v <= 20)))
    skewed = lambda k, median: np.clip(np.round(rng.lognormal(math.log(median), 0.6, k) * 10), 1, 56)
    tenths = lambda printed: tuple(10 * v for v in interval(printed))
    start = np.concatenate([[1], skewed(n_heds - 1, 16)])
    heds = fit_grid(start, 669, tenths("1.5"), 1, 56, fixed={0}, penalty=low_short(18))
    start = np.concatenate([[56], skewed(10, 22)])
    others = fit_grid(start, 332, tenths("1.99"), 1, 56, fixed={0},
                      penalty=lambda o: low_short(4)(o) + welch_off(heds, o))
    med_tenths = np.concatenate([heds, others])
    hypermobile = np.array([True] * n_heds + [False] * (n - n_heds))

    # BMI vs MED: 35 BMIs, assigned by swaps until rho prints as 0.028.
    has_bmi = np.zeros(n, dtype=bool)
    has_bmi[rng.choice(n, 35, replace=False)] = True
    bmi_values = np.round(rng.normal(27.5, 6, 35).clip(17, 48), 1)
    target = interval("0.028")
    med_with_bmi = med_tenths[has_bmi]
    for _ in range(200000):
        rho = stats.spearmanr(bmi_values, med_with_bmi).statistic
        if inside(rho, target, 0.3):
            break
        i, j = rng.choice(35, 2, replace=False)
        swapped = bmi_values.copy()
        swapped[[i, j]] = swapped[[j, i]]
        if abs(stats.spearmanr(swapped, med_with_bmi).statistic - 0.028) < abs(rho - 0.028):
            bmi_values = swapped
    bmi = np.full(n, np.nan)
    bmi[has_bmi] = bmi_values

    # Table 1 counts, assigned at random: 7 male, MCAD 12, on opioids 10, hormesis 13.
    def flags(k):
        f = np.zeros(n, dtype=bool)
        f[rng.choice(n, k, replace=False)] = True
        return f

    male, mcad, opioids, hormesis = flags(7), flags(12), flags(10), flags(13)

    # Outcomes: BPI until Aug 2020 (23 patients), PROMIS after (18; one without PF/GMH pairs).
    order = rng.permutation(n)
    bpi_patients, promis_patients = order[:23], order[23:]
    outcomes = {}
    for row in TABLE2:
        scale, k = row[0], row[1]
        patients = bpi_patients if scale.startswith("bpi_") else promis_patients[:k]
        pre, post = paired_values(row)
        outcomes[scale] = {int(p): (pre[i], post[i]) for i, p in enumerate(patients)}

    rows = []
    for i in range(n):
        record = {
            "patient_id": f"S{i + 1:03d}",
            "sex": "male" if male[i] else "female",
            "age": int(ages[i]),
            "bmi": "" if math.isnan(bmi[i]) else f"{bmi[i]:.1f}",
            "hypermobile": str(bool(hypermobile[i])).lower(),
            "mcad": str(bool(mcad[i])).lower(),
            "med_mg": f"{med_tenths[i] / 10:.1f}",
            "hormesis": str(bool(hormesis[i])).lower(),
            "on_opioids": str(bool(opioids[i])).lower(),
        }
        for row in TABLE2:
            pair = outcomes[row[0]].get(i)
            record[f"{row[0]}_pre"] = "" if pair is None else f"{pair[0]:.2f}"
            record[f"{row[0]}_post"] = "" if pair is None else f"{pair[1]:.2f}"
        rows.append(record)
    check_study(rows)
    return rows


def check_study(rows):
    """Recompute every published figure from the CSV rows, with scipy, and print it."""
    num = lambda r, c: float(r[c]) if r[c] != "" else math.nan
    ages = np.array([num(r, "age") for r in rows])
    med = np.array([num(r, "med_mg") for r in rows])
    heds = np.array([r["hypermobile"] == "true" for r in rows])
    print(f"age {ages.mean():.2f} ({np.std(ages, ddof=1):.1f}), {ages.min():.0f}-{ages.max():.0f}")
    print(f"MED {med.min()}-{med.max()} mg, {np.sum(med <= 2.0)} of 41 at 2 mg or less")
    assert med.min() == 0.1 and med.max() == 5.6 and np.sum(med <= 2.0) > 20
    welch = stats.ttest_ind(med[heds], med[~heds], equal_var=False)
    student = stats.ttest_ind(med[heds], med[~heds])
    print(f"MED hEDS {med[heds].mean():.2f} ({np.std(med[heds], ddof=1):.2f}) n {heds.sum()}, "
          f"others {med[~heds].mean():.2f} ({np.std(med[~heds], ddof=1):.2f}) n {(~heds).sum()}, "
          f"Welch p {welch.pvalue:.3f}, Student p {student.pvalue:.3f}")
    assert inside(welch.pvalue, interval("0.25")) and inside(med[heds].mean(), interval("2.23"))
    assert inside(np.std(med[heds], ddof=1), interval("1.5"))
    assert inside(med[~heds].mean(), interval("3.02")) and inside(np.std(med[~heds], ddof=1), interval("1.99"))
    bmi = np.array([num(r, "bmi") for r in rows])
    ok = ~np.isnan(bmi)
    sp = stats.spearmanr(bmi[ok], med[ok])
    print(f"BMI vs MED rho {sp.statistic:.3f} p {sp.pvalue:.2f} n {ok.sum()}")
    assert inside(sp.statistic, interval("0.028")) and inside(sp.pvalue, interval("0.87")) and ok.sum() == 35
    for row in TABLE2:
        pre = np.array([num(r, f"{row[0]}_pre") for r in rows])
        post = np.array([num(r, f"{row[0]}_post") for r in rows])
        both = ~np.isnan(pre) & ~np.isnan(post)
        assert printed_ok(row, pre[both], post[both]), row[0]
        ci = stats.ttest_rel(pre[both], post[both]).confidence_interval()
        print(f"{row[0]}: n {both.sum()}, {pre[both].mean():.3f} ({np.std(pre[both], ddof=1):.3f}) -> "
              f"{post[both].mean():.3f} ({np.std(post[both], ddof=1):.3f}), "
              f"pre-post {np.mean(pre[both] - post[both]):.3f} ({ci.low:.3f} to {ci.high:.3f})")


# ---- a realistic cohort for the README ----------------------------------------------------------


def realistic_cohort(n=60):
    rows = []
    for i in range(n):
        hyper = rng.random() < 0.7
        med = min(6.0, max(0.1, round(float(rng.lognormal(math.log(1.6 if hyper else 2.4), 0.7)), 1)))
        responder = rng.random() < 0.75
        bpi = i < 34  # the clinic switched from the BPI to PROMIS part-way through
        lost = rng.random() < 0.12  # no follow-up questionnaire
        record = {
            "patient_id": f"R{i + 1:03d}",
            "sex": "male" if rng.random() < 0.18 else "female",
            "age": int(np.clip(round(rng.normal(42, 13)), 18, 80)),
            "bmi": "" if rng.random() < 0.12 else f"{float(np.clip(rng.normal(27, 5.5), 17, 50)):.1f}",
            "hypermobile": str(hyper).lower(),
            "mcad": str(bool(rng.random() < 0.3)).lower(),
            "med_mg": f"{med:.1f}",
            "hormesis": str(bool(rng.random() < 0.3)).lower(),
            "on_opioids": str(bool(rng.random() < 0.25)).lower(),
        }
        gain = rng.normal(2.4 if responder else 0.3, 1.2)
        quarter = lambda v: f"{round(float(np.clip(v, 0, 10)) * 4) / 4:.2f}"
        for scale, base in (("bpi_pain", 5.8), ("bpi_interference", 6.2)):
            pre = rng.normal(base, 1.7)
            record[f"{scale}_pre"] = quarter(pre) if bpi else ""
            record[f"{scale}_post"] = quarter(pre - gain * rng.uniform(0.8, 1.3)) if bpi and not lost else ""
        for scale, base in (("promis_gph", 39.8), ("promis_gmh", 43.5)):
            pre = float(np.clip(rng.normal(base, 7.5), 16.2, 67.7))
            post = float(np.clip(pre + 2.2 * gain + rng.normal(0, 3), 16.2, 67.7))
            record[f"{scale}_pre"] = f"{pre:.1f}" if not bpi else ""
            record[f"{scale}_post"] = f"{post:.1f}" if not bpi and not lost else ""
        sleep = rng.normal(4, 1.8)
        record["sleep_quality_pre"] = f"{int(np.clip(round(sleep), 0, 10))}"
        record["sleep_quality_post"] = "" if lost else f"{int(np.clip(round(sleep + 0.6 * gain), 0, 10))}"
        rows.append(record)
    return rows


def write(name, rows):
    with open(OUT / name, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {OUT / name} ({len(rows)} patients)")


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    write("study-004.csv", study_cohort())
    write("realistic-60.csv", realistic_cohort())
