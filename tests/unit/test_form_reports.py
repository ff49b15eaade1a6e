"""Summaries, exports and charts of a survey answered by three states (and one draft)."""

import csv
import io
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dialogs.forms_admin.reports import album_sizes
from services import form_catalog, form_reports, registration, submissions
from services.errors import NotAllowed
from services.forms.definition import Choice, FormDefinition, Question
from services.forms.xlsform import load_xlsform
from storage.models import Role, SubmissionStatus

FORM = Path(__file__).parents[1] / "e2e" / "forms" / "chat_survey.md"

ANSWERS = {
    # JO first said 2 meetings and found them useful, then corrected to 0: "useful" no longer
    # applies and must not be counted.
    "JO": [("meetings", 2), ("useful", "high"), ("meetings", 0), ("topics", ["labour"]),
           ("mechanism", "yes"), ("since", "2018-05-01")],
    "EG": [("meetings", 3), ("useful", "high"), ("topics", ["labour", "asylum"]),
           ("mechanism", "other"), ("mechanism_other", "A national committee"),
           ("since", "2020-01-15"), ("comments", "Good")],
    "MA": [("meetings", 5), ("useful", "low"), ("topics", ["data"]), ("mechanism", "no"),
           ("comments", "مفيد")],
}


EN = form_reports.ExportWords(
    columns={"state_code": "State code", "state": "State", "status": "Status",
             "submitted_at": "Submitted (UTC)"},
    statuses={"draft": "draft", "submitted": "submitted"}, other="(other)", ok="OK",
    separator="; ")
AR = form_reports.ExportWords(
    columns={"state_code": "رمز الدولة", "state": "الدولة", "status": "الحالة",
             "submitted_at": "تاريخ الإرسال (UTC)"},
    statuses={"draft": "مسودة", "submitted": "أُرسلت"}, other="(أخرى)", ok="موافق",
    separator="، ")


async def focal_point(session, telegram_id: int, state: str):
    created = await registration.create_invite(
        session, actor=None, role=Role.FOCAL_POINT, state_code=state, ttl_days=14)
    user = await registration.begin_joining(
        session, registration.Profile(telegram_id, f"Focal {state}"), "en", None)
    return await registration.accept_invite(session, created.token, user)


async def give(session, user, form_id: int, answers, submit: bool) -> None:
    submission = await submissions.state_submission(session, user, form_id)
    revisions: dict[str, int] = {}
    for name, value in answers:
        saved = await submissions.answer(session, user, submission.id, name, value,
                                         revisions.get(name))
        revisions[name] = saved.revision
    if submit:
        await submissions.submit(session, user, submission.id)


@pytest.fixture
async def survey(session):
    boss = await registration.bootstrap_secretariat(
        session, registration.Profile(42, "Secretariat"), "en")
    form, _ = await form_catalog.register(session, load_xlsform(FORM))
    await form_catalog.open_form(session, boss, form.id, None)
    for number, (state, answers) in enumerate(ANSWERS.items()):
        user = await focal_point(session, 5000 + number, state)
        await give(session, user, form.id, answers, submit=True)
    draft = await focal_point(session, 5100, "SA")
    await give(session, draft, form.id, [("meetings", 7)], submit=False)
    return boss, form, draft


def by_name(items):
    return {item.question.name: item for item in items}


async def test_summaries_count_only_submitted_answers_that_apply(session, survey):
    boss, form, _ = survey
    result = by_name(await form_reports.summaries(session, boss, form.id))
    assert list(result) == ["meetings", "useful", "topics", "mechanism", "since", "comments"]

    meetings = result["meetings"]
    assert (meetings.answered, meetings.minimum, meetings.maximum) == (3, 0, 5)
    assert meetings.mean == pytest.approx(8 / 3)

    useful = result["useful"]
    assert useful.answered == 2
    assert [(c.name, c.count, c.percent) for c in useful.choices] == [
        ("high", 1, 50.0), ("low", 1, 50.0)]

    topics = result["topics"]
    assert topics.answered == 3
    assert [(c.name, c.count, c.percent) for c in topics.choices] == [
        ("labour", 2, 66.7), ("asylum", 1, 33.3), ("data", 1, 33.3)]

    mechanism = result["mechanism"]
    assert [(c.name, c.count, c.percent) for c in mechanism.choices] == [
        ("yes", 1, 33.3), ("no", 1, 33.3), ("other", 1, 33.3)]
    assert mechanism.other_texts == [("EG", "A national committee")]

    since = result["since"]
    assert (since.answered, since.minimum, since.maximum) == (
        2, date(2018, 5, 1), date(2020, 1, 15))
    assert result["comments"].texts == [("EG", "Good"), ("MA", "مفيد")]


async def test_summaries_with_drafts_include_the_draft(session, survey):
    boss, form, _ = survey
    result = by_name(await form_reports.summaries(session, boss, form.id, include_drafts=True))
    assert (result["meetings"].answered, result["meetings"].maximum) == (4, 7)
    assert result["meetings"].mean == pytest.approx(15 / 4)


async def test_a_focal_point_is_refused(session, survey):
    _, form, draft = survey
    with pytest.raises(NotAllowed):
        await form_reports.summaries(session, draft, form.id)
    with pytest.raises(NotAllowed):
        await form_reports.export_table(session, draft, form.id, "en", EN)


async def test_export_table_in_kobo_layout(session, survey):
    boss, form, _ = survey
    table = await form_reports.export_table(session, boss, form.id, "en", EN)
    meetings, useful = "How many meetings did you attend?", "How useful were they?"
    mechanism = "A coordination mechanism?"
    assert table.labels == [
        "State code", "State", "Status", "Submitted (UTC)", meetings, useful,
        "Topics", "Topics/Labour migration", "Topics/Asylum", "Topics/Data",
        mechanism, f"{mechanism} (other)", "Since when?", "Comments"]
    assert table.names == [
        "state_code", "state", "status", "submitted_at", "meetings", "useful", "topics",
        "topics/labour", "topics/asylum", "topics/data", "mechanism", "mechanism_other",
        "since", "comments"]
    rows = table.rows
    assert [row[:3] for row in rows] == [
        ["EG", "Egypt", "submitted"], ["JO", "Jordan", "submitted"],
        ["MA", "Morocco", "submitted"], ["SA", "Saudi Arabia", "draft"]]
    assert isinstance(rows[0][3], datetime) and rows[0][3].tzinfo is None
    assert rows[3][3] is None
    assert rows[0][4:] == [3, "Very useful", "Labour migration; Asylum", 1, 1, 0,
                           "Other", "A national committee", date(2020, 1, 15), "Good"]
    assert rows[1][4:] == [0, None, "Labour migration", 1, 0, 0, "Yes", None,
                           date(2018, 5, 1), None]
    assert rows[3][4:] == [7] + [None] * 9


async def test_export_table_in_arabic_has_no_english(session, survey):
    boss, form, _ = survey
    table = await form_reports.export_table(session, boss, form.id, "ar", AR)
    assert table.labels[:10] == [
        "رمز الدولة", "الدولة", "الحالة", "تاريخ الإرسال (UTC)", "كم اجتماعًا حضرتم؟",
        "ما مدى فائدتها؟", "المواضيع", "المواضيع/هجرة العمل", "المواضيع/اللجوء",
        "المواضيع/البيانات"]
    assert table.labels[11] == "آلية تنسيق؟ (أخرى)"
    # the names row is the same whatever the language
    english = await form_reports.export_table(session, boss, form.id, "en", EN)
    assert table.names == english.names
    rows = table.rows
    assert rows[0][1:3] == ["مصر", "أُرسلت"] and rows[3][2] == "مسودة"
    assert rows[0][5:11] == ["مفيدة جدًا", "هجرة العمل، اللجوء", 1, 1, 0, "أخرى"]
    assert rows[2][10] == "لا"


def test_cells_of_each_type():
    defn = FormDefinition("f", "1", {"en": "F"}, ["ar", "en"], [])
    ack = Question("agree", "acknowledge", {"en": "I agree"})
    assert form_reports._cells(defn, ack, {"agree": "OK"}, "ar", AR) == ["موافق"]
    assert form_reports._cells(defn, ack, {}, "ar", AR) == [None]
    share = Question("share", "decimal", {"en": "Share"})
    assert form_reports._cells(defn, share, {"share": "2.5"}, "en", EN) == [Decimal("2.5")]
    day = Question("day", "date", {"en": "Day"})
    assert form_reports._cells(defn, day, {"day": "2025-06-20"}, "en", EN) == [date(2025, 6, 20)]
    doc = Question("doc", "file", {"en": "Doc"})
    assert form_reports._cells(defn, doc, {"doc": {"name": "a.pdf", "file_id": "X"}}, "en",
                               EN) == ["a.pdf"]


async def test_xlsx_and_csv_files(session, survey):
    boss, form, _ = survey
    table = await form_reports.export_table(session, boss, form.id, "ar", AR)
    book = load_workbook(io.BytesIO(form_reports.export_xlsx(table, locale="ar")))
    sheet = book.active
    assert sheet.freeze_panes == "C3" and sheet.sheet_view.rightToLeft
    assert sheet["A1"].value == "رمز الدولة" and sheet["A1"].font.bold
    assert sheet["A2"].value == "state_code" and sheet["E2"].value == "meetings"
    assert sheet["B3"].value == "مصر" and sheet["E3"].value == 3
    assert [cell.value for cell in sheet[3]][7:10] == [1, 1, 0]
    since = sheet.cell(row=3, column=table.names.index("since") + 1)
    assert since.is_date and since.value == datetime(2020, 1, 15)
    assert since.number_format == "yyyy-mm-dd"
    submitted = sheet["D3"]
    assert submitted.is_date and submitted.number_format == "yyyy-mm-dd hh:mm"
    assert sheet.max_row == 6
    english = await form_reports.export_table(session, boss, form.id, "en", EN)
    assert not load_workbook(io.BytesIO(form_reports.export_xlsx(english))).active \
        .sheet_view.rightToLeft

    data = form_reports.export_csv(table)
    assert data.startswith(b"\xef\xbb\xbf")
    parsed = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert parsed[0] == table.labels and parsed[1] == table.names
    assert parsed[2][:3] == ["EG", "مصر", "أُرسلت"] and parsed[2][4] == "3"
    assert parsed[2][12] == "2020-01-15" and len(parsed[2][3]) == len("2025-06-20 10:30")
    assert parsed[5][4:6] == ["7", ""]


def test_typed_formulas_stay_text():
    table = form_reports.Table(["Comments"], ["comments"], [["=HYPERLINK(\"x\")"], ["-ok"]])
    sheet = load_workbook(io.BytesIO(form_reports.export_xlsx(table))).active
    assert sheet["A3"].data_type == "s" and sheet["A3"].value == '=HYPERLINK("x")'
    parsed = list(csv.reader(io.StringIO(form_reports.export_csv(table).decode("utf-8-sig"))))
    assert parsed[2:] == [["'=HYPERLINK(\"x\")"], ["'-ok"]]


def test_album_sizes_never_leave_one_photo_alone():
    assert album_sizes(0) == [] and album_sizes(1) == [1] and album_sizes(10) == [10]
    assert album_sizes(11) == [6, 5] and album_sizes(21) == [7, 7, 7]
    for count in range(2, 60):
        sizes = album_sizes(count)
        assert sum(sizes) == count and all(2 <= size <= 10 for size in sizes)


def test_charts_keep_the_most_chosen_of_very_many_choices():
    choices = [Choice(f"c{i}", {"en": f"C{i}"}) for i in range(100)]
    question = Question("many", "select_one", {"en": "Many"}, choices=choices)
    counts = [form_reports.ChoiceCount(c.name, c.label, i % 7, 0.0)
              for i, c in enumerate(choices)]
    summary = form_reports.QuestionSummary(question, 100, choices=counts)
    shown = form_reports.chart_choices(summary)
    assert len(shown) == form_reports.MAX_BARS
    assert min(c.count for c in shown) >= max(c.count for c in counts if c not in shown)
    assert shown == sorted(shown, key=lambda c: int(c.name[1:]))  # in the form's order
    assert form_reports.chart_png(summary, "en").startswith(b"\x89PNG")


def test_no_answers_and_exact_decimals():
    decimal = Question("share", "decimal", {"en": "Share"})
    assert form_reports._summarize(decimal, []).mean is None
    assert form_reports._number(decimal, "2.50") == Decimal("2.50")


@pytest.mark.parametrize("locale", ["en", "ar"])
async def test_chart_is_a_png(session, survey, locale):
    boss, form, _ = survey
    result = by_name(await form_reports.summaries(session, boss, form.id))
    for name in ("topics", "mechanism"):
        image = form_reports.chart_png(result[name], locale)
        assert image.startswith(b"\x89PNG")


async def test_progress_board_by_stage_in_the_readers_order(session, survey):
    boss, form, _ = survey
    returned = await focal_point(session, 5200, "DZ")
    await give(session, returned, form.id, [("meetings", 1)], submit=False)
    (await submissions.state_submission(session, returned, form.id)).status = \
        SubmissionStatus.RETURNED  # sent back by the secretariat: the state is at work again
    board = await form_catalog.progress_board(session, boss, form.id, "en")
    assert list(board) == list(form_catalog.STAGES)
    assert [s.code for s in board["submitted"]] == ["EG", "JO", "MA"]
    assert [s.name_en for s in board["in-progress"]] == ["Algeria", "Saudi Arabia"]
    assert len(board["not-started"]) == 22 - 5
    arabic = await form_catalog.progress_board(session, boss, form.id, "ar")
    assert [s.name_ar for s in arabic["submitted"]] == ["الأردن", "مصر", "المغرب"]
    with pytest.raises(NotAllowed):
        await form_catalog.progress_board(session, returned, form.id, "en")
