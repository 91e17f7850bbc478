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
# # Chinchilla's loss and the compute-optimal frontier
#
# Hoffmann et al. (2022) fitted language-model loss as
# $L(N, D) = E + A/N^{\alpha} + B/D^{\beta}$ in the parameters $N$ and training tokens
# $D$, with $E = 1.69$, $A = 406.4$, $B = 410.7$, $\alpha = 0.34$, $\beta = 0.28$.
# With training compute $C \approx 6ND$, each budget traces an "isoFLOP" curve of loss against
# model size, and the bottom of each curve is the compute-optimal model.
# Everything below is computed by the site's `calculators` package
# (`chinchilla_isoflop_loss`, `chinchilla_optimal`).

# %%
import matplotlib.pyplot as plt
import numpy as np

from calculators import chinchilla_isoflop_loss, chinchilla_optimal

budgets = [1e21, 1e22, 1e23, 1e24, 1e25, 1e26]
colours = plt.cm.viridis(np.linspace(0, 0.9, len(budgets)))

fig, ax = plt.subplots(figsize=(8, 4.5))
for flop, colour in zip(budgets, colours):
    best = chinchilla_optimal(flop)
    sizes = np.logspace(np.log10(best.params) - 1.5, np.log10(best.params) + 1.5, 200)
    ax.plot(sizes, [chinchilla_isoflop_loss(flop, n) for n in sizes], color=colour, label=f"{flop:.0e} FLOP")
    ax.scatter([best.params], [best.loss], color=colour, zorder=3)
ax.set_xscale("log")
ax.set_xlabel("Parameters, N (log scale)")
ax.set_ylabel("Loss (nats per token)")
ax.legend(title="Training budget", fontsize=8)
ax.grid(True, alpha=0.3)
fig.tight_layout()

# %% [markdown]
# ## How many tokens per parameter?
#
# The popular rule of thumb is about 20 training tokens per parameter.
# Minimising this fitted formula itself gives far more, and more as budgets grow, because its
# data exponent $\beta$ is smaller than its parameter exponent $\alpha$:
# the optimum puts a growing share of each extra unit of compute into data.
# (The 20:1 rule comes from Hoffmann et al.'s other two estimation methods.)

# %%
frontier = np.logspace(21, 27, 25)
ratios = [chinchilla_optimal(flop).tokens_per_param for flop in frontier]
for flop in [1e23, 1e24, 1e25, 1e26]:
    best = chinchilla_optimal(flop)
    print(f"{flop:.0e} FLOP: {best.params:.2e} parameters, {best.tokens:.2e} tokens, {best.tokens_per_param:.0f} tokens per parameter")

fig, ax = plt.subplots(figsize=(8, 3.5))
ax.plot(frontier, ratios, color="#0072B2", label="optimum of the fitted formula")
ax.axhline(20, color="#D55E00", linestyle="--", label="rule of thumb: 20 tokens per parameter")
ax.set_xscale("log")
ax.set_xlabel("Training compute (FLOP, log scale)")
ax.set_ylabel("Tokens per parameter")
ax.legend(fontsize=9)
ax.grid(True, alpha=0.3)
fig.tight_layout()
