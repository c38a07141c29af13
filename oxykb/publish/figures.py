"""Static SVG figures of how claims are graded: no script, no external request, text on every bar.

Each figure has its own white ground, so it reads the same in light and dark
mode and in print; every segment carries its count, and the legend names each
grade with its symbol, so colour is never the only cue.
"""

from __future__ import annotations

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
FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif" font-size="13"'
LABEL_WIDTH, BAR_WIDTH, ROW, LEGEND, LEGEND_ENTRY = 230, 420, 30, 62, 200


def _text(x: float, y: float, content: str, anchor: str = "start", weight: str = "normal") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-weight="{weight}" fill="#1f1f1f">'
        f"{escape(content)}</text>"
    )


def legend(language: str, y: float = 0) -> list[str]:
    """The five grades, symbol and name, three to a row."""
    parts = []
    for index, grade in enumerate(Grade):
        x, top = 8 + (index % 3) * LEGEND_ENTRY, y + 6 + (index // 3) * 28
        name = f"{labels.GRADE_SYMBOL[grade]} {labels.GRADE[language][grade]}"
        parts.append(
            f'<rect x="{x}" y="{top}" width="{LEGEND_ENTRY - 10}" height="22" rx="4" '
            f'fill="{FILL[grade]}" stroke="{STROKE[grade]}"/>'
        )
        parts.append(f'<text x="{x + 8}" y="{top + 15}" fill="{STROKE[grade]}" font-weight="600">{escape(name)}</text>')
    return parts


def _svg(width: float, height: float, title: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" viewBox="0 0 {width:.0f} '
        f'{height:.0f}" '
        f'role="img" aria-label="{escape(title)}" {FONT}>\n<title>{escape(title)}</title>\n'
        f'<rect width="100%" height="100%" rx="6" fill="#ffffff" stroke="#c8c8c8"/>\n' + "\n".join(body) + "\n</svg>\n"
    )


def stacked_bars(rows: list[tuple[str, dict[Grade, int]]], language: str, title: str) -> str:
    """One horizontal bar per row, split by grade, scaled to the largest row, with counts on the bars."""
    largest = max([sum(counts.values()) for _, counts in rows] + [1])
    body = legend(language, 4)
    for index, (name, counts) in enumerate(rows):
        y = LEGEND + 8 + index * ROW
        shown = name if len(name) <= 32 else name[:31] + "\u2026"
        body.append(_text(8, y + 19, shown))
        x = float(LABEL_WIDTH)
        for grade in Grade:
            if counts.get(grade):
                width = BAR_WIDTH * counts[grade] / largest
                body.append(
                    f'<rect x="{x:.1f}" y="{y + 4:.1f}" width="{width:.1f}" height="{ROW - 8}" fill="{FILL[grade]}" '
                    f'stroke="{STROKE[grade]}"/>'
                )
                if width >= 18:
                    body.append(_text(x + width / 2, y + 19, str(counts[grade]), "middle", "600"))
                x += width
        body.append(_text(x + 6, y + 19, f"= {sum(counts.values())}"))
    return _svg(LABEL_WIDTH + BAR_WIDTH + 60, LEGEND + 16 + ROW * len(rows), title, body)


def scale_legend(language: str) -> str:
    """The evidence scale itself, strongest first, as a visual legend."""
    body = []
    for index, grade in enumerate(Grade):
        y = 10 + index * 34
        body.append(
            f'<rect x="10" y="{y}" width="190" height="26" rx="4" fill="{FILL[grade]}" stroke="{STROKE[grade]}"/>'
        )
        body.append(
            f'<text x="20" y="{y + 18}" fill="{STROKE[grade]}" font-weight="600">'
            f"{escape(labels.GRADE_SYMBOL[grade] + ' ' + labels.GRADE[language][grade])}</text>"
        )
        body.append(_text(212, y + 18, labels.GRADE_MEANING[language][grade]))
    return _svg(720, 20 + 34 * len(Grade), labels.TEXT[language]["scale_title"], body)
