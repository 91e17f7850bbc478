"""Returns to scaling pre-training: Kaplan's power laws and Chinchilla's parametric fit.

Source: Toby Ord, "The Scaling Paradox" (January 2025). Scaling laws say the reducible
part of a language model's log-loss falls as a small power of the compute spent,

    L(C) - E = k * C ** (-alpha),            alpha about 0.05 (Kaplan et al. 2020),

so dividing that reducible loss by ``r`` takes ``r ** (1 / alpha)`` times the compute:
about a million times (2 ** 20) per halving. Kaplan et al. fit the same form against
parameters (exponent 0.076) and data (0.095).

Hoffmann et al. (2022, "Chinchilla") fit loss to parameters N and training tokens D::

    L(N, D) = E + A / N ** a + B / D ** b,   E = 1.69, A = 406.4, B = 410.7, a = 0.34, b = 0.28

in nats per token, with training compute C = 6 N D FLOP. Its compute-optimal allocation
has a closed form (see :func:`chinchilla_optimal`).
"""

from __future__ import annotations

import math
from typing import NamedTuple

from ._checks import InputError, finite, positive, show

__all__ = [
    "ChinchillaAllocation",
    "chinchilla_allocation",
    "chinchilla_compute_efficiency",
    "chinchilla_compute_for_loss",
    "chinchilla_isoflop_loss",
    "chinchilla_loss",
    "chinchilla_optimal",
    "chinchilla_optimal_tokens_per_param",
    "compute_multiplier_for_loss",
    "compute_ooms_for_loss",
    "halving_cost",
    "loss_multiplier",
    "optimal_loss_exponent",
]

#: Kaplan et al. (2020): loss against compute, parameters and data (fact base §3.4).
KAPLAN_COMPUTE_EXPONENT = 0.050
KAPLAN_PARAMS_EXPONENT = 0.076
KAPLAN_DATA_EXPONENT = 0.095

#: Hoffmann et al. (2022), parametric fit (fact base §3.3): L = E + A/N^a + B/D^b.
CHINCHILLA_E = 1.69
CHINCHILLA_A = 406.4
CHINCHILLA_B = 410.7
CHINCHILLA_ALPHA = 0.34
CHINCHILLA_BETA = 0.28
#: FLOP per parameter per training token (C = 6 N D).
FLOP_PER_PARAM_TOKEN = 6.0

# Results are worked out in logs and must land inside (1e-300, 1e300), far from the
# float range's edges, so that nothing downstream overflows or goes subnormal.
_LOG_MAX = math.log(1e300)
_LN10 = math.log(10.0)

# The compute-optimal path of the Chinchilla fit, derived in chinchilla_optimal():
#   N = G * (C/6) ** (b/(a+b)),  D = (C/6) ** (a/(a+b)) / G,  L - E = K * (C/6) ** (-gamma).
_A, _B, _ALPHA, _BETA = CHINCHILLA_A, CHINCHILLA_B, CHINCHILLA_ALPHA, CHINCHILLA_BETA
_LOG_G = math.log(_ALPHA * _A / (_BETA * _B)) / (_ALPHA + _BETA)
_PARAMS_SHARE = _BETA / (_ALPHA + _BETA)
_GAMMA = _ALPHA * _BETA / (_ALPHA + _BETA)
_LOG_K = math.log(_A * math.exp(-_ALPHA * _LOG_G) + _B * math.exp(_BETA * _LOG_G))


class ChinchillaAllocation(NamedTuple):
    """A split of a training budget between model size and data, and the loss it reaches."""

    #: Parameters, N.
    params: float
    #: Training tokens, D.
    tokens: float
    #: D / N.
    tokens_per_param: float
    #: Chinchilla-fit loss, nats per token.
    loss: float


def compute_multiplier_for_loss(reduction: float, alpha: float = KAPLAN_COMPUTE_EXPONENT) -> float:
    """How many times more compute divides the reducible loss by ``reduction``.

    Args:
        reduction: Factor by which the reducible loss (the loss above its irreducible floor)
            is to be divided; greater than 0. 2 halves it; a value below 1 lets it grow.
        alpha: Exponent of the power law ``L - E ∝ C ** (-alpha)``, greater than 0. 0.05 is
            Kaplan et al.'s compute exponent; their parameter and data exponents are 0.076
            and 0.095 (read the result as a multiplier on those resources instead).

    Returns:
        ``reduction ** (1 / alpha)``, a multiplier on compute (unitless).

    Raises:
        ValueError: if an argument is not a finite number greater than 0, or the multiplier
            is too large or too small for a float.

    Source: Ord, "The Scaling Paradox" (2025), as reconstructed in the fact base (§2.1):
    each halving of the remaining error costs about a million times more compute.

    >>> round(compute_multiplier_for_loss(2))   # 2 ** 20
    1048576
    """
    reduction = positive("reduction", reduction)
    alpha = positive("alpha", alpha)
    return _exp_in_range("the compute multiplier for these inputs", math.log(reduction) / alpha)


def compute_ooms_for_loss(reduction: float, alpha: float = KAPLAN_COMPUTE_EXPONENT) -> float:
    """Orders of magnitude (powers of ten) of compute that divide reducible loss by ``reduction``.

    Args:
        reduction: Factor dividing the reducible loss, greater than 0 (2 halves it).
        alpha: Power-law exponent of reducible loss in compute, greater than 0.

    Returns:
        ``log10(reduction) / alpha``: the base-10 logarithm of
        :func:`compute_multiplier_for_loss`, negative when ``reduction`` is below 1.

    Raises:
        ValueError: if an argument is not a finite number greater than 0, or the result is
            too large for a float.

    Source: Ord, "The Scaling Paradox" (2025); fact base §2.1.

    >>> round(compute_ooms_for_loss(2), 2)
    6.02
    """
    reduction = positive("reduction", reduction)
    alpha = positive("alpha", alpha)
    ooms = math.log10(reduction) / alpha
    if not math.isfinite(ooms):
        raise ValueError("the orders of magnitude for these inputs are too many to compute")
    return ooms


def loss_multiplier(compute_multiplier: float, alpha: float = KAPLAN_COMPUTE_EXPONENT) -> float:
    """The factor multiplying reducible loss when compute is multiplied by ``compute_multiplier``.

    Args:
        compute_multiplier: Factor by which compute grows, greater than 0 (10 is one order
            of magnitude more).
        alpha: Power-law exponent of reducible loss in compute, greater than 0 (Kaplan:
            0.05).

    Returns:
        ``compute_multiplier ** (-alpha)``: below 1 for more compute. The inverse of
        :func:`compute_multiplier_for_loss`:
        ``loss_multiplier(compute_multiplier_for_loss(r, a), a) == 1 / r``.

    Raises:
        ValueError: if an argument is not a finite number greater than 0, or the result is
            too large or too small for a float.

    Source: Ord, "The Scaling Paradox" (2025); fact base §2.1 (10x compute multiplies
    reducible loss by about 0.891).

    >>> round(loss_multiplier(10), 3)
    0.891
    """
    compute_multiplier = positive("compute_multiplier", compute_multiplier)
    alpha = positive("alpha", alpha)
    return _exp_in_range("the loss multiplier for these inputs", -alpha * math.log(compute_multiplier))


def halving_cost(alpha: float = KAPLAN_COMPUTE_EXPONENT) -> float:
    """How many times more of a resource halves the reducible loss: ``2 ** (1 / alpha)``.

    Args:
        alpha: Power-law exponent of reducible loss in the resource, greater than 0.
            Kaplan et al. (2020): 0.050 for compute, 0.076 for parameters, 0.095 for data.

    Returns:
        The multiplier on the resource (unitless): about a million (2 ** 20) for compute at
        0.05, about 9,100 for parameters and about 1,500 for data.

    Raises:
        ValueError: if ``alpha`` is not a finite number greater than 0, or the multiplier is
            too large for a float (``alpha`` below about 0.001).

    Source: Ord on the 80,000 Hours podcast (2025): each halving of the remaining error
    costs about a million times more compute; fact base §2.1 and §3.4.

    >>> round(halving_cost(0.076), -2), round(halving_cost(0.095), -2)
    (9100.0, 1500.0)
    """
    return compute_multiplier_for_loss(2.0, alpha)


def optimal_loss_exponent(params_exponent: float = CHINCHILLA_ALPHA, data_exponent: float = CHINCHILLA_BETA) -> float:
    """Compute exponent of reducible loss along the compute-optimal path of a two-term fit.

    For ``L = E + A / N ** a + B / D ** b`` with compute ``C ∝ N D`` split optimally, both
    terms fall as ``C ** (-a b / (a + b))`` (see :func:`chinchilla_optimal`), so the
    reducible loss does too.

    Args:
        params_exponent: ``a``, the loss exponent in parameters, greater than 0
            (Chinchilla: 0.34).
        data_exponent: ``b``, the loss exponent in training tokens, greater than 0
            (Chinchilla: 0.28).

    Returns:
        ``a b / (a + b)``, half the harmonic mean of the two: about 0.154 for Chinchilla's
        fit, three times Kaplan's 0.05.

    Raises:
        ValueError: if an exponent is not a finite number greater than 0.

    Source: our arithmetic on Hoffmann et al. (2022)'s fit (fact base §3.3).

    >>> round(optimal_loss_exponent(), 4)
    0.1535
    """
    a = positive("params_exponent", params_exponent)
    b = positive("data_exponent", data_exponent)
    low, high = min(a, b), max(a, b)
    return low / (1.0 + low / high)  # = a b / (a + b), without overflow in a b or a + b


def chinchilla_loss(params: float, tokens: float) -> float:
    """Hoffmann et al. (2022)'s parametric fit of loss to model size and data.

    Args:
        params: Model parameters N, greater than 0.
        tokens: Training tokens D, greater than 0.

    Returns:
        ``1.69 + 406.4 / N ** 0.34 + 410.7 / D ** 0.28``, in nats per token: always above
        the irreducible 1.69.

    Raises:
        ValueError: if an argument is not a finite number greater than 0.

    Source: Hoffmann et al., "Training Compute-Optimal Large Language Models" (2022),
    parametric fit (their approach 3); fact base §3.3.

    >>> round(chinchilla_loss(70e9, 1.4e12), 3)   # Chinchilla itself
    1.937
    """
    params = positive("params", params)
    tokens = positive("tokens", tokens)
    return CHINCHILLA_E + _reducible(math.log(params), math.log(tokens))


def chinchilla_isoflop_loss(flop: float, params: float) -> float:
    """The Chinchilla fit's loss when a budget of ``flop`` trains a model of ``params``.

    The model sees the tokens the budget leaves, ``D = C / (6 N)``; tracing ``params`` at a
    fixed ``flop`` draws one of Hoffmann et al.'s "isoFLOP" curves, whose minimum is
    :func:`chinchilla_optimal`.

    Args:
        flop: Training compute C in FLOP, greater than 0.
        params: Model parameters N, greater than 0.

    Returns:
        ``chinchilla_loss(N, C / (6 N))``, in nats per token.

    Raises:
        ValueError: if an argument is not a finite number greater than 0, or the token
            count is too large or too small for a float.

    Source: Hoffmann et al. (2022), parametric fit and C = 6ND (fact base §3.3).

    >>> round(chinchilla_isoflop_loss(6 * 70e9 * 1.4e12, 70e9), 3)   # Chinchilla itself
    1.937
    """
    flop = positive("flop", flop)
    params = positive("params", params)
    log_params = math.log(params)
    log_tokens = math.log(flop) - math.log(FLOP_PER_PARAM_TOKEN) - log_params
    _exp_in_range("the token count for these inputs", log_tokens)
    return CHINCHILLA_E + _reducible(log_params, log_tokens)


def chinchilla_optimal(flop: float) -> ChinchillaAllocation:
    """The split of a training budget that minimises the Chinchilla fit's loss.

    Derivation: with ``D = C / (6 N)`` the loss is
    ``L(N) = E + A N^-a + B (C/6)^-b N^b``. Setting ``dL/dN = 0`` gives
    ``a A N^-a = b B (C/6)^-b N^b``, so

        N* = G (C/6)^(b/(a+b)),   D* = (C/6)^(a/(a+b)) / G,   G = (a A / (b B))^(1/(a+b)).

    With a = 0.34 and b = 0.28, N* grows as C^0.45 and D* as C^0.55, so the optimal
    tokens per parameter, ``D*/N* = (C/6)^((a-b)/(a+b)) / G^2``, keeps rising with compute
    (about 80 at 1e23 FLOP, 150 at 1e26). ``L`` has one minimum (it is convex in ``ln N``),
    and at it both terms fall as ``(C/6)^(-a b/(a+b))``.

    Args:
        flop: Training compute C in FLOP, greater than 0.

    Returns:
        :class:`ChinchillaAllocation` ``(params, tokens, tokens_per_param, loss)``.

    Raises:
        ValueError: if ``flop`` is not a finite number greater than 0.

    Source: the parametric fit of Hoffmann et al. (2022) and C = 6ND; the closed form is
    our derivation. The familiar "20 tokens per parameter" comes from the paper's two other
    estimation approaches, not from this fit (fact base §3.3).

    >>> best = chinchilla_optimal(1e24)
    >>> round(best.tokens_per_param), round(best.loss, 3)
    (98, 1.911)
    """
    flop = positive("flop", flop)
    log_budget = math.log(flop) - math.log(FLOP_PER_PARAM_TOKEN)  # ln(C/6) = ln(N D)
    log_params = _LOG_G + _PARAMS_SHARE * log_budget
    log_tokens = log_budget - log_params
    return _allocation(log_params, log_tokens)


def chinchilla_allocation(flop: float, tokens_per_param: float = 20.0) -> ChinchillaAllocation:
    """Spend a training budget at a fixed ratio of tokens to parameters.

    Args:
        flop: Training compute C in FLOP, greater than 0.
        tokens_per_param: Tokens per parameter D / N, greater than 0 (20 is the Chinchilla
            rule of thumb).

    Returns:
        :class:`ChinchillaAllocation` with ``N = sqrt(C / (6 r))``, ``D = r N`` and the
        fit's loss there.

    Raises:
        ValueError: if an argument is not a finite number greater than 0, or N or D is too
            large or too small for a float.

    Source: Hoffmann et al. (2022), rule of thumb and C = 6ND (fact base §3.3).

    >>> split = chinchilla_allocation(6 * 70e9 * 1.4e12, 20)   # Chinchilla's own budget
    >>> f"{split.params:.3g} parameters, {split.tokens:.3g} tokens"
    '7e+10 parameters, 1.4e+12 tokens'
    """
    flop = positive("flop", flop)
    ratio = positive("tokens_per_param", tokens_per_param)
    log_budget = math.log(flop) - math.log(FLOP_PER_PARAM_TOKEN)
    log_params = 0.5 * (log_budget - math.log(ratio))
    return _allocation(log_params, log_params + math.log(ratio), ratio)


def chinchilla_optimal_tokens_per_param(flop: float) -> float:
    """Tokens per parameter of the Chinchilla fit's compute-optimal split of ``flop``.

    Args:
        flop: Training compute in FLOP, greater than 0.

    Returns:
        ``D*/N*`` of :func:`chinchilla_optimal`: about 80 at 1e23 FLOP, rising to about 150
        at 1e26 FLOP.

    Raises:
        ValueError: if ``flop`` is not a finite number greater than 0.

    Source: our arithmetic on Hoffmann et al. (2022)'s fit (fact base §3.3 caveat).

    >>> round(chinchilla_optimal_tokens_per_param(1e23)), round(chinchilla_optimal_tokens_per_param(1e26))
    (78, 153)
    """
    return chinchilla_optimal(flop).tokens_per_param


def chinchilla_compute_for_loss(loss: float) -> float:
    """Training FLOP the Chinchilla fit's compute-optimal split needs to reach ``loss``.

    The inverse of ``chinchilla_optimal(flop).loss``: from the derivation there,
    ``L - E = K (C/6)^(-gamma)`` with ``gamma = a b / (a + b)``, so
    ``C = 6 (K / (L - E))^(1 / gamma)``.

    Args:
        loss: Target loss in nats per token, greater than the fit's irreducible 1.69.

    Returns:
        Training compute in FLOP.

    Raises:
        ValueError: if ``loss`` is not a finite number above 1.69, or the compute is too
            large or too small for a float.

    Source: our derivation from Hoffmann et al. (2022)'s fit (fact base §3.3).

    >>> f"{chinchilla_compute_for_loss(chinchilla_optimal(1e24).loss):.3g}"
    '1e+24'
    """
    loss = finite("loss", loss)
    if loss <= CHINCHILLA_E:
        raise InputError(
            "loss", f"loss must be greater than {show(CHINCHILLA_E)} (the fit's irreducible loss), got {show(loss)}"
        )
    log_budget = (_LOG_K - math.log(loss - CHINCHILLA_E)) / _GAMMA
    return _exp_in_range("the compute for this loss", math.log(FLOP_PER_PARAM_TOKEN) + log_budget)


def chinchilla_compute_efficiency(flop: float, tokens_per_param: float = 20.0) -> float:
    """Share of ``flop`` the optimal split would need to match a fixed-ratio split's loss.

    Args:
        flop: Training compute in FLOP, greater than 0.
        tokens_per_param: The fixed ratio D / N being judged, greater than 0.

    Returns:
        ``C' / C``, between 0 and 1: C' is the compute at which :func:`chinchilla_optimal`
        reaches the loss of :func:`chinchilla_allocation` ``(flop, tokens_per_param)``. 1 means
        the ratio is the fit's optimum; 0.8 means the optimum gets there with 20% less.

    Raises:
        ValueError: if an argument is not a finite number greater than 0, or the split's
            parameters or tokens are too large or too small for a float.

    Source: our arithmetic on Hoffmann et al. (2022)'s fit (fact base §3.3).

    >>> round(chinchilla_compute_efficiency(6 * 70e9 * 1.4e12, 20), 2)
    0.84
    """
    split = chinchilla_allocation(flop, tokens_per_param)
    best = chinchilla_optimal(flop)
    # Compare reducible losses in logs: at vast budgets L - E is far below 1.69's last digit.
    log_ratio = _log_reducible(math.log(split.params), math.log(split.tokens)) - _log_reducible(
        math.log(best.params), math.log(best.tokens)
    )
    return min(1.0, math.exp(-max(log_ratio, 0.0) / _GAMMA))


def _reducible(log_params: float, log_tokens: float) -> float:
    """``A / N^a + B / D^b`` from ln N and ln D (no overflow: the exponents are small)."""
    return _A * math.exp(-_ALPHA * log_params) + _B * math.exp(-_BETA * log_tokens)


def _log_reducible(log_params: float, log_tokens: float) -> float:
    """``ln(A / N^a + B / D^b)``, exact even where the sum is below a float's reach."""
    terms = (math.log(_A) - _ALPHA * log_params, math.log(_B) - _BETA * log_tokens)
    return max(terms) + math.log1p(math.exp(min(terms) - max(terms)))


def _allocation(log_params: float, log_tokens: float, ratio: float | None = None) -> ChinchillaAllocation:
    """The allocation with ln N and ln D given, and D/N when the caller chose it."""
    params = _exp_in_range("the parameter count for these inputs", log_params)
    tokens = _exp_in_range("the token count for these inputs", log_tokens)
    return ChinchillaAllocation(
        params=params,
        tokens=tokens,
        # The optimum's D/N stays between about 1e-30 and 1e30 for any float budget.
        tokens_per_param=math.exp(log_tokens - log_params) if ratio is None else ratio,
        loss=CHINCHILLA_E + _reducible(log_params, log_tokens),
    )


def _exp_in_range(what: str, log_value: float) -> float:
    """``exp(log_value)``, or a ValueError naming ``what`` if it leaves (1e-300, 1e300)."""
    if log_value > _LOG_MAX:
        raise ValueError(f"{what} is too large to compute")
    if log_value < -_LOG_MAX:
        raise ValueError(f"{what} is too small to compute")
    return math.exp(log_value)
