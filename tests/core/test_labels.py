"""Where point labels go (calculators/_labels.py): beside their point or, for a point on a
flat line, at the plot's edge, wherever the plot model finds the fewest conflicts with lines,
points and other labels; never worse than the declared place."""

from __future__ import annotations

import math

import pytest

from calculators import CALCULATORS, run
from calculators._chart import drawable_rows
from calculators._labels import (
    KEY_PREFIX,
    NEARER,
    PLACES,
    PLOT_GROUPS,
    PLOT_HEIGHT,
    Box,
    LinePieces,
    _flat_levels,
    _segments,
    _series_segments,
    crosses,
    label_box,
    number_crowded_labels,
    own_place,
    place_labels,
    placement_conflicts,
    plot_model,
    shown_label,
    text_body,
)
from reader_cases import ran, reader_settings

LABELLED = sorted(cid for cid, c in CALCULATORS.items() if c.chart.label_points and not c.chart.x.dates)


def _settings(calculator_id: str) -> list[dict[str, float]]:
    """The defaults and each preset."""
    return list(reader_settings(calculator_id, example=False).values())


def _unplaced(rows: list[dict]) -> list[dict]:
    """The rows without where their labels go (and the texts ``run`` adds)."""
    placed = {
        prefix + field for prefix in (*(g.prefix for g in PLOT_GROUPS), KEY_PREFIX) for field in ("side", "place")
    }
    return [{k: v for k, v in row.items() if k not in placed | {"x_text", "y_text", "key"}} for row in rows]


@pytest.mark.parametrize("calculator_id", LABELLED)
def test_placing_never_makes_labels_worse(calculator_id: str) -> None:
    """For every setting (defaults and presets) and each range of widths, the placed labels
    have no more conflicts in the model, all told, than the declaration's own places, and
    each takes one of the known places."""
    calculator = CALCULATORS[calculator_id]
    for values in _settings(calculator_id):
        given = {"outputs": calculator.compute(**values)} if calculator.chart.uses_outputs else {}
        declared = drawable_rows(calculator.chart, calculator.chart.data(**values, **given))
        placed = ran(calculator_id, values)["chart"]
        plots = plot_model(calculator.chart, declared)
        own = [own_place(plots[0], row) for row in declared["points"]]
        for group in PLOT_GROUPS:
            seen = [plot for plot in plots if plot.width in group.widths]
            places = [(row[group.prefix + "side"], row[group.prefix + "place"]) for row in placed["points"]]
            assert all(place in PLACES for place in places), places
            after = sum(placement_conflicts(calculator.chart, declared, seen, places))
            assert after <= sum(placement_conflicts(calculator.chart, declared, seen, own)), (group, places)
        # Only where a label goes changes: the points themselves are the declaration's.
        assert _unplaced(declared["points"]) == _unplaced(placed["points"])


def test_the_governance_thresholds_are_labelled_clear_of_every_line() -> None:
    """Effective compute's threshold crossings (EU 10²⁵, US 10²⁶) are labelled where, in the
    model of the wide chart, no line crosses them (they sat on the rising lines before)."""
    data = run("effective-compute", CALCULATORS["effective-compute"].defaults())["chart"]
    wide = plot_model(CALCULATORS["effective-compute"].chart, data)[0]
    segments = list(_segments(wide, data["lines"]))
    for row in data["points"]:
        if row["label"].startswith(("EU", "US")):
            assert not any(crosses(label_box(wide, row, row["side"], row["place"]), s) for s in segments), row


def test_place_labels_leaves_unlabelled_and_date_charts_alone() -> None:
    """The time-horizon explorer draws dates across and labels no point: nothing moves."""
    chart = CALCULATORS["time-horizons"].chart
    data = {"lines": [{"x": 1.0}], "points": [{"label": "a"}]}
    assert data is place_labels(chart, data)


def test_crosses_examples() -> None:
    """Hand-checked: through, beside, along an edge and inside."""
    box = Box(0, 0, 10, 10)
    assert crosses(box, (-5, 5, 15, 5)) and crosses(box, (2, 2, 3, 3)) and crosses(box, (-5, -5, 15, 15))
    assert not crosses(box, (-5, 15, 15, 15)) and not crosses(box, (11, -5, 11, 15))


def test_a_short_label_is_measured_on_a_phones_plots_only() -> None:
    """A row's "short" label is what a narrow plot writes, so its box is the short text's;
    the wide plot writes the full label. The governance thresholds have one ("US at ×720")."""
    calculator = CALCULATORS["effective-compute"]
    data = run("effective-compute", calculator.defaults())["chart"]
    [us] = [row for row in data["points"] if row["label"].startswith("US")]
    assert us["short"].startswith("US at ×") and us["label"].endswith(us["short"].removeprefix("US "))
    plots = plot_model(calculator.chart, data)
    wide = [plot for plot in plots if plot.width >= PLOT_GROUPS[0].from_width]
    narrow = [plot for plot in plots if plot.width < PLOT_GROUPS[0].from_width]
    assert wide and narrow
    for plot in wide:
        box = label_box(plot, us, "right", "above")
        assert box.right - box.left == pytest.approx(7 * len(us["label"]))
    for plot in narrow:
        box = label_box(plot, us, "right", "above")
        assert box.right - box.left == pytest.approx(7 * len(us["short"]))


@pytest.mark.parametrize("calculator_id", LABELLED)
def test_line_pieces_count_what_testing_every_piece_counts(calculator_id: str) -> None:
    """The indexed count of lines (series) through a box (LinePieces, which skips the pieces
    outside the box's columns and rows) is the count of lines any piece of which passes through it, each piece tested, for a grid of
    boxes over each plot, at the defaults, every preset and inputs at extreme values (where
    lines run steep and dense)."""
    calculator = CALCULATORS[calculator_id]
    defaults = calculator.defaults()
    settings = _settings(calculator_id) + [{**defaults, name: value} for name in defaults for value in (1e-300,)]
    checked = crossing = 0
    for inputs in settings:
        result = ran(calculator_id, inputs)
        if "chart" not in result or not result["chart"].get("lines"):
            continue  # a message for these inputs, not a chart
        data = result["chart"]
        plots = plot_model(calculator.chart, data)
        for plot in (plots[0], plots[-1]):  # the widest and the narrowest modelled
            pieces, every = LinePieces(plot, data["lines"]), _series_segments(plot, data["lines"])
            for left in range(-40, int(plot.width) + 40, 83):
                for top in range(-40, 340, 47):
                    box = Box(left, top, left + 60, top + 14)
                    found = pieces.crossed_by(box)
                    assert found == sum(any(crosses(box, s) for s in line) for line in every), (inputs, box)
                    checked, crossing = checked + 1, crossing + (found > 0)
    assert checked > 50 and crossing > 5, (checked, crossing)


@pytest.mark.parametrize("calculator_id", LABELLED)
def test_no_label_is_placed_under_the_plot_over_the_x_axis_labels(calculator_id: str) -> None:
    """At every width modelled, defaults, example and each preset, no point's label as placed
    reaches below the plot, where the x axis's tick labels are, nor past either side of it.
    Chinchilla's split at Epoch AI's replication put "20 tokens/param" under a phone's plot,
    where no place beside the point had room for the whole label; a phone's plot writes the
    shorter "20 per param". Scaling-paradox's "Compute ×1,048,576" reached a pixel past the
    left of the narrowest plot (165 px), where its three labels took most of the width; a
    phone's plot writes the multiples alone ("×1,048,576"), the legend naming each line."""
    calculator = CALCULATORS[calculator_id]
    for inputs in _every_setting(calculator_id):
        data = ran(calculator_id, inputs)["chart"]
        plots = plot_model(calculator.chart, data)
        for group in PLOT_GROUPS:
            for plot in (p for p in plots if p.width in group.widths):
                for row in data["points"]:
                    box = label_box(plot, row, row[group.prefix + "side"], row[group.prefix + "place"])
                    assert box.bottom <= PLOT_HEIGHT, (inputs, plot.width, shown_label(plot, row), box)
                    assert 0 <= box.left and box.right <= plot.width, (inputs, plot.width, shown_label(plot, row), box)


def test_chinchillas_labels_sit_nearer_their_own_points() -> None:
    """At every width modelled, defaults and each preset, each of the Chinchilla chart's two
    labels (the optimum N* and the reader's split) is nearer its own point than the other
    one (by NEARER px): a reader took "N*" beside the split for the optimum's label."""
    calculator = CALCULATORS["chinchilla"]
    for inputs in _settings("chinchilla"):
        data = ran("chinchilla", inputs)["chart"]
        for group in PLOT_GROUPS:
            for plot in (p for p in plot_model(calculator.chart, data) if p.width in group.widths):
                marks = [plot.at(row) for row in data["points"]]
                for i, row in enumerate(data["points"]):
                    box = label_box(plot, row, row[group.prefix + "side"], row[group.prefix + "place"])
                    mine = box.distance(*marks[i])
                    others = [box.distance(*m) for k, m in enumerate(marks) if k != i]
                    assert all(other >= mine - NEARER for other in others), (inputs, plot.width, row["label"])


def _every_setting(calculator_id: str) -> list[dict[str, float]]:
    """The defaults, the worked example and each preset."""
    calculator = CALCULATORS[calculator_id]
    example = [{**calculator.defaults(), **calculator.example}] if calculator.example else []
    return _settings(calculator_id) + example


@pytest.mark.parametrize("calculator_id", LABELLED)
def test_no_label_stands_beyond_another_line_from_its_point(calculator_id: str) -> None:
    """At every width modelled, defaults, example and each preset, no label beside its point
    has another line (one not through its point) running between them: on that line's side it
    reads as that line's label. Issue 16: rl-exchange's "Ord: 10×" sat 26 px below its point,
    under the r = 1 line, on a phone's plot; cost-per-success's "Break-even" floated above the
    k = 1 line; 33 labels in all, each the only place no line crossed (a line crossing a label
    also counted as "nearer another line", so the far side cost no more)."""
    calculator = CALCULATORS[calculator_id]
    for inputs in _every_setting(calculator_id):
        data = ran(calculator_id, inputs)["chart"]
        for group in PLOT_GROUPS:
            for plot in (p for p in plot_model(calculator.chart, data) if p.width in group.widths):
                pieces = LinePieces(plot, data["lines"])
                for row in data["points"]:
                    side, place = row[group.prefix + "side"], row[group.prefix + "place"]
                    if side.startswith("edge"):
                        continue  # read along its flat line, not by its point
                    box = label_box(plot, row, side, place)
                    assert not pieces.between(box, plot.at(row)), (inputs, plot.width, row["label"], side, place)


def test_a_line_between_is_one_the_way_to_the_label_crosses() -> None:
    """LinePieces.between counts a line crossing the straight way from the point to the
    label's nearest corner or edge, and not a line through the point itself."""
    chart = CALCULATORS["rl-exchange"].chart
    lines = [
        {chart.x.field: 1.0, chart.y.field: 1.0, "series": "low"},
        {chart.x.field: 1e4, chart.y.field: 1e4, "series": "low"},
        {chart.x.field: 1.0, chart.y.field: 1.0, "series": "high"},
        {chart.x.field: 1e4, chart.y.field: 1e8, "series": "high"},
    ]
    plot = plot_model(chart, {"lines": lines, "points": []})[-1]
    point = {chart.x.field: 10.0, chart.y.field: 100.0, "label": "Ord: 10×"}  # on "high"
    pieces, own = LinePieces(plot, lines), plot.at(point)
    assert pieces.between(label_box(plot, point, "right", "well-below"), own) == 0  # still above "low"
    under = Box(own[0] + 7, own[1] + 60, own[0] + 63, own[1] + 73)  # past "low", 40 px under it
    assert pieces.between(under, own) == 1
    assert pieces.between(label_box(plot, point, "left", "above"), own) == 0  # "high" runs through the point


def test_scaling_paradoxs_labels_on_a_phone_cross_no_other_line_where_they_fit() -> None:
    """Scaling-paradox's three points stand at one gain, on lines fanning out from one
    corner: on a phone's plot (165 to 240 px) "Compute ×1,048,576", "Parameters ×8,192" and
    "Data ×2,048" crossed the compute line or another's label. A phone's plot writes the
    multiples alone, and at the defaults compute's and data's labels cross no line but their
    own; parameters' "×8,192" has no place clear of the compute line on the narrowest plot
    (the wedge between the lines left of the point is 33 px wide at its height, the label 42,
    and right of the point is the plot's edge), but clears it on the widest phone's."""
    calculator = CALCULATORS["scaling-paradox"]
    data = run("scaling-paradox", calculator.defaults())["chart"]
    plots = plot_model(calculator.chart, data)
    for group in PLOT_GROUPS[1:]:
        for plot in (p for p in plots if p.width in group.widths):
            pieces = LinePieces(plot, data["lines"])
            own_lines = {row["label"]: row["label"].split()[0] for row in data["points"]}
            for row in data["points"]:
                assert shown_label(plot, row) == row["label"].split()[1]
                box = label_box(plot, row, row[group.prefix + "side"], row[group.prefix + "place"])
                others = [r for r in data["lines"] if not r["series"].startswith(own_lines[row["label"]])]
                crossing = LinePieces(plot, others).crossed_by(box.grown(2))
                if not (row["label"].startswith("Parameters") and plot.width < 240):
                    assert crossing == 0, (plot.width, row["label"], box)
                assert pieces.between(box, plot.at(row)) == 0


def test_the_r1_chains_label_is_crossed_by_no_line_on_any_plot() -> None:
    """rl-information's "R1 chain (32k)" (98 px) had room on a phone's plot only centred
    under its point, its line through it. A phone's plot writes "R1 (32k)", which sits beside
    the point clear of every line, at every width modelled, defaults, example and presets."""
    calculator = CALCULATORS["rl-information"]
    checked = 0
    for inputs in _every_setting("rl-information"):
        data = ran("rl-information", inputs)["chart"]
        for group in PLOT_GROUPS:
            for plot in (p for p in plot_model(calculator.chart, data) if p.width in group.widths):
                pieces = LinePieces(plot, data["lines"])
                for row in data["points"]:
                    if row["label"].startswith("R1"):
                        box = label_box(plot, row, row[group.prefix + "side"], row[group.prefix + "place"])
                        assert pieces.crossed_by(box.grown(2)) == 0, (inputs, plot.width, shown_label(plot, row))
                        checked += 1
    assert checked >= 20


def test_the_agents_label_is_crossed_by_no_line_on_a_phone() -> None:
    """hourly-cost's "This agent" (70 px) fitted on neither side of its point on a phone's
    plot, between lines under 30 px apart across: the human line crossed it (the phone's live
    chart) or it stood 40 px under its point (the static one). A phone's plot writes "Agent",
    which sits beside its point clear of both lines, at every phone's width modelled, at the
    defaults, example and presets."""
    calculator = CALCULATORS["hourly-cost"]
    for inputs in _every_setting("hourly-cost"):
        data = ran("hourly-cost", inputs)["chart"]
        [agent] = [row for row in data["points"] if row["label"] == "This agent"]
        for group in PLOT_GROUPS[1:]:
            for plot in (p for p in plot_model(calculator.chart, data) if p.width in group.widths):
                box = label_box(plot, agent, agent[group.prefix + "side"], agent[group.prefix + "place"])
                assert shown_label(plot, agent) == "Agent"
                assert LinePieces(plot, data["lines"]).crossed_by(box.grown(2)) == 0, (inputs, plot.width, box)
                assert box.distance(*plot.at(agent)) < 10, (inputs, plot.width, box)


def test_o3s_label_is_nearer_its_own_point_on_a_phone() -> None:
    """hourly-cost's "o3, full horizon" (112 px) reached from its point to beside GPT-5's at
    2 h on a phone's plot, in three presets: its middle nearer that point than its own, so it
    read as GPT-5's. A phone's plot writes "o3", nearer its own point than any other, at every
    phone's width modelled, defaults, example and presets."""
    calculator = CALCULATORS["hourly-cost"]
    for inputs in _every_setting("hourly-cost"):
        data = ran("hourly-cost", inputs)["chart"]
        for group in PLOT_GROUPS[1:]:
            for plot in (p for p in plot_model(calculator.chart, data) if p.width in group.widths):
                marks = [plot.at(row) for row in data["points"]]
                for i, row in enumerate(data["points"]):
                    if not row["label"].startswith("o3"):
                        continue
                    box = label_box(plot, row, row[group.prefix + "side"], row[group.prefix + "place"])
                    middle = ((box.left + box.right) / 2, (box.top + box.bottom) / 2)
                    mine = math.dist(middle, marks[i])
                    assert all(math.dist(middle, m) > mine for k, m in enumerate(marks) if k != i), (inputs, plot.width)


def test_a_labels_letters_start_where_it_is_anchored() -> None:
    """The letters fill 6 of each 7 px of the model's box, from the end the text is anchored
    at: the point's end beside it (a left label ends there), the middle when centred, the
    plot's edge at the edge; and the middle 9 px of its height."""
    box = Box(0.0, 0.0, 70.0, 13.0)
    assert text_body(box, "right") == Box(0.0, 2.0, 60.0, 11.0)
    assert text_body(box, "edge-left") == Box(0.0, 2.0, 60.0, 11.0)
    assert text_body(box, "left") == Box(10.0, 2.0, 70.0, 11.0)
    assert text_body(box, "edge-right") == Box(10.0, 2.0, 70.0, 11.0)
    assert text_body(box, "centre") == Box(5.0, 2.0, 65.0, 11.0)


#: Labels a line ran through, letters and all, on the wide chart (screenshot sweep, issue 16),
#: by calculator and the start of the label, with each setting the sweep found it in.
THROUGH_THE_LETTERS = {
    ("effective-compute", "This model"): ("defaults", "example", "hard-problem"),
    ("scaling-paradox", "Parameters"): ("defaults", "kaplan-unrounded", "second-halving"),
    ("inference-share", "RL boost"): ("example",),
    ("lifetime-compute", "Breakeven"): ("deployment-dominated",),
}


@pytest.mark.parametrize(("calculator_id", "label"), sorted(THROUGH_THE_LETTERS))
def test_no_line_runs_through_the_letters_of_these_wide_labels(calculator_id: str, label: str) -> None:
    """Each label above, at each setting it was found in, is placed on the wide chart where
    no line crosses its letters in the model (it stood with its own line through it: a line
    through a label counted the same whether it cut a corner of the generous box or the
    words, so a place by a corner of another line lost to one across its own). What Chromium
    draws is checked by test_browser_chart_labels.py."""
    calculator = CALCULATORS[calculator_id]
    settings = reader_settings(calculator_id)
    for setting in THROUGH_THE_LETTERS[calculator_id, label]:
        data = run(calculator_id, settings[setting])["chart"]
        [row] = [row for row in data["points"] if str(row["label"]).startswith(label)]
        for plot in (p for p in plot_model(calculator.chart, data) if p.width in PLOT_GROUPS[0].widths):
            letters = text_body(label_box(plot, row, row["side"], row["place"]), row["side"])
            assert LinePieces(plot, data["lines"]).crossed_by(letters) == 0, (
                setting,
                plot.width,
                row["side"],
                row["place"],
            )


@pytest.mark.parametrize("calculator_id", LABELLED)
def test_a_label_at_the_edge_sits_next_to_its_own_line(calculator_id: str) -> None:
    """A label at the plot's edge is read along the flat line its point is on, so it sits
    just above, just below or on it, nearer that line than any other flat line, at every
    width modelled and every setting: effective compute's "US at ×720" stood 40 px under the
    US line on a phone's plot, 12 px over the EU line, and read as the EU's."""
    calculator = CALCULATORS[calculator_id]
    edge_labels = 0
    for inputs in _every_setting(calculator_id):
        data = ran(calculator_id, inputs)["chart"]
        levels = _flat_levels(calculator.chart, data["lines"])
        for group in PLOT_GROUPS:
            for plot in (p for p in plot_model(calculator.chart, data) if p.width in group.widths):
                for row in data["points"]:
                    side, place = row[group.prefix + "side"], row[group.prefix + "place"]
                    if not side.startswith("edge"):
                        continue
                    assert place in ("above", "below", "level"), (inputs, group.prefix, row)
                    box = label_box(plot, row, side, place)
                    x, own = plot.at(row)
                    for level in levels - {row[calculator.chart.y.field]}:
                        other = plot.at({**row, calculator.chart.y.field: level})[1]
                        assert box.distance(x, own) < box.distance(x, other), (inputs, plot.width, row["label"])
                    edge_labels += 1
    if calculator_id == "effective-compute":
        assert edge_labels >= 50  # its thresholds' labels, in every setting and width


@pytest.mark.parametrize("calculator_id", LABELLED)
def test_a_phone_label_is_numbered_only_where_no_place_is_clear_and_the_numbers_help(calculator_id: str) -> None:
    """On the phone's static chart (the last group of widths) the labels with conflicts at
    their places, and only those, are numbered 1, 2 … from left to right, if, placed again
    with the numbers as their text (``key_side``, ``key_place``, set on every row then), the
    chart's conflicts, all told, are fewer; otherwise none is."""
    narrow = PLOT_GROUPS[-1]
    for values in _settings(calculator_id):
        calculator = CALCULATORS[calculator_id]
        data = number_crowded_labels(calculator.chart, ran(calculator_id, values)["chart"])
        points = data["points"]
        plots = [plot for plot in plot_model(calculator.chart, data) if plot.width in narrow.widths]
        before = [(row[narrow.prefix + "side"], row[narrow.prefix + "place"]) for row in points]
        crowded = [i for i, n in enumerate(placement_conflicts(calculator.chart, data, plots, before)) if n]
        keyed = [i for i, row in enumerate(points) if "key" in row]
        if not keyed:
            assert not any(KEY_PREFIX + "side" in row for row in points)
            continue
        assert sorted(keyed) == crowded, values
        by_x = sorted(keyed, key=lambda i: plots[0].at(points[i])[0])
        assert [points[i]["key"] for i in by_x] == [str(n) for n in range(1, len(keyed) + 1)]
        after = [(row[KEY_PREFIX + "side"], row[KEY_PREFIX + "place"]) for row in points]
        written = {
            **data,
            "points": [{**row, "label": row["key"], "short": None} if "key" in row else row for row in points],
        }
        assert sum(placement_conflicts(calculator.chart, written, plots, after)) < sum(
            placement_conflicts(calculator.chart, data, plots, before)
        ), values


def test_some_phone_labels_are_numbered() -> None:
    """The rule above is not idle: the scaling paradox's crowded points are numbered on a phone."""
    chart = CALCULATORS["scaling-paradox"].chart
    points = number_crowded_labels(chart, run("scaling-paradox", {})["chart"])["points"]
    assert {row["label"]: row.get("key") for row in points} == {
        "Data ×2,048": "1",
        "Parameters ×8,192": "2",
        "Compute ×1,048,576": None,
    }


@pytest.mark.parametrize("calculator_id", LABELLED)
def test_run_leaves_the_phones_numbers_to_the_build(calculator_id: str) -> None:
    """Only the build draws the phone's static chart, so ``run`` (which the reader's browser
    calls on every change of an input) neither numbers labels nor places them a second time
    for it; numbering returns new rows and leaves ``run``'s as they were, and changes nothing
    but the numbering fields."""
    calculator = CALCULATORS[calculator_id]
    numbering = {"key", KEY_PREFIX + "side", KEY_PREFIX + "place"}
    for values in _settings(calculator_id):
        data = ran(calculator_id, values)["chart"]
        assert not any(numbering & row.keys() for row in data["points"]), values
        before = [dict(row) for row in data["points"]]
        numbered = number_crowded_labels(calculator.chart, data)
        assert data["points"] == before
        assert [{k: v for k, v in row.items() if k not in numbering} for row in numbered["points"]] == before
