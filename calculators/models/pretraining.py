"""Returns to scaling pre-training: Ord's reading of Kaplan's power laws, and Chinchilla's fit.

Source: Toby Ord, "The Scaling Paradox" (13 January 2025). Kaplan et al. (2020, Fig. 1)
fitted a language model's *total* test loss L (nats per token, no irreducible floor) as a
power of compute, data and parameters::

    L = (C_min / 2.3e8 PF-days) ** -0.050,  L = (D / 5.4e13) ** -0.095,  L = (N / 8.8e13) ** -0.076

Ord defines accuracy as a = 1 / L and inverts the fits: the resources needed grow as powers
of the accuracy wanted, C = k_C a**20, D = k_D a**11, N = k_N a**13 (the reciprocals of
Kaplan's exponents, which Ord rounds). Halving the total loss (his example: 6 to 3) therefore
takes 2**20, about a million times the compute.

Hoffmann et al. (2022, "Chinchilla") fit loss to parameters N and training tokens D with a
floor E::

    L(N, D) = E + A / N ** alpha + B / D ** beta,   E = 1.69, A = 406.4, B = 410.7, alpha = 0.34, beta = 0.28

(the rounded values printed in the paper), in nats per token, with training compute
C = 6 N D FLOP. Besiroglu et al. (2024, Epoch AI) refitted the same form to data
reconstructed from the paper's plots: E = 1.8172, A = 482.01, B = 2085.43, alpha = 0.3478,
beta = 0.3658. Every Chinchilla function takes the five constants as keyword arguments, with
Hoffmann et al.'s published values as defaults. The compute-optimal allocation has a closed
form (see :func:`chinchilla_optimal`).
"""

from __future__ import annotations

import math
from typing import NamedTuple

from .._checks import InputError, OutOfRangeError, finite, non_negative, positive, show
from ._numeric import LOG_CEILING, exp_in_range, in_range

__all__ = [
    "ChinchillaAllocation",
    "ParadoxMultipliers",
    "accuracy_power",
    "chinchilla_allocation",
    "chinchilla_compute_efficiency",
    "chinchilla_compute_for_loss",
    "chinchilla_isoflop_loss",
    "chinchilla_loss",
    "chinchilla_optimal",
    "chinchilla_optimal_tokens_per_param",
    "chinchilla_total_loss_exponent",
    "compute_multiplier_for_loss",
    "compute_ooms_for_loss",
    "halving_cost",
    "loss_cut_multiplier",
    "loss_multiplier",
    "optimal_loss_exponent",
    "optimal_params_exponent",
    "optimal_path_halving_cost",
    "optimal_tokens_exponent",
    "scaling_paradox_multipliers",
]

#: Kaplan et al. (2020), Fig. 1: total test loss against compute, data and parameters.
KAPLAN_COMPUTE_EXPONENT = 0.050
KAPLAN_DATA_EXPONENT = 0.095
KAPLAN_PARAMS_EXPONENT = 0.076

#: Ord, "The Scaling Paradox" (2025): resources grow as these powers of accuracy a = 1 / L
#: (C ∝ a²⁰, D ∝ a¹¹, N ∝ a¹³), his rounding of 1 / Kaplan's exponents.
ORD_COMPUTE_POWER = 20.0
ORD_DATA_POWER = 11.0
ORD_PARAMS_POWER = 13.0

#: Hoffmann et al. (2022), parametric fit as printed in the paper (rounded): L = E + A/N^a + B/D^b.
CHINCHILLA_E = 1.69
CHINCHILLA_A = 406.4
CHINCHILLA_B = 410.7
CHINCHILLA_ALPHA = 0.34
CHINCHILLA_BETA = 0.28
#: Hoffmann et al.'s exponents before rounding (from the paper's TeX source, as reported by
#: Besiroglu et al. 2024).
HOFFMANN_UNROUNDED_ALPHA = 0.3392
HOFFMANN_UNROUNDED_BETA = 0.2849
#: Besiroglu, Erdil, Barnett and You (2024, Epoch AI), "Chinchilla Scaling: A Replication
#: Attempt", arXiv:2404.10102: the same form refitted to data reconstructed from the paper.
EPOCH_E = 1.8172
EPOCH_A = 482.01
EPOCH_B = 2085.43
EPOCH_ALPHA = 0.3478
EPOCH_BETA = 0.3658
#: FLOP per parameter per training token (C = 6 N D).
FLOP_PER_PARAM_TOKEN = 6.0

# Results are worked out in logs and must land inside (1e-300, 1e300), far from the
# float range's edges, so that nothing downstream overflows or goes subnormal.
_LOG_SIX = math.log(FLOP_PER_PARAM_TOKEN)


class ParadoxMultipliers(NamedTuple):
    """What cutting the total test loss costs on Ord's model (see :func:`scaling_paradox_multipliers`)."""

    #: Factor by which accuracy a = 1 / L grows: current loss / target loss.
    accuracy_gain: float
    #: Factor by which training compute must grow.
    compute: float
    #: Factor by which training data must grow.
    data: float
    #: Factor by which the parameter count must grow.
    params: float


class ChinchillaAllocation(NamedTuple):
    """A split of a training budget between model size and data, and the loss it reaches."""

    #: Parameters, N.
    params: float
    #: Training tokens, D.
    tokens: float
    #: D / N.
    tokens_per_param: float
    #: Fitted loss, nats per token.
    loss: float


# --- Ord's model: total test loss, accuracy a = 1 / L ------------------------------------


def scaling_paradox_multipliers(
    current_loss: float = 6.0,
    target_loss: float = 3.0,
    compute_power: float = ORD_COMPUTE_POWER,
    data_power: float = ORD_DATA_POWER,
    params_power: float = ORD_PARAMS_POWER,
) -> ParadoxMultipliers:
    """How much more compute, data and parameters take the total test loss from one level to another.

    Ord's model: accuracy is the reciprocal of the total test loss, ``a = 1 / L`` (no
    irreducible floor), and each resource grows as a power of it: compute C ∝ a²⁰, data
    D ∝ a¹¹ and parameters N ∝ a¹³. Going from ``current_loss`` to ``target_loss``
    multiplies accuracy by ``current_loss / target_loss`` and each resource by that factor
    to its power.

    Args:
        current_loss: Today's total test loss (nats per token), greater than 0. 6 is the
            start of Ord's example on Kaplan et al.'s compute plot.
        target_loss: The total test loss wanted, greater than 0. 3 halves Ord's 6.
        compute_power: Power of accuracy that compute grows as, greater than 0. Ord: 20,
            the reciprocal of Kaplan et al.'s compute exponent 0.050.
        data_power: Power of accuracy that training data grows as, greater than 0. Ord: 11
            (1 / 0.095 is about 10.5).
        params_power: Power of accuracy that the parameter count grows as, greater than 0.
            Ord: 13 (1 / 0.076 is about 13.2).

    Returns:
        :class:`ParadoxMultipliers` ``(accuracy_gain, compute, data, params)``: each
        multiplier is ``(current_loss / target_loss) ** power`` (below 1 if the target loss
        is higher than today's).

    Raises:
        ValueError: if an argument is not a finite number greater than 0, or a multiplier
            is too large or too small for a float.

    Source: Ord, "The Scaling Paradox" (2025): halving the test loss from 6 to 3 needs the
    compute doubled 20 times, about a million times; exponents from Kaplan et al. (2020),
    Fig. 1.

    >>> cost = scaling_paradox_multipliers(6, 3)
    >>> cost.accuracy_gain, round(cost.compute), round(cost.data), round(cost.params)
    (2.0, 1048576, 2048, 8192)
    """
    current = positive("current_loss", current_loss)
    target = positive("target_loss", target_loss)
    powers = (
        positive("compute_power", compute_power),
        positive("data_power", data_power),
        positive("params_power", params_power),
    )
    log_gain = math.log(current) - math.log(target)
    exp_in_range("the accuracy gain for these losses", log_gain)
    gain = current / target  # exact where it can be: 6 / 3 is 2, not 1.9999999999999998
    compute, data, params = (
        _power_in_range(f"the {what} multiplier for these inputs", gain, power, log_gain)
        for what, power in zip(("compute", "data", "parameter"), powers)
    )
    return ParadoxMultipliers(accuracy_gain=gain, compute=compute, data=data, params=params)


def loss_cut_multiplier(current_loss: float = 6.0, target_loss: float = 3.0, power: float = ORD_COMPUTE_POWER) -> float:
    """How many times more of one resource takes the total test loss from one level to another.

    The one-resource form of :func:`scaling_paradox_multipliers`: with accuracy ``a = 1 / L``
    and the resource growing as ``a ** power``, the multiplier is
    ``(current_loss / target_loss) ** power``.

    Args:
        current_loss: Today's total test loss (nats per token), greater than 0.
        target_loss: The total test loss wanted, greater than 0.
        power: Power of accuracy the resource grows as, greater than 0 (Ord: 20 for
            compute, 11 for data, 13 for parameters).

    Returns:
        The multiplier on the resource (unitless): 2 ** 20 for Ord's 6 to 3 in compute.

    Raises:
        ValueError: if an argument is not a finite number greater than 0, or the multiplier
            is too large or too small for a float.

    Source: Ord, "The Scaling Paradox" (2025): C ∝ a²⁰, D ∝ a¹¹, N ∝ a¹³.

    >>> loss_cut_multiplier(6, 3, 11), loss_cut_multiplier(6, 1.5, 20) == 2.0 ** 40
    (2048.0, True)
    """
    current = positive("current_loss", current_loss)
    target = positive("target_loss", target_loss)
    power = positive("power", power)
    log_gain = math.log(current) - math.log(target)
    exp_in_range("the accuracy gain for these losses", log_gain)
    return _power_in_range("the multiplier for these inputs", current / target, power, log_gain)


def accuracy_power(loss_exponent: float = KAPLAN_COMPUTE_EXPONENT) -> float:
    """The power of accuracy a resource grows as, given the exponent of a loss power law.

    If the total test loss falls as ``R ** -loss_exponent`` then accuracy ``a = 1 / L`` grows
    as ``R ** loss_exponent``, so the resource needed grows as ``a ** (1 / loss_exponent)``.

    Args:
        loss_exponent: Exponent of the power law of total loss in the resource, greater
            than 0 (Kaplan et al. 2020: 0.050 compute, 0.095 data, 0.076 parameters).

    Returns:
        ``1 / loss_exponent``: 20 for Kaplan's compute exponent, about 10.5 for data and
        13.2 for parameters (Ord rounds these to 20, 11 and 13).

    Raises:
        ValueError: if ``loss_exponent`` is not a finite number greater than 0, or the power
            is too large for a float.

    Source: Ord, "The Scaling Paradox" (2025), inverting Kaplan et al. (2020), Fig. 1.

    >>> accuracy_power(0.05), round(accuracy_power(0.095), 1), round(accuracy_power(0.076), 1)
    (20.0, 10.5, 13.2)
    """
    exponent = positive("loss_exponent", loss_exponent)
    power = 1.0 / exponent
    if not math.isfinite(power):
        raise OutOfRangeError("the power for this loss exponent is too large to compute")
    return power


def compute_multiplier_for_loss(reduction: float, alpha: float = KAPLAN_COMPUTE_EXPONENT) -> float:
    """How many times more compute divides the total test loss by ``reduction``.

    Args:
        reduction: Factor by which the total test loss is to be divided; greater than 0.
            2 halves it (Ord's 6 to 3); a value below 1 lets it grow.
        alpha: Exponent of the power law ``L ∝ C ** (-alpha)`` of total loss in compute,
            greater than 0. 0.050 is Kaplan et al.'s compute exponent; their data and
            parameter exponents are 0.095 and 0.076 (read the result as a multiplier on
            those resources instead).

    Returns:
        ``reduction ** (1 / alpha)``, a multiplier on compute (unitless).

    Raises:
        ValueError: if an argument is not a finite number greater than 0, or the multiplier
            is too large or too small for a float.

    Source: Ord, "The Scaling Paradox" (2025): halving the test loss takes the compute
    doubled 20 times, about a million times; Kaplan et al. (2020), Fig. 1.

    >>> round(compute_multiplier_for_loss(2))   # 2 ** 20
    1048576
    """
    reduction = positive("reduction", reduction)
    alpha = positive("alpha", alpha)
    return exp_in_range("the compute multiplier for these inputs", math.log(reduction) / alpha)


def compute_ooms_for_loss(reduction: float, alpha: float = KAPLAN_COMPUTE_EXPONENT) -> float:
    """Orders of magnitude (powers of ten) of compute that divide the total test loss by ``reduction``.

    Args:
        reduction: Factor dividing the total test loss, greater than 0 (2 halves it).
        alpha: Power-law exponent of total loss in compute, greater than 0 (Kaplan: 0.050).

    Returns:
        ``log10(reduction) / alpha``: the base-10 logarithm of
        :func:`compute_multiplier_for_loss`, negative when ``reduction`` is below 1.

    Raises:
        ValueError: if an argument is not a finite number greater than 0, or the result is
            too large for a float.

    Source: Ord, "The Scaling Paradox" (2025): from 6 to 3 the compute goes from about
    1e-7 to 1e-1 PF-days on Kaplan et al.'s plot, six orders of magnitude.

    >>> round(compute_ooms_for_loss(2), 2)
    6.02
    """
    reduction = positive("reduction", reduction)
    alpha = positive("alpha", alpha)
    ooms = math.log10(reduction) / alpha
    if not math.isfinite(ooms):
        raise OutOfRangeError("the orders of magnitude for these inputs are too many to compute")
    return ooms


def loss_multiplier(compute_multiplier: float, alpha: float = KAPLAN_COMPUTE_EXPONENT) -> float:
    """The factor multiplying the total test loss when compute is multiplied by ``compute_multiplier``.

    Args:
        compute_multiplier: Factor by which compute grows, greater than 0 (10 is one order
            of magnitude more).
        alpha: Power-law exponent of total loss in compute, greater than 0 (Kaplan: 0.050).

    Returns:
        ``compute_multiplier ** (-alpha)``: below 1 for more compute. The inverse of
        :func:`compute_multiplier_for_loss`:
        ``loss_multiplier(compute_multiplier_for_loss(r, a), a) == 1 / r``.

    Raises:
        ValueError: if an argument is not a finite number greater than 0, or the result is
            too large or too small for a float.

    Source: Kaplan et al. (2020), Fig. 1 (L ∝ C^-0.050), as Ord reads it in "The Scaling
    Paradox" (2025); 10x compute multiplies the total loss by about 0.891 (our arithmetic).

    >>> round(loss_multiplier(10), 3)
    0.891
    """
    compute_multiplier = positive("compute_multiplier", compute_multiplier)
    alpha = positive("alpha", alpha)
    return exp_in_range("the loss multiplier for these inputs", -alpha * math.log(compute_multiplier))


def halving_cost(alpha: float = KAPLAN_COMPUTE_EXPONENT) -> float:
    """How many times more of a resource halves the total test loss: ``2 ** (1 / alpha)``.

    Args:
        alpha: Power-law exponent of total loss in the resource, greater than 0.
            Kaplan et al. (2020): 0.050 for compute, 0.095 for data, 0.076 for parameters.

    Returns:
        The multiplier on the resource (unitless): about a million (2 ** 20) for compute at
        0.050, about 1,500 for data and about 9,100 for parameters.

    Raises:
        ValueError: if ``alpha`` is not a finite number greater than 0, or the multiplier is
            too large for a float (``alpha`` below about 0.001).

    Source: Ord, "The Scaling Paradox" (2025): halving the loss (6 to 3) needs the compute
    doubled 20 times, a factor of about a million; also Ord on the 80,000 Hours podcast
    (2025).

    >>> round(halving_cost(0.076), -2), round(halving_cost(0.095), -2)
    (9100.0, 1500.0)
    """
    return compute_multiplier_for_loss(2.0, alpha)


# --- Two-term fits: the compute-optimal path ---------------------------------------------


def optimal_loss_exponent(params_exponent: float = CHINCHILLA_ALPHA, data_exponent: float = CHINCHILLA_BETA) -> float:
    """Compute exponent of the *reducible* loss along the compute-optimal path of a two-term fit.

    For ``L = E + A / N ** a + B / D ** b`` with compute ``C ∝ N D`` split optimally, both
    terms fall as ``C ** (-a b / (a + b))`` (see :func:`chinchilla_optimal`), so the loss
    above the floor, ``L - E``, does too. This is not the exponent of the total loss.

    Args:
        params_exponent: ``a``, the loss exponent in parameters, greater than 0
            (Hoffmann et al., as printed: 0.34).
        data_exponent: ``b``, the loss exponent in training tokens, greater than 0
            (Hoffmann et al., as printed: 0.28).

    Returns:
        ``a b / (a + b)``, half the harmonic mean of the two: about 0.154 for the printed
        Chinchilla constants.

    Raises:
        ValueError: if an exponent is not a finite number greater than 0.

    Source: our arithmetic on Hoffmann et al. (2022)'s parametric fit.

    >>> round(optimal_loss_exponent(), 5)
    0.15355
    """
    a = positive("params_exponent", params_exponent)
    b = positive("data_exponent", data_exponent)
    low, high = min(a, b), max(a, b)
    return low / (1.0 + low / high)  # = a b / (a + b), without overflow in a b or a + b


def optimal_path_halving_cost(
    params_exponent: float = CHINCHILLA_ALPHA, data_exponent: float = CHINCHILLA_BETA
) -> float:
    """How many times more compute halves the *reducible* loss along a two-term fit's optimal path.

    Args:
        params_exponent: ``a``, the fit's loss exponent in parameters, greater than 0.
        data_exponent: ``b``, the fit's loss exponent in training tokens, greater than 0.

    Returns:
        ``2 ** (1 / gamma)`` with ``gamma = a b / (a + b)`` (:func:`optimal_loss_exponent`,
        unrounded): about 91 for Hoffmann et al.'s printed exponents, 88 for their unrounded
        ones and 49 for Epoch AI's refit.

    Raises:
        ValueError: if an exponent is not a finite number greater than 0, or the multiplier
            is too large for a float.

    Source: our arithmetic on Hoffmann et al. (2022)'s fit and on Besiroglu et al. (2024)'s
    refit. It halves the loss above the fit's floor, not the total loss Ord works with.

    >>> round(optimal_path_halving_cost(), 1)
    91.3
    """
    gamma = optimal_loss_exponent(params_exponent, data_exponent)
    # Exponents of a few 1e-324 give a gamma that underflows to 0: a multiplier past any float.
    log_multiplier = math.log(2.0) / gamma if gamma > 0 else math.inf
    return exp_in_range("the compute multiplier for these exponents", log_multiplier)


def optimal_params_exponent(params_exponent: float = CHINCHILLA_ALPHA, data_exponent: float = CHINCHILLA_BETA) -> float:
    """The power of compute that a two-term fit's compute-optimal parameter count grows as.

    Args:
        params_exponent: ``a``, the fit's loss exponent in parameters, greater than 0.
        data_exponent: ``b``, the fit's loss exponent in training tokens, greater than 0.

    Returns:
        ``b / (a + b)``, between 0 and 1: about 0.45 for Hoffmann et al.'s printed
        exponents, 0.46 for their unrounded ones (the value the paper reports for this
        approach) and 0.51 for Epoch AI's refit.

    Raises:
        ValueError: if an exponent is not a finite number greater than 0.

    Source: our derivation from the fit's form (see :func:`chinchilla_optimal`).

    >>> round(optimal_params_exponent(), 3), round(optimal_params_exponent(0.3478, 0.3658), 3)
    (0.452, 0.513)
    """
    a = positive("params_exponent", params_exponent)
    b = positive("data_exponent", data_exponent)
    return 1.0 / (1.0 + a / b)


def optimal_tokens_exponent(params_exponent: float = CHINCHILLA_ALPHA, data_exponent: float = CHINCHILLA_BETA) -> float:
    """The power of compute that a two-term fit's compute-optimal token count grows as.

    Args:
        params_exponent: ``a``, the fit's loss exponent in parameters, greater than 0.
        data_exponent: ``b``, the fit's loss exponent in training tokens, greater than 0.

    Returns:
        ``a / (a + b)``, between 0 and 1: ``1 - optimal_params_exponent(a, b)``.

    Raises:
        ValueError: if an exponent is not a finite number greater than 0.

    Source: our derivation from the fit's form (see :func:`chinchilla_optimal`).

    >>> round(optimal_tokens_exponent(), 3)
    0.548
    """
    a = positive("params_exponent", params_exponent)
    b = positive("data_exponent", data_exponent)
    return 1.0 / (1.0 + b / a)


# --- The Chinchilla fit ----------------------------------------------------------------


class _Fit(NamedTuple):
    """A checked two-term fit, with the constants of its optimal path."""

    floor: float
    log_a: float
    log_b: float
    alpha: float
    beta: float
    log_g: float  # ln G, G = (alpha A / (beta B)) ** (1 / (alpha + beta))
    share: float  # beta / (alpha + beta): N* grows as C to this power
    gamma: float  # alpha beta / (alpha + beta): reducible loss falls as C to minus this


def _fit(floor: float, a_coef: float, b_coef: float, alpha: float, beta: float) -> _Fit:
    floor = non_negative("irreducible_loss", floor)
    a_coef = positive("params_coefficient", a_coef)
    b_coef = positive("data_coefficient", b_coef)
    alpha = positive("params_exponent", alpha)
    beta = positive("data_exponent", beta)
    total = alpha + beta  # may be inf for huge exponents: then ln G is 0
    log_g = (math.log(alpha) + math.log(a_coef) - math.log(beta) - math.log(b_coef)) / total
    gamma = optimal_loss_exponent(alpha, beta)
    if gamma == 0.0:
        raise OutOfRangeError("the fit's exponents are too small to compute with")
    return _Fit(floor, math.log(a_coef), math.log(b_coef), alpha, beta, log_g, 1.0 / (1.0 + alpha / beta), gamma)


def chinchilla_loss(
    params: float,
    tokens: float,
    irreducible_loss: float = CHINCHILLA_E,
    params_coefficient: float = CHINCHILLA_A,
    data_coefficient: float = CHINCHILLA_B,
    params_exponent: float = CHINCHILLA_ALPHA,
    data_exponent: float = CHINCHILLA_BETA,
) -> float:
    """Hoffmann et al. (2022)'s parametric fit of loss to model size and data.

    Args:
        params: Model parameters N, greater than 0.
        tokens: Training tokens D, greater than 0.
        irreducible_loss: The fit's floor E, 0 or more (Hoffmann: 1.69; Epoch: 1.8172).
        params_coefficient: A, greater than 0 (Hoffmann: 406.4; Epoch: 482.01).
        data_coefficient: B, greater than 0 (Hoffmann: 410.7; Epoch: 2085.43).
        params_exponent: alpha, greater than 0 (Hoffmann: 0.34; Epoch: 0.3478).
        data_exponent: beta, greater than 0 (Hoffmann: 0.28; Epoch: 0.3658).

    Returns:
        ``E + A / N ** alpha + B / D ** beta``, the total loss in nats per token: never
        below the floor E.

    Raises:
        ValueError: if an argument is out of range, or the loss is too large for a float.

    Source: Hoffmann et al., "Training Compute-Optimal Large Language Models" (2022),
    parametric fit (their approach 3), constants as printed; Besiroglu et al. (2024) for the
    Epoch AI refit.

    >>> round(chinchilla_loss(70e9, 1.4e12), 3)   # Chinchilla itself
    1.937
    """
    fit = _fit(irreducible_loss, params_coefficient, data_coefficient, params_exponent, data_exponent)
    params = positive("params", params)
    tokens = positive("tokens", tokens)
    return _loss(fit, math.log(params), math.log(tokens))


def chinchilla_isoflop_loss(
    flop: float,
    params: float,
    irreducible_loss: float = CHINCHILLA_E,
    params_coefficient: float = CHINCHILLA_A,
    data_coefficient: float = CHINCHILLA_B,
    params_exponent: float = CHINCHILLA_ALPHA,
    data_exponent: float = CHINCHILLA_BETA,
) -> float:
    """The Chinchilla fit's loss when a budget of ``flop`` trains a model of ``params``.

    The model sees the tokens the budget leaves, ``D = C / (6 N)``; tracing ``params`` at a
    fixed ``flop`` draws one of Hoffmann et al.'s "isoFLOP" curves, whose minimum is
    :func:`chinchilla_optimal`.

    Args:
        flop: Training compute C in FLOP, greater than 0.
        params: Model parameters N, greater than 0.
        irreducible_loss, params_coefficient, data_coefficient, params_exponent,
            data_exponent: the fit's E, A, B, alpha and beta (see :func:`chinchilla_loss`).

    Returns:
        ``chinchilla_loss(N, C / (6 N))``, the total loss in nats per token.

    Raises:
        ValueError: if an argument is out of range, or the token count is too large or too
            small for a float.

    Source: Hoffmann et al. (2022), parametric fit and C = 6ND.

    >>> round(chinchilla_isoflop_loss(6 * 70e9 * 1.4e12, 70e9), 3)   # Chinchilla itself
    1.937
    """
    fit = _fit(irreducible_loss, params_coefficient, data_coefficient, params_exponent, data_exponent)
    flop = positive("flop", flop)
    params = positive("params", params)
    log_params = math.log(params)
    log_tokens = math.log(flop) - _LOG_SIX - log_params
    exp_in_range("the token count for these inputs", log_tokens)
    return _loss(fit, log_params, log_tokens)


def chinchilla_optimal(
    flop: float,
    irreducible_loss: float = CHINCHILLA_E,
    params_coefficient: float = CHINCHILLA_A,
    data_coefficient: float = CHINCHILLA_B,
    params_exponent: float = CHINCHILLA_ALPHA,
    data_exponent: float = CHINCHILLA_BETA,
) -> ChinchillaAllocation:
    """The split of a training budget that minimises the Chinchilla fit's loss.

    Derivation: with ``D = C / (6 N)`` the loss is
    ``L(N) = E + A N^-a + B (C/6)^-b N^b``. Setting ``dL/dN = 0`` gives
    ``a A N^-a = b B (C/6)^-b N^b``, so

        N* = G (C/6)^(b/(a+b)),   D* = (C/6)^(a/(a+b)) / G,   G = (a A / (b B))^(1/(a+b)).

    With the printed a = 0.34 and b = 0.28, N* grows as C^0.45 and D* as C^0.55, so the
    optimal tokens per parameter, ``D*/N* = (C/6)^((a-b)/(a+b)) / G^2``, keeps rising with
    compute (about 80 at 1e23 FLOP, 150 at 1e26). Epoch AI's refit (a = 0.3478,
    b = 0.3658) gives about 16 to 18 over 5.88e23 to 1e26 FLOP, close to the 20:1 rule.
    ``L`` has one minimum (it is convex in ``ln N``), and at it both terms fall as
    ``(C/6)^(-a b/(a+b))``.

    Args:
        flop: Training compute C in FLOP, greater than 0.
        irreducible_loss, params_coefficient, data_coefficient, params_exponent,
            data_exponent: the fit's E, A, B, alpha and beta (see :func:`chinchilla_loss`).

    Returns:
        :class:`ChinchillaAllocation` ``(params, tokens, tokens_per_param, loss)``.

    Raises:
        ValueError: if an argument is out of range, or the split is too large or too small
            for a float.

    Source: the parametric fit of Hoffmann et al. (2022) and C = 6ND; the closed form is
    our derivation.

    >>> best = chinchilla_optimal(1e24)
    >>> round(best.tokens_per_param), round(best.loss, 3)
    (98, 1.911)
    """
    fit = _fit(irreducible_loss, params_coefficient, data_coefficient, params_exponent, data_exponent)
    flop = positive("flop", flop)
    log_budget = math.log(flop) - _LOG_SIX  # ln(C/6) = ln(N D)
    log_params = fit.log_g + fit.share * log_budget
    log_tokens = log_budget - log_params
    return _allocation(fit, log_params, log_tokens)


def chinchilla_allocation(
    flop: float,
    tokens_per_param: float = 20.0,
    irreducible_loss: float = CHINCHILLA_E,
    params_coefficient: float = CHINCHILLA_A,
    data_coefficient: float = CHINCHILLA_B,
    params_exponent: float = CHINCHILLA_ALPHA,
    data_exponent: float = CHINCHILLA_BETA,
) -> ChinchillaAllocation:
    """Spend a training budget at a fixed ratio of tokens to parameters.

    Args:
        flop: Training compute C in FLOP, greater than 0.
        tokens_per_param: Tokens per parameter D / N, greater than 0 (20 is the Chinchilla
            rule of thumb).
        irreducible_loss, params_coefficient, data_coefficient, params_exponent,
            data_exponent: the fit's E, A, B, alpha and beta (see :func:`chinchilla_loss`).

    Returns:
        :class:`ChinchillaAllocation` with ``N = sqrt(C / (6 r))``, ``D = r N`` and the
        fit's loss there.

    Raises:
        ValueError: if an argument is out of range, or N or D is too large or too small
            for a float.

    Source: Hoffmann et al. (2022), rule of thumb and C = 6ND.

    >>> split = chinchilla_allocation(6 * 70e9 * 1.4e12, 20)   # Chinchilla's own budget
    >>> round(split.params / 1e9), round(split.tokens / 1e12, 2)   # billions of parameters, trillions of tokens
    (70, 1.4)
    """
    fit = _fit(irreducible_loss, params_coefficient, data_coefficient, params_exponent, data_exponent)
    flop = positive("flop", flop)
    ratio = positive("tokens_per_param", tokens_per_param)
    log_budget = math.log(flop) - _LOG_SIX
    log_params = 0.5 * (log_budget - math.log(ratio))
    return _allocation(fit, log_params, log_params + math.log(ratio), ratio)


def chinchilla_optimal_tokens_per_param(
    flop: float,
    irreducible_loss: float = CHINCHILLA_E,
    params_coefficient: float = CHINCHILLA_A,
    data_coefficient: float = CHINCHILLA_B,
    params_exponent: float = CHINCHILLA_ALPHA,
    data_exponent: float = CHINCHILLA_BETA,
) -> float:
    """Tokens per parameter of the Chinchilla fit's compute-optimal split of ``flop``.

    Args:
        flop: Training compute in FLOP, greater than 0.
        irreducible_loss, params_coefficient, data_coefficient, params_exponent,
            data_exponent: the fit's E, A, B, alpha and beta (see :func:`chinchilla_loss`).

    Returns:
        ``D*/N*`` of :func:`chinchilla_optimal`: with the printed constants about 80 at
        1e23 FLOP, rising to about 150 at 1e26 FLOP; with Epoch AI's refit about 16 to 18.

    Raises:
        ValueError: if an argument is out of range.

    Source: our arithmetic on Hoffmann et al. (2022)'s fit and Besiroglu et al. (2024)'s
    refit.

    >>> round(chinchilla_optimal_tokens_per_param(1e23)), round(chinchilla_optimal_tokens_per_param(1e26))
    (78, 153)
    >>> epoch = dict(irreducible_loss=1.8172, params_coefficient=482.01, data_coefficient=2085.43,
    ...              params_exponent=0.3478, data_exponent=0.3658)
    >>> round(chinchilla_optimal_tokens_per_param(5.88e23, **epoch)), round(chinchilla_optimal_tokens_per_param(1e26, **epoch))
    (18, 16)
    """
    return chinchilla_optimal(
        flop, irreducible_loss, params_coefficient, data_coefficient, params_exponent, data_exponent
    ).tokens_per_param


def chinchilla_compute_for_loss(
    loss: float,
    irreducible_loss: float = CHINCHILLA_E,
    params_coefficient: float = CHINCHILLA_A,
    data_coefficient: float = CHINCHILLA_B,
    params_exponent: float = CHINCHILLA_ALPHA,
    data_exponent: float = CHINCHILLA_BETA,
) -> float:
    """Training FLOP the Chinchilla fit's compute-optimal split needs to reach ``loss``.

    The inverse of ``chinchilla_optimal(flop).loss``: from the derivation there,
    ``L - E = K (C/6)^(-gamma)`` with ``gamma = a b / (a + b)``, so
    ``C = 6 (K / (L - E))^(1 / gamma)``. A loss at or below the floor E is never reached.

    Args:
        loss: Target total loss in nats per token, greater than the fit's floor E.
        irreducible_loss, params_coefficient, data_coefficient, params_exponent,
            data_exponent: the fit's E, A, B, alpha and beta (see :func:`chinchilla_loss`).

    Returns:
        Training compute in FLOP.

    Raises:
        ValueError: if ``loss`` is not a finite number above the floor, another argument is
            out of range, or the compute is too large or too small for a float.

    Source: our derivation from Hoffmann et al. (2022)'s fit.

    >>> round(chinchilla_compute_for_loss(chinchilla_optimal(1e24).loss) / 1e24, 6)   # back to the 1e24 FLOP
    1.0
    """
    fit = _fit(irreducible_loss, params_coefficient, data_coefficient, params_exponent, data_exponent)
    loss = finite("loss", loss)
    if loss <= fit.floor:
        raise InputError(
            "loss", f"loss must be greater than {show(fit.floor)} (the fit's irreducible loss), got {show(loss)}"
        )
    log_k = _log_sum(fit.log_a - fit.alpha * fit.log_g, fit.log_b + fit.beta * fit.log_g)
    log_budget = (log_k - math.log(loss - fit.floor)) / fit.gamma
    return exp_in_range("the compute for this loss", _LOG_SIX + log_budget)


def chinchilla_compute_efficiency(
    flop: float,
    tokens_per_param: float = 20.0,
    irreducible_loss: float = CHINCHILLA_E,
    params_coefficient: float = CHINCHILLA_A,
    data_coefficient: float = CHINCHILLA_B,
    params_exponent: float = CHINCHILLA_ALPHA,
    data_exponent: float = CHINCHILLA_BETA,
) -> float:
    """Share of ``flop`` the optimal split would need to match a fixed-ratio split's loss.

    Args:
        flop: Training compute in FLOP, greater than 0.
        tokens_per_param: The fixed ratio D / N being judged, greater than 0.
        irreducible_loss, params_coefficient, data_coefficient, params_exponent,
            data_exponent: the fit's E, A, B, alpha and beta (see :func:`chinchilla_loss`).

    Returns:
        ``C' / C``, between 0 and 1: C' is the compute at which :func:`chinchilla_optimal`
        reaches the loss of :func:`chinchilla_allocation` ``(flop, tokens_per_param)``. 1 means
        the ratio is the fit's optimum; 0.8 means the optimum gets there with 20% less.

    Raises:
        ValueError: if an argument is out of range, or the split's parameters or tokens are
            too large or too small for a float.

    Source: our arithmetic on Hoffmann et al. (2022)'s fit.

    >>> round(chinchilla_compute_efficiency(6 * 70e9 * 1.4e12, 20), 2)
    0.84
    """
    constants = (irreducible_loss, params_coefficient, data_coefficient, params_exponent, data_exponent)
    fit = _fit(*constants)
    split = chinchilla_allocation(flop, tokens_per_param, *constants)
    best = chinchilla_optimal(flop, *constants)
    # Compare reducible losses in logs: at vast budgets L - E is far below E's last digit.
    log_ratio = _log_reducible(fit, math.log(split.params), math.log(split.tokens)) - _log_reducible(
        fit, math.log(best.params), math.log(best.tokens)
    )
    if math.isnan(log_ratio):
        raise OutOfRangeError("the compute share for these inputs cannot be computed")
    return min(1.0, math.exp(-max(log_ratio, 0.0) / fit.gamma))


def chinchilla_total_loss_exponent(
    flop: float,
    irreducible_loss: float = CHINCHILLA_E,
    params_coefficient: float = CHINCHILLA_A,
    data_coefficient: float = CHINCHILLA_B,
    params_exponent: float = CHINCHILLA_ALPHA,
    data_exponent: float = CHINCHILLA_BETA,
) -> float:
    """The local power-law exponent of the *total* loss in compute along the fit's optimal path.

    Along the optimum ``L = E + K (C/6)^(-gamma)``, so the slope of ``ln L`` against ``ln C``
    is ``-gamma (L - E) / L``: it shrinks towards 0 as the loss nears its floor. This is the
    fit's counterpart of Kaplan's 0.050 at one budget (compare it with Ord's reading of
    Kaplan: accuracy a = 1 / L grows as compute to this power).

    Args:
        flop: Training compute in FLOP, greater than 0.
        irreducible_loss, params_coefficient, data_coefficient, params_exponent,
            data_exponent: the fit's E, A, B, alpha and beta (see :func:`chinchilla_loss`).

    Returns:
        ``gamma (L - E) / L`` at the optimum for ``flop``, between 0 and gamma: about 0.019
        at Chinchilla's own budget with the printed constants, far below Kaplan's 0.050.

    Raises:
        ValueError: if an argument is out of range.

    Source: our arithmetic on Hoffmann et al. (2022)'s fit; Ord, "The Scaling Paradox"
    (2025), reads the paper's loss-compute frontier as bending away from a power law.

    >>> round(chinchilla_total_loss_exponent(5.88e23), 4)
    0.0191
    """
    constants = (irreducible_loss, params_coefficient, data_coefficient, params_exponent, data_exponent)
    fit = _fit(*constants)
    best = chinchilla_optimal(flop, *constants)
    reducible = best.loss - fit.floor
    if fit.floor == 0.0:
        return fit.gamma
    if reducible <= 0.0:
        return 0.0
    return fit.gamma / (1.0 + fit.floor / reducible)


def _log_sum(x: float, y: float) -> float:
    """``ln(e**x + e**y)`` for x, y in [-inf, inf]."""
    high, low = max(x, y), min(x, y)
    if math.isinf(high):
        return high
    return high + math.log1p(math.exp(low - high))


def _log_reducible(fit: _Fit, log_params: float, log_tokens: float) -> float:
    """``ln(A / N^a + B / D^b)``, exact even where the sum is below a float's reach."""
    return _log_sum(fit.log_a - fit.alpha * log_params, fit.log_b - fit.beta * log_tokens)


def _loss(fit: _Fit, log_params: float, log_tokens: float) -> float:
    """``E + A / N^a + B / D^b`` from ln N and ln D, or a ValueError if it is out of range."""
    log_reducible = _log_reducible(fit, log_params, log_tokens)
    if log_reducible > LOG_CEILING:
        raise OutOfRangeError("the loss for these inputs is too large to compute")
    loss = fit.floor + math.exp(log_reducible)
    if not math.isfinite(loss):
        raise OutOfRangeError("the loss for these inputs is too large to compute")
    return loss


def _allocation(fit: _Fit, log_params: float, log_tokens: float, ratio: float | None = None) -> ChinchillaAllocation:
    """The allocation with ln N and ln D given, and D/N when the caller chose it."""
    params = exp_in_range("the parameter count for these inputs", log_params)
    tokens = exp_in_range("the token count for these inputs", log_tokens)
    if ratio is None:
        ratio = exp_in_range("the tokens per parameter for these inputs", log_tokens - log_params)
    return ChinchillaAllocation(
        params=params, tokens=tokens, tokens_per_param=ratio, loss=_loss(fit, log_params, log_tokens)
    )


def _power_in_range(what: str, base: float, power: float, log_base: float) -> float:
    """``base ** power`` (exact for whole powers of exact bases), checked in logs first
    (``log_base``, worked out by the caller as precisely as it can) and then as a number."""
    exp_in_range(what, power * log_base)
    return in_range(what, float(base**power))
