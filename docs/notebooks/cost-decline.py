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
# # How fast a fixed capability gets cheaper
#
# In *Inference Scaling and the Log-x Chart* Ord combines two trends: algorithms need about
# 3× less compute each year for the same result, and compute gets about 1.4× cheaper each
# year, so the cost of a fixed capability falls about 4× a year.
# He applies it to OpenAI's o3 on ARC-AGI, at about $3,000 a task against about $3 for a
# person: a 1,000× gap.
#
# This notebook runs that arithmetic forward with the site's `calculators` package
# (`growth_per_year`, `cost_decline`, `annual_factor`), for Ord's rates and for two other
# estimates the fact base records: Epoch's measured algorithmic progress (compute for fixed
# performance halving every 8 months, about 2.83× a year) with machine-learning GPUs'
# price-performance doubling every 2.07 years (about 1.40× a year), and Epoch's earlier 1.7×
# a year for algorithms.

# %%
import matplotlib.pyplot as plt
import numpy as np

from calculators import annual_factor, cost_decline

cost_today, cost_human = 3000.0, 3.0
gap = cost_today / cost_human
scenarios = {
    "Ord: 3× algorithms × 1.4× hardware": (3.0, 1.4),
    "Epoch measured: 8-month halving × 2.07-year GPU doubling": (annual_factor(8 / 12), annual_factor(2.07)),
    "Epoch earlier: 1.7× algorithms × 1.4× hardware": (1.7, 1.4),
}

years = np.linspace(0, 10, 101)
fig, ax = plt.subplots(figsize=(8, 4.5))
for (label, (algorithms, hardware)), colour in zip(scenarios.items(), ["#0072B2", "#D55E00", "#009E73"]):
    decline = cost_decline(algorithms, hardware, gap)
    ax.plot(years, cost_today / decline.annual_factor ** years, color=colour, label=label)
    ax.scatter([decline.years_to_close], [cost_human], color=colour, zorder=3)
    print(f"{label}: ×{decline.annual_factor:.2f} a year, {decline.years_to_close:.1f} years to ${cost_human:.0f}")
ax.axhline(cost_human, color="grey", linestyle=":", label="a person's cost, about $3")
ax.set_yscale("log")
ax.set_xlabel("Years after December 2024")
ax.set_ylabel("Cost per ARC-AGI task (US$, log scale)")
ax.legend(fontsize=8)
ax.grid(True, alpha=0.3)
fig.tight_layout()

# %% [markdown]
# At Ord's rates the 1,000× gap closes in about five years (the figures printed above are
# computed, not quoted), which is why he reads o3-high's result as a preview of what should be
# affordable around 2030.
# Epoch's measured rates land close to Ord's; the older, slower estimate of algorithmic
# progress pushes parity years later. The answer leans most on the rate of algorithmic
# progress, the least certain input.
