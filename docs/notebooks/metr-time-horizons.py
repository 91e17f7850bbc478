# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # METR's time horizons and their doubling time
#
# METR measures each AI agent's *50% time horizon*: the length of task (timed on humans with
# relevant expertise) that the agent completes half the time [@kwa2025metr].
# This notebook plots METR's published horizons against each model's release date on a log
# scale and fits an exponential trend with the site's own `calculators.fit_exponential`.
#
# The data are METR's published Time Horizon 1.1 results, read from a public mirror of METR's
# results files [@iaps2026metr] and shipped with this site (`metr_horizons.csv`, described
# with its sources and caveats on the site's Data page).
# Rows from METR's two methodology releases are on different scales, so only the 1.1 rows
# are used, as METR does.

# %%
import csv
import datetime as dt
import math
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

# The data folder of the site's sources (docs/data), wherever the notebook is run from, or
# the notebook's own folder when it was downloaded together with its data file.
DATA = next(folder for folder in (Path("../data"), Path("docs/data"), Path(".")) if (folder / "metr_horizons.csv").is_file())

from calculators import fit_exponential, format_value
from calculators.models.metr_horizons import model_labels

rows = [
    row
    for row in csv.DictReader((DATA / "metr_horizons.csv").open(encoding="utf-8"))
    if row["report"] == "time-horizon-1.1"
]


def year(date: str) -> float:
    """A date as a decimal year."""
    day = dt.date.fromisoformat(date)
    start = dt.date(day.year, 1, 1)
    return day.year + (day - start).days / (dt.date(day.year + 1, 1, 1) - start).days


years = [year(row["release_date"]) for row in rows]
horizons = [float(row["horizon50_min"]) for row in rows]
print(f"{len(rows)} models, released from {format_value(min(years), 'year')} to {format_value(max(years), 'year')}")

# %% [markdown]
# ## Fitting the trend
#
# `fit_exponential` fits a straight line to the logarithm of the horizons (ordinary least
# squares, every model weighted equally).
# Its rate $g$ per year gives a doubling time of $\ln 2 / g$ years.
# METR's own fits, in the same results files, report for the 1.1 data a doubling time of 187.778 days over the whole period (joined to older points from the 1.0 suite) and 128.744 days for models from 2023 on [@iaps2026metr].
# METR fits only the models flagged as state of the art when they were released (`is_sota`), so the fits below, over every 1.1 model, give somewhat different doubling times; the site's time-horizon explorer fits the flagged models and gives METR's.

# %%
def doubling_days(fit) -> float:
    return math.log(2) / fit.rate * 365.25


all_models = fit_exponential(years, horizons)
recent = [(y, h) for y, h in zip(years, horizons) if y >= 2023]
since_2023 = fit_exponential([y for y, _ in recent], [h for _, h in recent])
print(f"All 1.1 models:        doubling every {doubling_days(all_models):.0f} days")
print(f"Models from 2023 on:   doubling every {doubling_days(since_2023):.0f} days")

# %%
fig, ax = plt.subplots(figsize=(5, 5), layout="constrained")
ax.scatter(years, horizons, color="#0072B2", zorder=3, label="METR Time Horizon 1.1")
for fit, label, colour in [(all_models, "all models", "#D55E00"), (since_2023, "from 2023 on", "#009E73")]:
    span = np.linspace(2019 if fit is all_models else 2023, max(years) + 0.5, 50)
    ax.plot(span, fit.anchor_value * np.exp(fit.rate * (span - fit.anchor_time)), color=colour,
            label=f"fit, {label}: doubling every {doubling_days(fit):.0f} days")
ax.set_yscale("log")
ax.set_xlabel("Release date")
ax.set_ylabel("50% time horizon (minutes, log scale)")
fig.legend(loc="outside lower center")
ax.grid(True, which="major", alpha=0.3)

# %% [markdown]
# The straight lines on the log scale are the exponential trends; the steeper one is fitted
# to models from 2023 on only.
# The newest models scatter on both sides of it, so one or two new points can move the
# fitted doubling time noticeably.
# Horizons of many hours rest on few long tasks in METR's suite (Time Horizon 1.1 has more
# of them than 1.0, but still few) [@metr2026th11], and their confidence intervals are
# wide, as the next cell shows.

# %%
widest = max(rows, key=lambda row: float(row["horizon50_ci_high_min"]) / float(row["horizon50_min"]))
print(
    f"Widest interval: {model_labels().get(widest['model'], widest['model'])}, "
    f"{float(widest['horizon50_min']):,.0f} min (95% CI {float(widest['horizon50_ci_low_min']):,.0f} "
    f"to {float(widest['horizon50_ci_high_min']):,.0f} min)"
)

# %% [markdown]
# ## Sources
#
# <!-- md:sources -->
