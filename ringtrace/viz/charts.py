"""Inline SVG charts: bar, horizontal bar, line (time series) and histogram.

Dependency-free and deterministic: each chart function computes its geometry in Python
(coordinates rounded to 0.1 px), turns it into a list of :class:`Shape` and renders them with
``viz/templates/chart.svg.j2`` under Jinja autoescape, so labels (employer names, regions) are
always text. The SVG is meant to sit inside an HTML page (no ``xmlns`` needed, no URL), scales
with the page and prints cleanly. Hovering a bar or point shows its exact value.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ringtrace.viz.templating import render

__all__ = ["PALETTE", "Shape", "bar_chart", "hbar_chart", "histogram", "histogram_bins",
           "line_chart", "nice_ticks"]

PALETTE = ("#4e79a7", "#e15759", "#f28e2b", "#59a14f", "#76b7b2", "#edc948", "#b07aa1")
_INK, _MUTED, _GRID = "#1f2328", "#5a6270", "#e3e7eb"
_FONT = 12
_MAX_X_LABELS = 12


@dataclass(frozen=True)
class Shape:
    """One SVG element: tag, attributes (in order), text content and hover tip."""

    tag: str
    attrs: tuple[tuple[str, str], ...]
    text: str = ""
    tip: str = ""


def _n(value: float) -> str:
    """A coordinate with at most one decimal and no trailing ``.0`` (stable text)."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _shape(tag: str, text: str = "", tip: str = "", **attrs: float | str) -> Shape:
    pairs = tuple((k.rstrip("_").replace("_", "-"),
                   _n(v) if isinstance(v, int | float) else v) for k, v in attrs.items())
    return Shape(tag, pairs, text, tip)


def _value(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def text_width(text: str, size: float = _FONT) -> float:
    """Approximate rendered width: CJK and full-width characters are square, others ~0.6 em."""
    return sum(size if ord(ch) >= 0x2E80 else size * 0.6 for ch in text)


def _fit(text: str, width: float, size: float = _FONT) -> str:
    if text_width(text, size) <= width:
        return text
    while text and text_width(text + "…", size) > width:
        text = text[:-1]
    return text + "…"


def nice_ticks(maximum: float, count: int = 5) -> list[float]:
    """Round tick values from 0 to at least ``maximum`` in steps of 1, 2 or 5 × 10^k.

    >>> nice_ticks(37)
    [0, 10, 20, 30, 40]
    >>> nice_ticks(0)
    [0, 1]
    """
    if maximum <= 0:
        return [0, 1]
    raw = maximum / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    top = math.ceil(maximum / step - 1e-9)
    return [round(i * step, 10) if step < 1 else int(i * step) for i in range(top + 1)]


def _svg(title: str, width: float, height: float, shapes: list[Shape]) -> Markup:
    return Markup(render("chart.svg.j2", title=title, width=_n(width), height=_n(height),
                         shapes=shapes))


def _empty(title: str, width: float, height: float) -> Markup:
    return _svg(title, width, height, [
        _shape("text", "无数据", x=width / 2, y=height / 2, text_anchor="middle", fill=_MUTED,
               font_size=_FONT)])


def _y_axis(shapes: list[Shape], ticks: list[float], left: float, right: float, top: float,
            bottom: float) -> None:
    """Horizontal grid lines with tick labels on the left."""
    for tick in ticks:
        y = bottom - (bottom - top) * tick / ticks[-1]
        shapes.append(_shape("line", x1=left, y1=y, x2=right, y2=y, stroke=_GRID))
        shapes.append(_shape("text", _value(tick), x=left - 6, y=y + 4, text_anchor="end",
                             fill=_MUTED, font_size=_FONT - 1))


def _x_labels(shapes: list[Shape], labels: Sequence[str], centres: Sequence[float], y: float,
              slot: float) -> None:
    """Category labels under the plot, thinned so that at most ~12 are drawn."""
    every = max(1, math.ceil(len(labels) / _MAX_X_LABELS))
    for i, (label, x) in enumerate(zip(labels, centres, strict=True)):
        if i % every == 0:
            shapes.append(_shape("text", _fit(label, slot * every - 4), tip=label, x=x, y=y,
                                 text_anchor="middle", fill=_INK, font_size=_FONT - 1))


def bar_chart(items: Sequence[tuple[str, float]], *, title: str, width: float = 640,
              height: float = 300, color: str = PALETTE[0], unit: str = "") -> Markup:
    """Vertical bars, one per ``(label, value)`` in the given order."""
    if not items:
        return _empty(title, width, height)
    left, right, top, bottom = 48.0, width - 12, 16.0, height - 28
    ticks = nice_ticks(max(v for _, v in items))
    shapes: list[Shape] = []
    _y_axis(shapes, ticks, left, right, top, bottom)
    slot = (right - left) / len(items)
    bar = max(1.0, slot * 0.7)
    for i, (label, value) in enumerate(items):
        h = (bottom - top) * value / ticks[-1]
        x = left + slot * i + (slot - bar) / 2
        shapes.append(_shape("rect", tip=f"{label}：{_value(value)}{unit}", x=x, y=bottom - h,
                             width=bar, height=h, fill=color))
    shapes.append(_shape("line", x1=left, y1=bottom, x2=right, y2=bottom, stroke=_MUTED))
    _x_labels(shapes, [label for label, _ in items],
              [left + slot * (i + 0.5) for i in range(len(items))], bottom + 16, slot)
    return _svg(title, width, height, shapes)


def hbar_chart(items: Sequence[tuple[str, float]], *, title: str, width: float = 640,
               bar_height: float = 22, color: str = PALETTE[0],
               notes: Sequence[str] | None = None, unit: str = "") -> Markup:
    """Horizontal bars, one row per ``(label, value)`` in the given order.

    Long labels are shortened with … (the full label is in the hover tip); ``notes`` adds a
    short text after each value (e.g. ``参保 2 人``).
    """
    if not items:
        return _empty(title, width, 120)
    label_width = min(max(text_width(label) for label, _ in items) + 8, width * 0.4)
    note_width = max((text_width(n, _FONT - 1) for n in notes or ()), default=0.0)
    left, top = label_width + 4, 8.0
    right = width - 56 - note_width
    height = top + bar_height * len(items) + 8
    maximum = max(v for _, v in items) or 1
    shapes: list[Shape] = []
    for i, (label, value) in enumerate(items):
        y = top + bar_height * i
        w = (right - left) * value / maximum
        tip = f"{label}：{_value(value)}{unit}" + (f"（{notes[i]}）" if notes else "")
        shapes.append(_shape("text", _fit(label, label_width - 8), tip=label, x=left - 6,
                             y=y + bar_height * 0.68, text_anchor="end", fill=_INK,
                             font_size=_FONT))
        shapes.append(_shape("rect", tip=tip, x=left, y=y + 3, width=w, height=bar_height - 6,
                             fill=color))
        after = _value(value) + (f"  {notes[i]}" if notes else "")
        shapes.append(_shape("text", after, x=left + w + 4, y=y + bar_height * 0.68,
                             fill=_MUTED, font_size=_FONT - 1))
    shapes.append(_shape("line", x1=left, y1=top, x2=left, y2=height - 8, stroke=_MUTED))
    return _svg(title, width, height, shapes)


def line_chart(labels: Sequence[str], series: Sequence[tuple[str, Sequence[float]]], *,
               title: str, width: float = 720, height: float = 300) -> Markup:
    """One line per ``(name, values)`` over the category ``labels`` (e.g. months), with a
    legend; every point has a hover tip with its exact value."""
    if not labels or not series:
        return _empty(title, width, height)
    left, right, top, bottom = 48.0, width - 12, 28.0, height - 28
    peak = max((v for _, values in series for v in values), default=0)
    ticks = nice_ticks(peak)
    shapes: list[Shape] = []
    _y_axis(shapes, ticks, left, right, top, bottom)
    step = (right - left) / max(1, len(labels) - 1)
    xs = [left + step * i for i in range(len(labels))] if len(labels) > 1 else [
        (left + right) / 2]
    legend_x = left
    for s, (name, values) in enumerate(series):
        color = PALETTE[s % len(PALETTE)]
        points = [(xs[i], bottom - (bottom - top) * v / ticks[-1])
                  for i, v in enumerate(values[: len(labels)])]
        shapes.append(_shape("polyline", points=" ".join(f"{_n(x)},{_n(y)}" for x, y in points),
                             fill="none", stroke=color, stroke_width=2))
        for i, (x, y) in enumerate(points):
            shapes.append(_shape("circle", tip=f"{labels[i]} {name}：{_value(values[i])}", cx=x,
                                 cy=y, r=2.5, fill=color))
        shapes.append(_shape("rect", x=legend_x, y=8, width=12, height=12, fill=color))
        shapes.append(_shape("text", name, x=legend_x + 16, y=18, fill=_INK, font_size=_FONT))
        legend_x += 16 + text_width(name) + 20
    shapes.append(_shape("line", x1=left, y1=bottom, x2=right, y2=bottom, stroke=_MUTED))
    _x_labels(shapes, list(labels), xs, bottom + 16, step if len(labels) > 1 else right - left)
    return _svg(title, width, height, shapes)


def histogram_bins(values: Sequence[float], bins: int | None = None) -> list[tuple[str, int]]:
    """``(range label, count)`` per bin. Whole numbers spanning at most 30 values get one bin
    per value, wider spans of whole numbers get whole-number ranges; other values get ``bins``
    equal-width bins (Sturges' rule by default).

    >>> histogram_bins([2, 3, 3, 5])
    [('2', 1), ('3', 2), ('4', 0), ('5', 1)]
    >>> histogram_bins([2, 3, 40, 100], bins=2)
    [('2–51', 3), ('52–101', 1)]
    """
    if not values:
        return []
    low, high = min(values), max(values)
    n = bins or max(1, math.ceil(math.log2(len(values))) + 1)
    if all(float(v).is_integer() for v in values):
        first, span = int(low), int(high) - int(low) + 1
        step = 1 if bins is None and span <= 30 else math.ceil(span / n)
        counts = [0] * math.ceil(span / step)
        for v in values:
            counts[(int(v) - first) // step] += 1
        return [(str(first + i * step) if step == 1 else
                 f"{first + i * step}–{first + (i + 1) * step - 1}", c)
                for i, c in enumerate(counts)]
    width = (high - low) / n or 1.0
    counts = [0] * n
    for v in values:
        counts[min(n - 1, int((v - low) / width))] += 1
    return [(f"{_value(low + width * i)}–{_value(low + width * (i + 1))}", c)
            for i, c in enumerate(counts)]


def histogram(values: Sequence[float], *, title: str, bins: int | None = None,
              width: float = 640, height: float = 300, color: str = PALETTE[3],
              unit: str = "") -> Markup:
    """Distribution of ``values`` as bars over :func:`histogram_bins`."""
    return bar_chart([(label, float(c)) for label, c in histogram_bins(values, bins)],
                     title=title, width=width, height=height, color=color, unit=unit)
