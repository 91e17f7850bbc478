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
# In *Inference Scaling and the Log-x Chart* Ord combines two trends: algorithms need about 3× less compute each year for the same result, and compute gets about 1.4× cheaper each year, so the cost of a fixed capability falls about 4× a year [@ord2025logx].
# He applies it to OpenAI's o3 on ARC-AGI, at about $3,000 a task against about $3 for an untrained person: a 1,000× gap [@ord2025logx].
#
# This notebook runs that arithmetic forward with the site's `calculators` package (`cost_decline`, `annual_factor`), for Ord's rates and for two other estimates.
# The first is Epoch AI's measured pace: compute for a fixed language-model performance halving about every 8 months [@ho2024algorithmic], with the price-performance of GPUs used in machine learning doubling every 2.07 years [@hobbhahn2022gpu].
# The second is the 1.7× a year for algorithms that earlier Epoch AI work assumed, before Epoch AI revised its estimate to about 3× a year [@epoch2025trainingruns].

# %%
import math

import matplotlib.pyplot as plt
import numpy as np

from calculators import annual_factor, cost_decline

cost_today, cost_human = 3000.0, 3.0
gap = cost_today / cost_human
scenarios = {
    "Ord: 3× algorithms × 1.4× hardware": (3.0, 1.4),
    "Epoch measured: 8-month halving × 2.07-year GPU doubling": (annual_factor(8 / 12), annual_factor(2.07)),
    "Epoch's earlier 1.7× algorithms, with Ord's 1.4× hardware": (1.7, 1.4),
}

years = np.linspace(0, 10, 101)
fig, ax = plt.subplots(figsize=(5, 6), layout="constrained")
for (label, (algorithms, hardware)), colour in zip(scenarios.items(), ["#0072B2", "#D55E00", "#009E73"]):
    decline = cost_decline(algorithms, hardware, gap)
    ax.plot(years, cost_today / decline.annual_factor ** years, color=colour, label=label.replace(": ", ":\n"))
    ax.scatter([decline.years_to_close], [cost_human], color=colour, zorder=3)
    print(f"{label}: ×{decline.annual_factor:.2f} a year, {decline.years_to_close:.1f} years to ${cost_human:.0f}")
ax.axhline(cost_human, color="grey", linestyle=":", label="a person's cost, about $3")
ax.set_yscale("log")
ax.set_xlabel("Years after December 2024")
ax.set_ylabel("Cost per ARC-AGI task (log scale)")
# Dollars as a reader writes them: $0.01, $1, $1,000.
ax.yaxis.set_major_formatter(lambda value, _: f"${value:,.{max(0, -math.floor(math.log10(value)))}f}")
fig.legend(loc="outside lower center")
ax.grid(True, alpha=0.3)

# %% [markdown]
# At Ord's rates the 1,000× gap closes in about five years [@ord2025logx]; the figures printed above are computed by the code, not quoted.
# That is why he reads o3-high's result as a preview of what should be affordable around 2030 [@ord2025logx].
# Epoch AI's measured rates land close to Ord's; the older, slower assumption for algorithmic progress pushes parity years later.
# The answer leans most on the rate of algorithmic progress, and Ord stresses that Epoch AI's 3× a year is substantially uncertain [@ord2025logx].
#
# ## Sources
#
# <!-- md:sources -->
