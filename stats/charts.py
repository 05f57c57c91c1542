"""Geometry of the server-rendered SVG charts: plain numbers the templates draw.

Readable without JavaScript; the page puts the same numbers in a table beside
each chart, and each chart carries a text alternative (its <title> and <desc>).
"""

from dataclasses import dataclass

from .selectors import Dashboard, Figures, TrendPoint

WIDTH = 360
BAR_WIDTH = 250  # the longest bar; its value is written after it
ROW = 62
COMPACT_ROW, COMPACT_BAR_WIDTH, COMPACT_LABEL = 20, 150, 150


@dataclass
class Bar:
    row: Figures
    y: int
    registered_width: int
    completed_width: int


def bar_chart(dashboard: Dashboard, *, compact: bool = False) -> dict:
    """One group per row, weakest first: share of adults registered (the long bar)
    and share who completed at least one course (the short one). `compact` (for
    paper) puts the name left of the bars, one short line per row."""
    rows = dashboard.by_share
    row_height, bar_width = (
        (COMPACT_ROW, COMPACT_BAR_WIDTH) if compact else (ROW, BAR_WIDTH)
    )
    largest = max([1.0] + [r.registered_share or 0 for r in rows])
    bars = [
        Bar(
            row=row,
            y=i * row_height,
            registered_width=round(bar_width * (row.registered_share or 0) / largest),
            completed_width=round(bar_width * (row.completed_any_share or 0) / largest),
        )
        for i, row in enumerate(rows)
    ]
    return {
        "bars": bars,
        "width": WIDTH,
        "height": max(row_height, row_height * len(rows)),
        "label_width": COMPACT_LABEL,
    }


@dataclass
class Point:
    x: int
    y_registered: int
    y_completed: int
    point: TrendPoint


def trend_chart(trend: list[TrendPoint]) -> dict:
    """Registered and completed-at-least-one-course so far, at the end of each week."""
    left, right, top, bottom = 48, WIDTH - 12, 16, 170
    largest = max(
        [1] + [p.registered for p in trend] + [p.completed_any for p in trend]
    )
    steps = max(1, len(trend) - 1)

    def y(value):
        return round(bottom - (bottom - top) * max(value, 0) / largest)

    points = [
        Point(
            x=round(left + (right - left) * i / steps)
            if len(trend) > 1
            else (left + right) // 2,
            y_registered=y(p.registered),
            y_completed=y(p.completed_any),
            point=p,
        )
        for i, p in enumerate(trend)
    ]
    return {
        "points": points,
        "registered_line": " ".join(f"{p.x},{p.y_registered}" for p in points),
        "completed_line": " ".join(f"{p.x},{p.y_completed}" for p in points),
        "largest": largest,
        "left": left,
        "right": right,
        "top": top,
        "bottom": bottom,
        "width": WIDTH,
        "height": bottom + 30,
        "first": trend[0] if trend else None,
        "last": trend[-1] if trend else None,
    }
