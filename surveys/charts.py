"""Bar charts of survey results drawn as SVG on the server: no script, so the strict
Content Security Policy ('self' only) holds, and a phone without JavaScript shows them.

Geometry only; templates/surveys/_chart.html draws it. Coordinates are formatted here
with a dot, as the page's locale may write decimals with a comma, which SVG refuses.
"""

# One bar's row, in SVG user units; the chart's width is 100 %.
ROW_HEIGHT = 24
LABEL_LIMIT = 30


def _shorten(label: str) -> str:
    return label if len(label) <= LABEL_LIMIT else label[: LABEL_LIMIT - 1] + "…"


def bar_chart(bars) -> dict:
    """{"height", "bars": [...]} for `bars` (surveys.queries.Bar): labels take the
    left 40 %, bars at most 45 % (the share of respondents), the count after them."""
    return {
        "height": max(len(bars), 1) * ROW_HEIGHT,
        "bars": [
            {
                "bar": bar,
                "short_label": _shorten(bar.label),
                "y": index * ROW_HEIGHT + 4,
                "text_y": index * ROW_HEIGHT + 16,
                "width": f"{bar.share * 45:.2f}",
                "value_x": f"{41 + bar.share * 45:.2f}",
                "percent": f"{bar.share * 100:.0f}",
            }
            for index, bar in enumerate(bars)
        ],
    }


def with_charts(results):
    """Attach a `chart` to each question result that has bars; return `results`."""
    for question in results.questions:
        question.chart = bar_chart(question.bars) if question.bars else None
    return results
