"""Hypothesis strategies for the models' inputs. (The settings of a calculator a reader sees
are tests/reader_cases.py's ``reader_settings``, which Pyodide runs without Hypothesis.)

The "sane" strategies keep to ranges where the round trips are well conditioned in double
precision; ``any_floats`` is everything a float can be, for the "never anything but a
finite float or ValueError" tests.
"""

from __future__ import annotations

from hypothesis import strategies as st

__all__ = [
    "agent_costs",
    "agent_curves",
    "agent_growth",
    "agent_hours",
    "agent_logistic_slopes",
    "agent_rates",
    "any_floats",
    "cost_scaleup_factors",
    "cost_shares",
    "effective_inference_multipliers",
    "effective_pretrain_flops",
    "effective_weights",
    "growth_doubling_times",
    "growth_elapsed",
    "growth_factors",
    "growth_gaps",
    "growth_rising_factors",
    "growth_values",
    "lengths",
    "lifetime_params",
    "lifetime_queries",
    "lifetime_tokens",
    "lifetime_tokens_per_query",
    "logx_gains",
    "logx_multipliers",
    "logx_scores",
    "logx_slope_factors",
    "logx_slopes",
    "pretrain_alphas",
    "pretrain_compute_multipliers",
    "pretrain_flops",
    "pretrain_ratios",
    "pretrain_reductions",
    "pretrain_sizes",
    "probabilities",
    "raw_form_values",
    "rl_bits",
    "rl_fractions",
    "rl_gains",
    "rl_multipliers",
    "rl_scores",
    "rl_slope_ratios",
    "rl_slopes",
    "rl_token_counts",
    "rl_vocab_sizes",
    "scales",
    "shapes",
    "sigmoid_ceilings",
    "sigmoid_factors",
    "sigmoid_midpoints",
    "sigmoid_rates",
    "sigmoid_times",
    "sigmoid_years_observed",
    "sigmoid_years_to_midpoint",
    "t50s",
]


def _finite(low: float, high: float) -> st.SearchStrategy[float]:
    return st.floats(min_value=low, max_value=high, allow_nan=False, allow_infinity=False)


#: 50% time horizons: positive, from a twentieth of a second to two years in minutes.
t50s = _finite(1e-6, 1e6)
#: Task lengths, including 0.
lengths = _finite(0.0, 1e6)
#: Target success probabilities, strictly between 0 and 1.
probabilities = _finite(1e-6, 1 - 1e-6)
#: Weibull shapes: Hamilton's fits fall between 0.35 and 1; this is much wider.
shapes = _finite(0.05, 20.0)
#: Positive factors for rescaling the time unit.
scales = _finite(1e-3, 1e3)
#: Any float at all: nan, both infinities, -0.0, subnormals, huge and negative values.
any_floats = st.floats(allow_nan=True, allow_infinity=True)
#: Anything a form field, a permalink or a crafted request can put in an input: any float,
#: integers past the float range (10**400 once raised OverflowError), text, markup, None.
raw_form_values = st.one_of(
    any_floats,
    st.integers(min_value=-(10**400), max_value=10**400),
    st.text(max_size=12),
    st.sampled_from(
        [
            "",
            "-0",
            "0",
            "-1",
            "1e308",
            "1e-320",
            "1e999",
            "NaN",
            "-Infinity",
            " 3 ",
            " 59 ",
            "0x10",
            "0x1p3",
            "1_000",
            "<b>7</b>",
        ]
    ),
    st.none(),
    st.booleans(),
)


# --- Governance essay (calculators/governance.py) ------------------------------------------
#: Pre-training compute in FLOP: from a small experiment to far past today's frontier.
effective_pretrain_flops = _finite(1e10, 1e35)
#: Inference per task relative to standard use, including less than standard.
effective_inference_multipliers = _finite(1e-3, 1e8)
#: OOMs of pre-training per OOM of inference: Ord's rule allows 0 to 1 (evidence: 0.5 to 1).
effective_weights = _finite(0.0, 1.0)
#: Parameters N: from a toy model to a thousand times GPT-4 class.
lifetime_params = _finite(1e3, 1e15)
#: Pre-training tokens D.
lifetime_tokens = _finite(1e3, 1e16)
#: Queries served over a model's life, including none.
lifetime_queries = _finite(0.0, 1e15)
#: Tokens generated per query.
lifetime_tokens_per_query = _finite(1.0, 1e7)
#: A stage's share of lifetime compute.
cost_shares = _finite(0.0, 1.0)
#: Scale-up factors for pre-training or inference, including scaling down.
cost_scaleup_factors = _finite(1e-3, 1e6)


# --- RL essays (calculators/models/rl.py) ---------------------------------------------------
#: Benchmark gains in percentage points, including none.
rl_gains = _finite(0.0, 100.0)
#: Benchmark scores in percentage points, raw or measured from a base model (so possibly < 0).
rl_scores = _finite(-100.0, 100.0)
#: Output tokens per answer or per episode, in tokens or in multiples of a base model's count.
rl_token_counts = _finite(1e-3, 1e9)
#: Trend slopes: percentage points per tenfold tokens.
rl_slopes = _finite(0.0, 100.0)
#: Compute multipliers, scaling down as well as up.
rl_multipliers = _finite(1e-3, 1e6)
#: Slope ratios b_inf / b_RL: Ord's estimate is about 2.
rl_slope_ratios = _finite(0.1, 10.0)
#: Vocabulary sizes, from the smallest meaningful (2) to far beyond today's ~100k.
rl_vocab_sizes = _finite(2.0, 1e9)
#: Information amounts in bits (per token or per episode).
rl_bits = _finite(1e-6, 1e3)
#: RL compute as a fraction of pre-training compute.
rl_fractions = _finite(0.0, 10.0)


# --- Growth and log-x charts (calculators/growth.py, calculators/logx.py) -------------------
#: Annual factors, shrinking (below 1) as well as growing; never 1 in practice.
growth_factors = _finite(1e-2, 1e2).filter(lambda f: f != 1)
#: Annual factors of a gap that closes: above 1, from barely to a hundredfold a year.
growth_rising_factors = _finite(1.01, 1e2)
#: Cost gaps: from already closed (1) to a trillionfold.
growth_gaps = _finite(1.0, 1e12)
#: Doubling times in years, negative for halving times, never near 0.
growth_doubling_times = st.one_of(_finite(1e-2, 1e2), _finite(-1e2, -1e-2))
#: Positive quantities to extrapolate.
growth_values = _finite(1e-6, 1e6)
#: Elapsed time, backwards as well as forwards.
growth_elapsed = _finite(-1e2, 1e2)
#: Benchmark scores in percent.
logx_scores = _finite(0.0, 100.0)
#: Score changes in percentage points, losses included.
logx_gains = _finite(-100.0, 100.0)
#: Log-x slopes: points per tenfold compute (o3 on ARC-AGI: about 5.3).
logx_slopes = _finite(0.5, 100.0)
#: How many times steeper a slope becomes (alpha-beta pruning: 2), flattening included.
logx_slope_factors = _finite(0.1, 10.0)
#: Compute multipliers between two measurements: more than 1.
logx_multipliers = _finite(1.01, 1e6)

# --- Sigmoid or exponential (calculators/models/sigmoid.py) ---------------------------
#: Logistic ceilings K: positive, over twelve orders of magnitude.
sigmoid_ceilings = _finite(1e-6, 1e6)
#: Growth rates r (or exponential rates) per year: doubling every 2 months to every 14 years.
sigmoid_rates = _finite(0.05, 5.0)
#: Midpoints, anchor times and other times, in years.
sigmoid_midpoints = _finite(-1e3, 1e3)
sigmoid_times = _finite(-1e3, 1e3)
#: Overshoot factors, above 1.
sigmoid_factors = _finite(1.01, 1e3)
#: Whole years of yearly data before the last observation.
sigmoid_years_observed = st.integers(min_value=2, max_value=30).map(float)
#: Years from the last observation to the midpoint: the bend inside the data up to well after.
sigmoid_years_to_midpoint = _finite(-5.0, 20.0)


# --- AI agents: METR's logistic and agent costs (logistic_horizon.py, agent_costs.py) -----
#: METR logistic slopes beta1 per doubling of task length: always negative; Claude 3.7 about -0.7.
agent_logistic_slopes = _finite(-5.0, -0.05)
#: Costs in US dollars: a tenth of a cent to a million.
agent_costs = _finite(1e-3, 1e6)
#: Task lengths and horizons in hours: a few seconds to six weeks.
agent_hours = _finite(1e-3, 1e3)
#: Hourly rates in US dollars per hour.
agent_rates = _finite(1e-2, 1e4)
#: Yearly growth factors of costs or horizons, shrinking as well as growing.
agent_growth = _finite(0.1, 10.0)
#: Stylised horizon-cost curves (plateau hours, half-plateau cost in dollars, steepness > 1).
agent_curves = st.tuples(_finite(0.1, 100.0), _finite(0.1, 1e4), _finite(1.2, 6.0))


# --- Pre-training: the Scaling Paradox and Chinchilla (calculators/pretraining.py) --------
#: Power-law exponents of reducible loss: Kaplan's 0.05-0.095, Chinchilla's 0.28-0.34, wider.
pretrain_alphas = _finite(0.01, 2.0)
#: Factors dividing the reducible loss, including below 1 (the loss grows).
pretrain_reductions = _finite(1e-2, 1e2)
#: Factors multiplying compute, scaling down as well as up.
pretrain_compute_multipliers = _finite(1e-6, 1e12)
#: Training compute in FLOP: from a laptop-sized run to far past today's frontier (~1e26).
pretrain_flops = _finite(1e15, 1e35)
#: Tokens per parameter: from far fewer tokens than parameters to far more than Chinchilla's 20.
pretrain_ratios = _finite(1e-2, 1e5)
#: Parameter or token counts: from a toy model to a quadrillion.
pretrain_sizes = _finite(1e3, 1e15)
