"""What the member states answered to a form: per-question summaries, exports and charts.

Only the secretariat sees these. Answers to questions that no longer apply (their `relevant`
is false given the other answers) are left out, as the chat would not show them either.
"""

import csv
import io
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.errors import NotFound
from services.forms.definition import OTHER, SELECT_TYPES, FormDefinition, Question, Texts
from services.permissions import Action, require
from services.submissions import ANSWERLESS, answers_of, definition, values_of, visible
from storage.models import Form, MemberState, Submission, SubmissionStatus, User

# A survey counts once its state submitted it; the later statuses are the secretariat's steps.
SUBMITTED = (SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED, SubmissionStatus.CIRCULATED)
STATUSES = tuple(str(status) for status in SubmissionStatus)  # words an export needs
# Bars in one chart: more would be unreadable, and the image would break Telegram's photo
# limits (width + height at most 10000 px, sides at most 20:1).
MAX_BARS = 40


@dataclass(frozen=True)
class ChoiceCount:
    name: str
    label: Texts
    count: int
    percent: float  # of the states that answered the question


@dataclass(frozen=True)
class QuestionSummary:
    """One question's answers over the states; the fields that apply depend on its type."""

    question: Question
    answered: int
    choices: list[ChoiceCount] = field(default_factory=list)
    other_texts: list[tuple[str, str]] = field(default_factory=list)  # (state code, text)
    mean: float | None = None
    minimum: object = None  # int | Decimal for numbers, date for dates
    maximum: object = None
    texts: list[tuple[str, str]] = field(default_factory=list)  # (state code, text)


@dataclass(frozen=True)
class _Answered:
    submission: Submission
    values: dict[str, object]  # only the questions that apply


async def _form(session: AsyncSession, actor: User, form_id: int) -> Form:
    require(actor, Action.MANAGE_FORMS)
    form = await session.get(Form, form_id)
    if form is None:
        raise NotFound("form", id=form_id)
    return form


async def _answered(session: AsyncSession, form: Form, include_drafts: bool,
                    sent_only: bool = False) -> list[_Answered]:
    query = select(Submission).where(Submission.form_id == form.id)
    if sent_only:  # everything a state has sent, returned ones too (practices)
        query = query.where(Submission.status != SubmissionStatus.DRAFT)
    elif not include_drafts:
        query = query.where(Submission.status.in_(SUBMITTED))
    defn = definition(form)
    result = []
    for submission in await session.scalars(query.order_by(Submission.member_state_code)):
        values = values_of(await answers_of(session, submission))
        shown = {q.name for q in visible(defn, values)}
        kept = {name: value for name, value in values.items()
                if name in shown or name.removesuffix("_other") in shown}
        result.append(_Answered(submission, kept))
    return result


def _has(value: object) -> bool:
    return value not in (None, "", [])


def _number(question: Question, value: object) -> int | Decimal:
    return int(value) if question.type == "integer" else Decimal(str(value))


def _date(value: object) -> date | object:
    """A date answer (kept as ISO text) as a date; anything unreadable as it is."""
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return value


def _summarize(question: Question, answered: list[_Answered]) -> QuestionSummary:
    given = [(a.submission.member_state_code, a.values[question.name], a.values)
             for a in answered if _has(a.values.get(question.name))]
    count = len(given)
    if question.type in SELECT_TYPES:
        tally = {choice.name: 0 for choice in question.choices}
        for _, value, _ in given:
            for name in value if isinstance(value, list) else [value]:
                tally[name] = tally.get(name, 0) + 1
        choices = [ChoiceCount(c.name, c.label, tally[c.name],
                               round(100 * tally[c.name] / count, 1) if count else 0.0)
                   for c in question.choices]
        others = [(code, str(values.get(question.other_name, "")))
                  for code, value, values in given
                  if OTHER in (value if isinstance(value, list) else [value])]
        return QuestionSummary(question, count, choices=choices, other_texts=others)
    if question.type in ("integer", "decimal"):
        numbers = [_number(question, value) for _, value, _ in given]
        if not numbers:
            return QuestionSummary(question, 0)
        return QuestionSummary(question, count, mean=float(sum(numbers)) / count,
                               minimum=min(numbers), maximum=max(numbers))
    if question.type == "date":
        days = [day for _, value, _ in given if isinstance(day := _date(value), date)]
        return QuestionSummary(question, count, minimum=min(days, default=None),
                               maximum=max(days, default=None))
    if question.type == "text":
        return QuestionSummary(question, count,
                               texts=[(code, str(value)) for code, value, _ in given])
    return QuestionSummary(question, count)  # acknowledge, file: how many gave one


async def summaries(session: AsyncSession, actor: User, form_id: int, *,
                    include_drafts: bool = False) -> list[QuestionSummary]:
    """Per answerable question, what the states that submitted answered (drafts on request)."""
    form = await _form(session, actor, form_id)
    answered = await _answered(session, form, include_drafts)
    return [_summarize(q, answered) for q in definition(form).questions
            if q.type not in ANSWERLESS]


@dataclass(frozen=True)
class ExportWords:
    """The words of an export in the reader's language; the caller takes them from its
    translations, so no English reaches an Arabic file."""

    columns: Mapping[str, str]  # header of each of FIXED_COLUMNS
    statuses: Mapping[str, str]  # submission status -> word
    other: str  # after the label of the column holding an "other" answer's text
    ok: str  # an acknowledged question's value
    separator: str  # between the choices of a multiple-choice summary cell


@dataclass(frozen=True)
class Table:
    """KoBo's layout with two header rows: labels in the reader's language, then the form's
    own names, the same in every language (so columns can be matched across exports)."""

    labels: list[str]
    names: list[str]
    rows: list[list]


FIXED_COLUMNS = ("state_code", "state", "status", "submitted_at")


def _columns(defn: FormDefinition, question: Question, locale: str,
             words: ExportWords) -> list[tuple[str, str]]:
    """(label, name) of each column a question fills."""
    label = defn.text(question.label, locale)
    columns = [(label, question.name)]
    if question.type == "select_multiple":
        columns += [(f"{label}/{defn.text(c.label, locale)}", f"{question.name}/{c.name}")
                    for c in question.choices]
    if question.or_other:
        columns.append((f"{label} {words.other}", question.other_name))
    return columns


def _cells(defn: FormDefinition, question: Question, values: dict, locale: str,
           words: ExportWords) -> list:
    value = values.get(question.name)
    if question.type in SELECT_TYPES:
        chosen = (value if isinstance(value, list) else [value]) if _has(value) else []
        labels = [defn.text(c.label, locale) if (c := question.choice(name)) else str(name)
                  for name in chosen]
        cells: list = [words.separator.join(labels) if chosen else None]
        if question.type == "select_multiple":
            cells += [(1 if c.name in chosen else 0) if chosen else None
                      for c in question.choices]
        if question.or_other:
            cells.append(values.get(question.other_name) if OTHER in chosen else None)
        return cells
    if not _has(value):
        return [None]
    if question.type in ("integer", "decimal"):
        return [_number(question, value)]
    if question.type == "date":
        return [_date(value)]
    if question.type == "acknowledge":
        return [words.ok]
    if question.type == "file" and isinstance(value, dict):
        return [value.get("name") or value.get("file_id")]
    if question.type == "file" and isinstance(value, list):  # several documents: their names
        return [words.separator.join(str(item.get("name") or item.get("file_id"))
                                     for item in value if isinstance(item, dict))]
    return [value]


async def export_table(session: AsyncSession, actor: User, form_id: int, locale: str,
                       words: ExportWords, *, drafts: bool = True) -> Table:
    """A row per state that started the form, a column per question (multiple choice as a
    summary column plus a 0/1 column per option), labels in `locale`; numbers, dates and
    times as such (times in UTC)."""
    form = await _form(session, actor, form_id)
    defn = definition(form)
    questions = [q for q in defn.questions if q.type not in ANSWERLESS]
    columns = [(words.columns[name], name) for name in FIXED_COLUMNS]
    for question in questions:
        columns += _columns(defn, question, locale, words)
    states = {s.code: s for s in await session.scalars(select(MemberState))}
    rows = []
    for answered in await _answered(session, form, include_drafts=drafts,
                                    sent_only=not drafts):
        submission, state = answered.submission, states.get(answered.submission.member_state_code)
        at = submission.submitted_at if submission.status in SUBMITTED else None
        row = [submission.member_state_code, state.name(locale) if state else "",
               words.statuses.get(str(submission.status), str(submission.status)),
               at.astimezone(UTC).replace(tzinfo=None, microsecond=0) if at else None]
        for question in questions:
            row += _cells(defn, question, answered.values, locale, words)
        rows.append(row)
    return Table([label for label, _ in columns], [name for _, name in columns], rows)


def export_xlsx(table: Table, *, locale: str = "en") -> bytes:
    """The table as an .xlsx workbook: bold frozen headers, real dates and numbers, right to
    left for Arabic."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "data"
    sheet.append(table.labels)
    sheet.append(table.names)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for cell in sheet[2]:
        cell.font = Font(italic=True, color="666666")
    for row in table.rows:
        sheet.append(row)
    for cell in (cell for row in sheet.iter_rows() for cell in row):
        if isinstance(cell.value, datetime):
            cell.number_format = "yyyy-mm-dd hh:mm"
        elif isinstance(cell.value, date):
            cell.number_format = "yyyy-mm-dd"
        elif cell.data_type == "f":
            cell.data_type = "s"  # typed text starting with "=" is not a formula
    for number, label in enumerate(table.labels, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = min(max(len(label), 10), 40)
    sheet.freeze_panes = "C3"  # headers and the state stay in view
    if locale == "ar":
        sheet.sheet_view.rightToLeft = True
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(cell: object) -> object:
    if cell is None:
        return ""
    if isinstance(cell, datetime):
        return cell.strftime("%Y-%m-%d %H:%M")
    if isinstance(cell, str) and cell.startswith(FORMULA_START):
        return "'" + cell  # a spreadsheet opening the file must not run typed text
    return cell


def export_csv(table: Table) -> bytes:
    """The table as CSV in UTF-8 with a BOM, without which Excel misreads Arabic."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(table.labels)
    writer.writerow(table.names)
    writer.writerows([[_csv_cell(cell) for cell in row] for row in table.rows])
    return buffer.getvalue().encode("utf-8-sig")


def _label(texts: Texts, locale: str) -> str:
    """A label in `locale`, else in any language it has."""
    return texts.get(locale) or next(iter(texts.values()), "")


def _arabic_font() -> str | None:
    """A font family with Arabic glyphs, None when none is known (the default is used)."""
    from matplotlib import font_manager

    for family in ("DejaVu Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "Amiri", "Arial"):
        try:
            font_manager.findfont(family, fallback_to_default=False)
        except ValueError:
            continue
        return family
    return None


def chart_choices(summary: QuestionSummary) -> list[ChoiceCount]:
    """The choices a chart shows: all, or the MAX_BARS most chosen, in the form's order."""
    if len(summary.choices) <= MAX_BARS:
        return summary.choices
    ranked = sorted(range(len(summary.choices)), key=lambda i: -summary.choices[i].count)
    return [summary.choices[i] for i in sorted(ranked[:MAX_BARS])]


def chart_png(summary: QuestionSummary, locale: str) -> bytes:
    """A horizontal bar chart of a choice question's counts (see chart_choices), as PNG."""
    import matplotlib

    matplotlib.use("Agg")  # no display on the server
    from matplotlib.figure import Figure

    # matplotlib 3.11 shapes and orders Arabic itself (reshaping again would reverse it)
    shown = chart_choices(summary)
    labels = [_label(c.label, locale) for c in shown]
    counts = [c.count for c in shown]
    family = _arabic_font()
    figure = Figure(figsize=(7, 1.2 + 0.5 * max(len(labels), 1)), dpi=100)
    axes = figure.subplots()
    positions = list(range(len(labels)))
    bars = axes.barh(positions, counts, color="#2f6f9f")
    axes.set_yticks(positions, labels, **({"family": family} if family else {}))
    axes.invert_yaxis()  # first choice on top, as in the form
    axes.bar_label(bars, labels=[str(count) for count in counts], padding=3)
    axes.set_xlim(0, max(counts + [1]) * 1.15)
    axes.xaxis.get_major_locator().set_params(integer=True)
    axes.set_title(textwrap.fill(_label(summary.question.label, locale), 60),
                   **({"family": family} if family else {}))
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()

