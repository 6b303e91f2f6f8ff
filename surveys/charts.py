"""Bar charts of survey results drawn as SVG on the server: no script, so the strict
Content Security Policy ('self' only) holds, and a phone without JavaScript shows them.

Geometry only; templates/surveys/_chart.html draws it. Coordinates are formatted here
with a dot, as the page's locale may write decimals with a comma, which SVG refuses.
"""

# One bar's row, in SVG user units; the chart's width is 100 %. The label goes above
# its bar, so that a long one ("The discussions with colleagues from other countries")
# fits a phone's width.
ROW_HEIGHT = 42
LABEL_LIMIT = 60


def _shorten(label: str) -> str:
    return label if len(label) <= LABEL_LIMIT else label[: LABEL_LIMIT - 1] + "…"


def bar_chart(bars) -> dict:
    """{"height", "bars": [...]} for `bars` (surveys.queries.Bar): each a label line,
    then a bar of at most 80 % (the share of respondents) and the count after it."""
    return {
        "height": max(len(bars), 1) * ROW_HEIGHT,
        "bars": [
            {
                "bar": bar,
                "short_label": _shorten(bar.label),
                "label_y": index * ROW_HEIGHT + 14,
                "y": index * ROW_HEIGHT + 20,
                "text_y": index * ROW_HEIGHT + 33,
                "width": f"{bar.share * 80:.2f}",
                "value_x": f"{bar.share * 80 + 1:.2f}",
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
