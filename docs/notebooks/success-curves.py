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
# # Three shapes for the fall of agent success
#
# How does an agent's chance of success fall as tasks get longer?
# This notebook draws the three curves the series and its critics use, all computed with the
# site's `calculators` package:
#
# - Ord's **constant hazard** (`survival` with shape 1): success halves with every further
#   50% horizon [@ord2025halflife];
# - Hamilton's **Weibull** curve (`survival` with a shape below 1): a hazard that falls over a
#   task [@hamilton2026peto]; the shape 0.6 drawn here is the value Ord gives for most AI
#   agents after Hamilton's fits [@ord2026weibullcomment];
# - METR's **logistic** curve in the logarithm of task length (`logistic_success`)
#   [@kwa2025metr], set here by a 50% horizon of 59 minutes and an 80% horizon of 15 minutes,
#   Claude 3.7 Sonnet's as Ord quotes METR's March 2025 paper [@ord2025halflife].

# %%
import csv
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

# The data folder of the site's sources (docs/data), wherever the notebook is run from, or
# the notebook's own folder when it was downloaded together with its data file.
DATA = next(folder for folder in (Path("../data"), Path("docs/data"), Path(".")) if (folder / "hamilton_weibull.csv").is_file())

from calculators import logistic_slope, logistic_success, survival, weibull_t50

t50, t80 = 59.0, 15.0
lengths = np.logspace(-1, 4, 300)
slope = logistic_slope(t50, t80)
curves = {
    "constant hazard (k = 1)": [survival(t, t50) for t in lengths],
    "Weibull, k = 0.6": [survival(t, t50, 0.6) for t in lengths],
    f"METR logistic (slope {slope:.2f} per doubling)": [logistic_success(t, t50, slope) for t in lengths],
}

fig, ax = plt.subplots(figsize=(5, 5), layout="constrained")
for (label, values), colour in zip(curves.items(), ["#0072B2", "#D55E00", "#009E73"]):
    ax.plot(lengths, values, label=label, color=colour)
ax.axvline(t50, color="grey", linestyle=":", linewidth=1)
ax.set_xscale("log")
ax.set_xlabel("Task length (minutes of human time, log scale)")
ax.set_ylabel("Probability of success")
fig.legend(loc="outside lower center")
ax.grid(True, alpha=0.3)

# %% [markdown]
# All three pass through 50% at the same T₅₀.
# The Weibull curve with a shape below 1 sits lower than the constant-hazard curve on short
# tasks and higher on long ones.
# Far beyond T₅₀ the logistic's odds of success shrink by a constant factor per doubling of
# length, so its tail is the heaviest of the three (our arithmetic).
#
# ## Hamilton's fitted curves
#
# Hamilton's February 2026 fits to METR's Time Horizon 1.1 runs, from his public repository
# [@hamilton2026weibull] (`hamilton_weibull.csv`, described on the site's Data page), give
# each model a rate and a shape.
# `weibull_t50` turns the rate into the model's 50% horizon, so each fit can be drawn with
# `survival`.
# The fits are unweighted, so their horizons differ from METR's published ones.

# %%
fits = [
    row
    for row in csv.DictReader((DATA / "hamilton_weibull.csv").open(encoding="utf-8"))
    if "/feb26/" in row["source_path"]
]
chosen = [row for row in fits if row["model"] in {"human", "Claude 3.7 Sonnet (Inspect)", "Claude Opus 4.5 (Inspect)"}]

fig, ax = plt.subplots(figsize=(5, 5), layout="constrained")
for row, colour in zip(chosen, ["#0072B2", "#D55E00", "#009E73"]):
    shape = float(row["k"])
    horizon = weibull_t50(float(row["lambda_per_min"]), shape)
    ax.plot(lengths, [survival(t, horizon, shape) for t in lengths], color=colour,
            label=f"{row['model']}:\nT₅₀ {horizon:.0f} min, k = {shape:.2f}")
ax.set_xscale("log")
ax.set_xlabel("Task length (minutes of human time, log scale)")
ax.set_ylabel("Probability of success")
fig.legend(loc="outside lower center")
ax.grid(True, alpha=0.3)

# %% [markdown]
# The human curve is the flattest (the smallest shape): at the same T₅₀, people fail more
# often than AI agents on short tasks and less often on long ones, the pattern Ord drew from
# Hamilton's fits [@ord2026weibullcomment].
# (Hamilton's February note says the shapes of GPT-5 and Claude Opus now look similar to the
# human one [@hamilton2026peto]; in these fitted values they are still well above it.)
#
# ## Sources
#
# <!-- md:sources -->
