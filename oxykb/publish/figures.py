"""Static SVG figures of how claims are graded: no script, no external request, text on every bar.

Each figure has its own white ground, so it reads the same on its own and in
print (the site's stylesheet darkens it in dark mode); every segment carries its
count, and the legend names each grade with its symbol, so colour is never the
only cue. Figures are drawn 360 px wide, one column of label above bar, so that
a 390 px phone shows them at almost full size and their text stays readable.
"""

from __future__ import annotations

import textwrap
from html import escape

from ..model import Grade
from . import labels

FILL = {
    Grade.HIGH: "#d8f0dc",
    Grade.MODERATE: "#e6f0d2",
    Grade.LOW: "#fbefc9",
    Grade.VERY_LOW: "#fde1cf",
    Grade.UNSUPPORTED: "#f7d9dc",
}
STROKE = {
    Grade.HIGH: "#0d4a1c",
    Grade.MODERATE: "#34440a",
    Grade.LOW: "#5a4300",
    Grade.VERY_LOW: "#6b2a00",
    Grade.UNSUPPORTED: "#7a0f1c",
}
FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif" font-size="14"'
WIDTH, MARGIN, LEGEND_ENTRY, LEGEND_ROW = 360, 8, 176, 28
BAR_WIDTH = WIDTH - 2 * MARGIN - 44  # room after the longest bar for its total, "= 999"
ROW, BAR_HEIGHT = 50, 24  # a row is its label and, below it, its bar
LABEL_CHARACTERS = 40  # about what fits in 344 px at 14 px
MEANING_CHARACTERS = 42


def _text(x: float, y: float, content: str, anchor: str = "start", weight: str = "normal") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-weight="{weight}" fill="#1f1f1f">'
        f"{escape(content)}</text>"
    )


def legend(language: str, y: float = 0) -> list[str]:
    """The five grades, symbol and name, two to a row."""
    parts = []
    for index, grade in enumerate(Grade):
        x, top = MARGIN + (index % 2) * LEGEND_ENTRY, y + 6 + (index // 2) * LEGEND_ROW
        name = f"{labels.GRADE_SYMBOL[grade]} {labels.GRADE[language][grade]}"
        parts.append(
            f'<rect x="{x}" y="{top}" width="{LEGEND_ENTRY - 8}" height="22" rx="4" '
            f'fill="{FILL[grade]}" stroke="{STROKE[grade]}"/>'
        )
        parts.append(f'<text x="{x + 8}" y="{top + 16}" fill="{STROKE[grade]}" font-weight="600">{escape(name)}</text>')
    return parts


def _svg(width: float, height: float, title: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" viewBox="0 0 {width:.0f} '
        f'{height:.0f}" '
        f'role="img" aria-label="{escape(title)}" {FONT}>\n<title>{escape(title)}</title>\n'
        f'<rect width="100%" height="100%" rx="6" fill="#ffffff" stroke="#c8c8c8"/>\n' + "\n".join(body) + "\n</svg>\n"
    )


def legend_height() -> int:
    return 6 + LEGEND_ROW * ((len(Grade) + 1) // 2)


def stacked_bars(rows: list[tuple[str, dict[Grade, int]]], language: str, title: str) -> str:
    """One horizontal bar per row under its name, split by grade, scaled to the largest row, with counts on the bars."""
    largest = max([sum(counts.values()) for _, counts in rows] + [1])
    body = legend(language, 4)
    for index, (name, counts) in enumerate(rows):
        y = 4 + legend_height() + 8 + index * ROW
        shown = name if len(name) <= LABEL_CHARACTERS else name[: LABEL_CHARACTERS - 1] + "\u2026"
        body.append(_text(MARGIN, y + 14, shown))
        x, bar_top = float(MARGIN), y + 20
        for grade in Grade:
            if counts.get(grade):
                width = BAR_WIDTH * counts[grade] / largest
                body.append(
                    f'<rect x="{x:.1f}" y="{bar_top:.1f}" width="{width:.1f}" height="{BAR_HEIGHT}" '
                    f'fill="{FILL[grade]}" stroke="{STROKE[grade]}"/>'
                )
                if width >= 18:
                    body.append(_text(x + width / 2, bar_top + 17, str(counts[grade]), "middle", "600"))
                x += width
        body.append(_text(x + 6, bar_top + 17, f"= {sum(counts.values())}"))
    return _svg(WIDTH, 4 + legend_height() + 12 + ROW * len(rows), title, body)


def scale_legend(language: str) -> str:
    """The evidence scale itself, strongest first, as a visual legend: each grade, its meaning wrapped below it."""
    body, y = [], 10
    for grade in Grade:
        body.append(
            f'<rect x="{MARGIN}" y="{y}" width="190" height="26" rx="4" fill="{FILL[grade]}" stroke="{STROKE[grade]}"/>'
        )
        body.append(
            f'<text x="{MARGIN + 10}" y="{y + 18}" fill="{STROKE[grade]}" font-weight="600">'
            f"{escape(labels.GRADE_SYMBOL[grade] + ' ' + labels.GRADE[language][grade])}</text>"
        )
        y += 26
        for line in textwrap.wrap(labels.GRADE_MEANING[language][grade], MEANING_CHARACTERS):
            y += 20
            body.append(_text(MARGIN + 2, y, line))
        y += 16
    return _svg(WIDTH, y, labels.TEXT[language]["scale_title"], body)
