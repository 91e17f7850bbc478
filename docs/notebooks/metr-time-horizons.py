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
# results files [@iaps2026metr] and shipped with this site's Python package (`metr_horizons.csv`,
# described with its sources and caveats on the site's Data page; `calculators.metr_horizons`
# reads it). The site's time-horizon explorer fits the same trend over any window you choose.
# Rows from METR's two methodology releases are on different scales, so only the 1.1 rows
# are used, as METR does.

# %%
import math

import matplotlib.pyplot as plt
import numpy as np

from calculators import fit_exponential, metr_horizons, window_models, year_from_day

rows = [row for row in metr_horizons() if row.report == "time-horizon-1.1"]
years = [year_from_day(row.release_day) for row in rows]
horizons = [row.t50_min for row in rows]
print(f"{len(rows)} models, released {min(years):.1f} to {max(years):.1f}")

# %% [markdown]
# ## Fitting the trend
#
# `fit_exponential` fits a straight line to the logarithm of the horizons (ordinary least
# squares, every model weighted equally).
# Fitted against the release date in days, its rate $g$ per day gives a doubling time of $\ln 2 / g$ days.
# METR's own fits, in the same results files, report for the 1.1 data a doubling time of 187.778 days over the whole period (joined to older points from the 1.0 suite) and 128.744 days for models from 2023 on [@iaps2026metr].
# Those fits use only the models METR flags as state of the art when released (`is_sota`); every model together gives a somewhat different figure.

# %%
def doubling_days(models) -> float:
    fit = fit_exponential([row.release_day for row in models], [row.t50_min for row in models])
    return math.log(2) / fit.rate


fits = {}
for label, first, frontier_only in [("all years", 2019.0, True), ("from 2023", 2023.0, True), ("all years", 2019.0, False)]:
    models = window_models(1.1, first, 2026.5, frontier_only)
    kind = "state-of-the-art models" if frontier_only else "every model"
    fits[(label, frontier_only)] = models
    print(f"{kind:>24}, {label}: doubling every {doubling_days(models):.3f} days")

# %%
fig, ax = plt.subplots(figsize=(8, 4.5))
ax.scatter(years, horizons, color="#0072B2", zorder=3, label="METR Time Horizon 1.1")
for (label, frontier_only), colour in [(("all years", True), "#D55E00"), (("from 2023", True), "#009E73")]:
    models = fits[(label, frontier_only)]
    fit = fit_exponential([year_from_day(row.release_day) for row in models], [row.t50_min for row in models])
    span = np.linspace(2019 if label == "all years" else 2023, max(years) + 0.5, 50)
    ax.plot(span, fit.anchor_value * np.exp(fit.rate * (span - fit.anchor_time)), color=colour,
            label=f"state-of-the-art models, {label}: doubling every {doubling_days(models):.0f} days")
ax.set_yscale("log")
ax.set_xlabel("Release date")
ax.set_ylabel("50% time horizon (minutes, log scale)")
ax.grid(True, which="major", alpha=0.3)
ax.legend(loc="upper left", fontsize=9)
fig.tight_layout()

# %% [markdown]
# The straight lines on the log scale are the exponential trends; the steeper one is fitted
# to models from 2023 on only.
# The newest models scatter on both sides of it, so one or two new points can move the
# fitted doubling time noticeably.
# Horizons of many hours rest on few long tasks in METR's suite, and their confidence
# intervals are wide, as the next cell shows.

# %%
widest = max(rows, key=lambda row: row.t50_high_min / row.t50_min)
print(
    f"Widest interval: {widest.model}, {widest.t50_min:.0f} min "
    f"(95% CI {widest.t50_low_min:.0f} to {widest.t50_high_min:.0f} min)"
)

# %% [markdown]
# ## Sources
#
# <!-- md:sources -->
