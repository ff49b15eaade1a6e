"""The secretariat publishes, opens and follows questionnaires in the chat."""

import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from openpyxl import Workbook

from tests.e2e.flows import secretariat
from tests.fake_telegram import strip_bidi


def xlsform(constraint: str = ". >= 0") -> bytes:
    book = Workbook()
    survey = book.active
    survey.title = "survey"
    survey.append(["type", "name", "label::Arabic (ar)", "label::English (en)", "constraint"])
    survey.append(["integer", "delegates", "عدد المندوبين", "Number of delegates", constraint])
    survey.append(["text", "names", "الأسماء", "Names", ""])
    settings = book.create_sheet("settings")
    settings.append(["form_title", "form_id", "version"])
    settings.append(["Delegation", "delegation_2025", "1"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


async def test_secretariat_opens_a_shipped_questionnaire_and_follows_it(tg, app):
    boss = secretariat(tg)
    await boss.send("/menu")
    await boss.press("🗂 Questionnaires")
    label = next(b for b in boss.last_message().button_labels
                 if b.startswith("📄 Questionnaire evaluating"))
    assert label.startswith("📄")  # shipped forms start closed, as drafts
    await boss.press(label)
    assert "Not yet open" in strip_bidi(boss.last_message().text)
    await boss.press("🟢 Open until…")
    tomorrow = datetime.now(ZoneInfo("Africa/Cairo")).date() + timedelta(days=1)
    if tomorrow.day == 1:
        await boss.press(f"{tomorrow:%B} »")
    await boss.press(f"{tomorrow:%d}")
    detail = strip_bidi(boss.last_message().text)
    assert "🟢 Open" in detail and "Not started: 22" in detail
    await boss.press("🔒 Close now")
    assert boss.last_answer.text.startswith("The questionnaire is closed")


async def test_publishing_an_xlsx_checks_it_first(tg, app):
    boss = secretariat(tg)
    await boss.send("/menu")
    await boss.press("🗂 Questionnaires")
    await boss.press("⬆️ Publish a new questionnaire (.xlsx)")
    await boss.upload(xlsform("pulldata('x', 'y') > 0"), "bad.xlsx",
                      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    problems = strip_bidi(boss.messages()[-2].text)
    assert "cannot be used" in problems and "pulldata" in problems and "row 2" in problems
    await boss.upload(b"not a spreadsheet", "notes.txt", "text/plain")
    assert "Please send an .xlsx file" in boss.messages()[-2].text
    await boss.upload(xlsform(), "delegation.xlsx",
                      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    assert "checked and saved" in boss.messages()[-2].text
    assert "Not yet open — 2 questions" in strip_bidi(boss.last_message().text)
    await boss.press("👁 Preview the questions")
    outline = strip_bidi(boss.messages()[-2].text)
    assert "1. Number of delegates (whole number)" in outline and "2. Names (text)" in outline


async def test_summaries_charts_and_exports_reach_the_chat(tg, app):
    from openpyxl import load_workbook

    from services import form_catalog, registration, submissions
    from services.forms.xlsform import load_xlsform
    from storage.database import transaction
    from storage.models import Role
    from tests.e2e.test_surveys import FORM

    boss = secretariat(tg)
    await boss.send("/start")
    async with transaction(app.pool) as session:
        chief = await registration.bootstrap_secretariat(
            session, registration.Profile(43, "Chief"), "en")
        form, _ = await form_catalog.register(session, load_xlsform(FORM))
        await form_catalog.open_form(session, chief, form.id, None)
        invite = await registration.create_invite(
            session, actor=None, role=Role.FOCAL_POINT, state_code="QA", ttl_days=3)
        focal = await registration.begin_joining(
            session, registration.Profile(5001, "Noor"), "en", None)
        focal = await registration.accept_invite(session, invite.token, focal)
        mine = await submissions.state_submission(session, focal, form.id)
        for name, value in (("meetings", 2), ("useful", "high"), ("mechanism", "yes")):
            await submissions.answer(session, focal, mine.id, name, value, None)
        await submissions.submit(session, focal, mine.id)

    await boss.send("/menu")
    await boss.press("🗂 Questionnaires")
    await boss.press(next(b for b in boss.last_message().button_labels if "Test" in b))
    assert "Submitted (1): Qatar" in strip_bidi(boss.last_message().text)
    await boss.press("📊 Summaries and charts")
    texts = " ".join(strip_bidi(m.text) for m in boss.messages())
    assert "1 state answered" in texts and "Very useful: 1 (100%)" in texts
    assert any(m.photo for m in boss.messages())
    await boss.press("⬇️ Excel (.xlsx)")
    sheet = next(m for m in reversed(boss.messages()) if m.document)
    assert sheet.document.file_name == "chat_survey-1.xlsx"
    rows = list(load_workbook(io.BytesIO(sheet.document.content)).active.values)
    assert rows[1][0] == "QA" and "Very useful" in rows[1]
