"""The results of a survey, or across workshops, as CSV: aggregates and free-text
answers only (no name, no address, no time of answer)."""

import csv

from django.http import HttpResponse

from .choices import QuestionKind

# A spreadsheet runs a cell that starts with one of these as a formula: a free-text
# answer "=HYPERLINK(...)" must stay text. The rule of reports.tabular.safe_cell,
# which this app may not import (it sits below reports in the layers).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _response(filename):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def survey_results_csv(results, *, filename) -> HttpResponse:
    """One row per question and answer value (count, share), a row per question with
    its respondents and mean, and the free-text answers in the order of their text."""
    response = _response(filename)
    writer = csv.writer(response)
    survey = results.survey
    writer.writerow([safe_cell(str(survey.workshop)), survey.get_kind_display()])
    writer.writerow(["invited", results.invited])
    writer.writerow(["responded", results.responded])
    writer.writerow(["response rate", f"{results.response_rate:.3f}"])
    writer.writerow([])
    writer.writerow(["question", "kind", "answer", "count", "share of respondents", "mean"])
    for result in results.questions:
        label = safe_cell(result.label)
        mean = "" if result.mean is None else f"{result.mean:.3f}"
        writer.writerow([label, result.kind, "(respondents)", result.respondents, "", mean])
        for bar in result.bars:
            writer.writerow(
                [label, result.kind, safe_cell(bar.label), bar.count, f"{bar.share:.3f}", ""]
            )
        if result.kind == QuestionKind.TEXT:
            for text in result.texts:
                writer.writerow([label, result.kind, safe_cell(text), "", "", ""])
    return response


def across_results_csv(results, *, filename) -> HttpResponse:
    """One row per group and shared question: respondents and mean, with each group's
    invitations and responses."""
    response = _response(filename)
    writer = csv.writer(response)
    writer.writerow(
        ["group", "invited", "responded", "question key", "question", "respondents", "mean"]
    )
    for group in results.groups:
        for question in results.questions:
            result = group.questions[question.key]
            writer.writerow(
                [
                    safe_cell(group.label),
                    group.invited,
                    group.responded,
                    question.key,
                    safe_cell(question.label),
                    result.respondents,
                    "" if result.mean is None else f"{result.mean:.3f}",
                ]
            )
    return response
