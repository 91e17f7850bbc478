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
# Hoffmann et al. fitted language-model loss as
# $L(N, D) = E + A/N^{\alpha} + B/D^{\beta}$ in the parameters $N$ and training tokens
# $D$, printing $E = 1.69$, $A = 406.4$, $B = 410.7$, $\alpha = 0.34$, $\beta = 0.28$ [@hoffmann2022].
# Besiroglu et al. at Epoch AI redid the fit on data reconstructed from the paper's plots and found
# $E = 1.8172$, $A = 482.01$, $B = 2085.43$, $\alpha = 0.3478$, $\beta = 0.3658$ [@besiroglu2024].
# With training compute $C \approx 6ND$, each budget traces an "isoFLOP" curve of loss against
# model size, and the bottom of each curve is the compute-optimal model.
# Everything below is computed by the site's `calculators` package
# (`chinchilla_isoflop_loss`, `chinchilla_optimal`), with the printed constants unless a cell
# passes Epoch's.

# %%
import matplotlib.pyplot as plt
import numpy as np

from calculators import chinchilla_isoflop_loss, chinchilla_optimal, format_value
from calculators.models.pretraining import EPOCH_A, EPOCH_ALPHA, EPOCH_B, EPOCH_BETA, EPOCH_E

EPOCH = dict(
    irreducible_loss=EPOCH_E,
    params_coefficient=EPOCH_A,
    data_coefficient=EPOCH_B,
    params_exponent=EPOCH_ALPHA,
    data_exponent=EPOCH_BETA,
)

budgets = [1e21, 1e22, 1e23, 1e24, 1e25, 1e26]
colours = plt.cm.viridis(np.linspace(0, 0.9, len(budgets)))

fig, ax = plt.subplots(figsize=(5, 5), layout="constrained")
for flop, colour in zip(budgets, colours):
    best = chinchilla_optimal(flop)
    sizes = np.logspace(np.log10(best.params) - 1.5, np.log10(best.params) + 1.5, 200)
    ax.plot(sizes, [chinchilla_isoflop_loss(flop, n) for n in sizes], color=colour, label=f"$10^{{{round(np.log10(flop))}}}$ FLOP")
    ax.scatter([best.params], [best.loss], color=colour, zorder=3)
ax.set_xscale("log")
ax.set_xlabel("Parameters, N (log scale)")
ax.set_ylabel("Loss (nats per token)")
ax.set_title("Printed constants")
fig.legend(title="Training budget", loc="outside lower center", ncols=3)
ax.grid(True, alpha=0.3)

# %% [markdown]
# ## How many tokens per parameter?
#
# Chinchilla itself was trained on about 20 tokens per parameter (70B parameters, 1.4T tokens) [@hoffmann2022].
# Minimising the fitted formula with the printed, rounded constants gives far more, and more as
# budgets grow; with Epoch's refitted constants the optimum stays close to 20.
# Besiroglu et al. trace the difference to an optimiser stopped before convergence and to the
# rounding of the printed values, and find their refit consistent with the paper's two other
# estimation methods [@besiroglu2024].
# The ratios printed by the next cell are our arithmetic.

# %%
frontier = np.logspace(21, 27, 25)
printed = [chinchilla_optimal(flop).tokens_per_param for flop in frontier]
refit = [chinchilla_optimal(flop, **EPOCH).tokens_per_param for flop in frontier]
for flop in [5.88e23, 1e24, 1e25, 1e26]:
    best, epoch = chinchilla_optimal(flop), chinchilla_optimal(flop, **EPOCH)
    print(
        f"{format_value(flop)} FLOP: {best.tokens_per_param:.0f} tokens per parameter with the printed "
        f"constants, {epoch.tokens_per_param:.1f} with Epoch's refit"
    )

fig, ax = plt.subplots(figsize=(5, 5), layout="constrained")
ax.plot(frontier, printed, color="#0072B2", label="optimum, printed constants (Hoffmann et al.)")
ax.plot(frontier, refit, color="#009E73", label="optimum, Epoch's refit (Besiroglu et al.)")
ax.axhline(20, color="#D55E00", linestyle="--", label="Chinchilla's own run: 20 tokens per parameter")
ax.set_xscale("log")
ax.set_xlabel("Training compute (FLOP, log scale)")
ax.set_ylabel("Tokens per parameter")
fig.legend(loc="outside lower center")
ax.grid(True, alpha=0.3)

# %% [markdown]
# ## Sources
#
# <!-- md:sources -->
