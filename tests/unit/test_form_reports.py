"""Summaries, exports and charts of a survey answered by three states (and one draft)."""

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from services import form_catalog, form_reports, registration, submissions
from services.errors import NotAllowed
from services.forms.definition import Question
from services.forms.xlsform import load_xlsform
from storage.models import Role

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
    assert (since.answered, since.minimum, since.maximum) == (2, "2018-05-01", "2020-01-15")
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
        await form_reports.export_rows(session, draft, form.id, "en")


async def test_export_rows_in_kobo_layout(session, survey):
    boss, form, _ = survey
    header, rows = await form_reports.export_rows(session, boss, form.id, "en")
    meetings, useful = "How many meetings did you attend?", "How useful were they?"
    mechanism = "A coordination mechanism?"
    assert header == [
        "state_code", "state", "status", "submitted_at", meetings, useful,
        "Topics", "Topics/Labour migration", "Topics/Asylum", "Topics/Data",
        mechanism, f"{mechanism} (other)", "Since when?", "Comments"]
    assert [row[:3] for row in rows] == [
        ["EG", "Egypt", "submitted"], ["JO", "Jordan", "submitted"],
        ["MA", "Morocco", "submitted"], ["SA", "Saudi Arabia", "draft"]]
    assert rows[0][3].endswith("+00:00") and rows[3][3] is None
    assert rows[0][4:] == [3, "Very useful", "Labour migration Asylum", 1, 1, 0,
                           "Other", "A national committee", "2020-01-15", "Good"]
    assert rows[1][4:] == [0, None, "Labour migration", 1, 0, 0, "Yes", None, "2018-05-01",
                           None]
    assert rows[3][4:] == [7] + [None] * 9


async def test_export_rows_in_arabic(session, survey):
    boss, form, _ = survey
    header, rows = await form_reports.export_rows(session, boss, form.id, "ar")
    assert header[4:10] == ["كم اجتماعًا حضرتم؟", "ما مدى فائدتها؟", "المواضيع",
                            "المواضيع/هجرة العمل", "المواضيع/اللجوء", "المواضيع/البيانات"]
    assert rows[0][1] == "مصر"
    assert rows[0][5:10] == ["مفيدة جدًا", "هجرة العمل اللجوء", 1, 1, 0]
    assert rows[2][10] == "لا"


async def test_xlsx_and_csv_files(session, survey):
    boss, form, _ = survey
    header, rows = await form_reports.export_rows(session, boss, form.id, "ar")
    book = load_workbook(io.BytesIO(form_reports.export_xlsx(header, rows, locale="ar")))
    sheet = book.active
    assert sheet.freeze_panes == "A2" and sheet.sheet_view.rightToLeft
    assert sheet["A1"].value == "state_code" and sheet["A1"].font.bold
    assert sheet["B2"].value == "مصر" and sheet["E2"].value == 3
    assert [cell.value for cell in sheet[2]][7:10] == [1, 1, 0]
    assert sheet.max_row == 5

    data = form_reports.export_csv(header, rows)
    assert data.startswith(b"\xef\xbb\xbf")
    parsed = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert parsed[0] == header
    assert parsed[1][:2] == ["EG", "مصر"] and parsed[1][4] == "3"
    assert parsed[4][4:6] == ["7", ""]


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
