"""The secretariat publishes, opens and follows questionnaires in the chat."""

import csv
import io
import re
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from openpyxl import Workbook, load_workbook

from sandbox.telegram import strip_bidi
from services import form_catalog, registration
from services.forms.xlsform import load_xlsform
from storage.database import transaction
from storage.repositories import users
from tests.e2e.flows import secretariat
from tests.e2e.test_surveys import FORM
from tests.unit.test_form_reports import focal_point, give

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
QATAR = [("meetings", 2), ("useful", "high"), ("mechanism", "yes"), ("since", "2019-03-10")]


def xlsform(constraint: str = ". >= 0") -> bytes:
    book = Workbook()
    survey = book.active
    survey.title = "survey"
    survey.append(["type", "name", "label::Arabic (ar)", "label::English (en)", "constraint"])
    survey.append(["note", "welcome", "أهلًا", "Welcome", ""])
    survey.append(["integer", "delegates", "عدد المندوبين", "Number of delegates", constraint])
    survey.append(["text", "names", "الأسماء", "Names", ""])
    settings = book.create_sheet("settings")
    settings.append(["form_title", "form_id", "version"])
    settings.append(["Delegation", "delegation_2025", "1"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


async def open_survey(app, answers: dict[str, tuple[list, bool]], path=FORM) -> None:
    """A questionnaire opened by another secretariat officer, answered by the given states
    (state code -> (answers, submitted))."""
    async with transaction(app.pool) as session:
        chief = await registration.bootstrap_secretariat(
            session, registration.Profile(43, "Chief"), "en")
        form, _ = await form_catalog.register(session, load_xlsform(path))
        await form_catalog.open_form(session, chief, form.id, None)
        for number, (state, (given, submit)) in enumerate(answers.items()):
            focal = await focal_point(session, 5001 + number, state)
            await give(session, focal, form.id, given, submit)


async def show_form(boss, title: str = "Test questionnaire") -> str:
    await boss.send("/menu")
    await boss.press("🗂 Questionnaires" if boss.info["language_code"] == "en" else "🗂 الاستبيانات")
    await boss.press(next(b for b in boss.last_message().button_labels if title in b))
    return strip_bidi(boss.last_message().text)


async def test_the_board_names_every_state_by_stage(tg, app):
    boss = secretariat(tg)
    await boss.send("/start")
    await open_survey(app, {"QA": (QATAR, True), "EG": ([("meetings", 1)], False)})
    detail = await show_form(boss)
    assert "✅ Submitted (1): Qatar\n" in detail
    assert "✍️ In progress (1): Egypt\n" in detail
    waiting = ("Algeria, Bahrain, Comoros, Djibouti, Iraq, Jordan, Kuwait, Lebanon, Libya, "
               "Mauritania, Morocco, Oman, Palestine, Saudi Arabia, Somalia, Sudan, Syria, "
               "Tunisia, United Arab Emirates, Yemen")
    assert f"⏳ Not started (20): {waiting}" in detail


async def test_the_board_in_arabic_follows_arabic_order(tg, app):
    boss = secretariat(tg, language_code="ar")
    await boss.send("/start")
    await open_survey(app, {"EG": (QATAR, True), "JO": (QATAR, True)})
    detail = await show_form(boss)
    assert "✅ أرسلت (2): الأردن، مصر\n" in detail
    assert "✍️ قيد الإعداد (0): —\n" in detail
    waiting = ("الإمارات، البحرين، تونس، الجزائر، جزر القمر، جيبوتي، السعودية، السودان، "
               "سوريا، الصومال، العراق، عُمان، فلسطين، قطر، الكويت، لبنان، ليبيا، المغرب، "
               "موريتانيا، اليمن")
    assert f"⏳ لم تبدأ (20): {waiting}" in detail


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
    assert "🟢 Open" in detail and "Not started (22): Algeria, Bahrain," in detail
    screen = boss.last_message()
    close = screen.find_button("🔒 Close now").callback_data
    await boss.press_data(close.removesuffix("close") + "closeyes", message=screen)  # forged
    assert boss.last_answer.show_alert and "🟢 Open" in strip_bidi(boss.last_message().text)
    await boss.press("🔒 Close now")
    assert "now for all member states?" in strip_bidi(boss.last_message().text)
    assert boss.last_message().button_labels == ["🔒 Yes, close for all states", "Cancel"]
    await boss.press("Cancel")
    assert "🟢 Open" in strip_bidi(boss.last_message().text)
    await boss.press("🔒 Close now")
    await boss.press("🔒 Yes, close for all states")
    assert boss.last_answer.text.startswith("The questionnaire is closed")
    assert "🔒 Closed" in strip_bidi(boss.last_message().text)


async def test_publishing_an_xlsx_checks_it_first(tg, app):
    boss = secretariat(tg)
    await boss.send("/menu")
    await boss.press("🗂 Questionnaires")
    await boss.press("⬆️ Publish a new questionnaire (.xlsx)")
    await boss.upload(xlsform("pulldata('x', 'y') > 0"), "bad.xlsx",
                      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    problems = strip_bidi(boss.messages()[-2].text)
    assert "cannot be used" in problems and "pulldata" in problems and "row 3" in problems
    await boss.upload(b"not a spreadsheet", "notes.txt", "text/plain")
    assert "Please send an .xlsx file" in boss.messages()[-2].text
    await boss.upload(xlsform(), "delegation.xlsx",
                      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    assert "checked and saved" in boss.messages()[-2].text
    assert "Not yet open — 2 questions" in strip_bidi(boss.last_message().text)
    await boss.press("👁 Preview the questions")
    outline = strip_bidi(boss.messages()[-2].text)
    assert "ℹ️ Welcome\n1. Number of delegates (whole number)\n2. Names (text)" in outline


def sheet_rows(message) -> list[tuple]:
    return list(load_workbook(io.BytesIO(message.document.content)).active.values)


def many_charts_form(folder: Path, count: int) -> Path:
    """A form of `count` yes/no questions, then one of 45 options: as many charts, plus one."""
    rows = ["| survey |", "| | type | name | label::English (en) | label::Arabic (ar) |"]
    rows += [f"| | select_one yn | q{i} | Question {i} | السؤال {i} |"
             for i in range(1, count + 1)]
    rows += ["| | select_one big | big | Long list | قائمة طويلة |"]
    rows += ["| choices |", "| | list_name | name | label::English (en) | label::Arabic (ar) |",
             "| | yn | yes | Yes | نعم |", "| | yn | no | No | لا |"]
    rows += [f"| | big | o{i} | Option {i} | الخيار {i} |" for i in range(1, 46)]
    rows += ["| settings |", "| | form_title | form_id | version |",
             "| | Many charts | many_charts | 1 |"]
    path = folder / "many_charts.md"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


async def test_summaries_charts_and_exports_reach_the_chat(tg, app):
    boss = secretariat(tg)
    await boss.send("/start")
    egypt = [("meetings", 3), ("useful", "low"), ("topics", ["labour", "asylum"]),
             ("mechanism", "no"), ("since", "2015-11-02")]
    await open_survey(app, {"QA": (QATAR, True), "EG": (egypt, True)})
    assert "Submitted (2): Egypt, Qatar" in await show_form(boss)
    before = len(boss.messages())
    await boss.press("📊 Summaries and charts")
    sent = boss.messages()[before:]
    texts = " ".join(strip_bidi(m.text) for m in sent if not m.photo)
    assert "2 states answered" in texts and "Very useful: 1 (50%)" in texts
    assert "Earliest November 2, 2015, latest March 10, 2019" in texts
    assert "No state answered" in texts  # nobody commented

    charts = [m for m in sent if m.photo]
    assert [strip_bidi(m.caption) for m in charts] == [
        "How useful were they?", "Topics", "A coordination mechanism?"]
    assert len({m.media_group_id for m in charts}) == 1 and charts[0].media_group_id
    assert all(m.photo.content.startswith(b"\x89PNG") for m in charts)

    await boss.press("⬇️ Excel (.xlsx)")
    sheet = boss.messages()[-2]
    assert sheet.document.file_name == "chat_survey-1.xlsx"
    assert "Answers of 2 states" in strip_bidi(sheet.caption)
    rows = sheet_rows(sheet)
    assert rows[0][:5] == ("State code", "State", "Status", "Submitted (UTC)",
                           "How many meetings did you attend?")
    assert rows[1][:5] == ("state_code", "state", "status", "submitted_at", "meetings")
    egypt_row = dict(zip(rows[1], rows[2], strict=True))
    assert egypt_row["state"] == "Egypt" and egypt_row["status"] == "submitted"
    assert egypt_row["topics"] == "Labour migration; Asylum" and egypt_row["meetings"] == 3
    assert egypt_row["since"] == datetime(2015, 11, 2)  # a date cell, not text
    assert isinstance(egypt_row["submitted_at"], datetime)


async def test_an_arabic_export_speaks_arabic(tg, app):
    boss = secretariat(tg, language_code="ar")
    await boss.send("/start")
    await open_survey(app, {"QA": (QATAR, True), "OM": ([("meetings", 1)], False)})
    await show_form(boss)
    before = len(boss.messages())
    await boss.press("📊 الملخصات والرسوم البيانية")
    texts = " ".join(strip_bidi(m.text) for m in boss.messages()[before:] if not m.photo)
    assert "أجابت دولة واحدة" in texts and "لم تُجب أي دولة" in texts
    assert "الأقدم 10 مارس 2019، الأحدث 10 مارس 2019" in texts

    await boss.press("⬇️ ‏Excel ‏(.xlsx)")
    sheet = boss.messages()[-2]
    assert "إجابات دولتين" in strip_bidi(sheet.caption)
    book = load_workbook(io.BytesIO(sheet.document.content))
    assert book.active.sheet_view.rightToLeft
    labels, names, *rows = list(book.active.values)
    assert names[:4] == ("state_code", "state", "status", "submitted_at")
    # no English in what the reader reads: headers (bar "UTC") and every word of the rows
    assert not any(re.search("[A-Za-z]", str(label).replace("UTC", "")) for label in labels)
    words = [cell for row in rows for cell in row[1:] if isinstance(cell, str)]
    assert words and not any(re.search("[A-Za-z]", word) for word in words)
    oman = dict(zip(names, rows[0], strict=True))
    assert (oman["state"], oman["status"], oman["meetings"]) == ("عُمان", "مسودة", 1)
    qatar = dict(zip(names, rows[1], strict=True))
    assert (qatar["status"], qatar["useful"], qatar["mechanism"]) == ("أُرسلت", "مفيدة جدًا", "نعم")

    await boss.press("⬇️ CSV")
    data = boss.messages()[-2].document.content.decode("utf-8-sig")
    header, stable = list(csv.reader(io.StringIO(data)))[:2]
    assert header[:2] == ["رمز الدولة", "الدولة"] and stable == list(names)


async def test_many_charts_go_out_in_albums_of_at_most_ten(tg, app, tmp_path):
    boss = secretariat(tg)
    await boss.send("/start")
    answers = [(f"q{i}", "yes" if i % 3 else "no") for i in range(1, 13)] + [("big", "o7")]
    await open_survey(app, {"KW": (answers, True)}, path=many_charts_form(tmp_path, 12))
    await show_form(boss, "Many charts")
    tg.fail("sendMediaGroup", status=429, retry_after=1)  # Telegram asks to slow down once
    before = len(boss.messages())
    await boss.press("📊 Summaries and charts")
    charts = [m for m in boss.messages()[before:] if m.photo]
    assert [strip_bidi(m.caption) for m in charts] == [
        *(f"Question {i}" for i in range(1, 13)),
        "Long list\nThe most chosen options: 40 of 45."]
    albums = [m.media_group_id for m in charts]
    assert albums == [albums[0]] * 7 + [albums[7]] * 6 and albums[0] != albums[7]
    assert ("sendMediaGroup", 429, "Too Many Requests: retry after 1") in tg.errors


def repeat_and_geopoint_form(constraint: str) -> bytes:
    book = Workbook()
    survey = book.active
    survey.title = "survey"
    survey.append(["type", "name", "label::Arabic (ar)", "label::English (en)", "constraint"])
    survey.append(["integer", "delegates", "عدد المندوبين", "Number of delegates", constraint])
    survey.append(["geopoint", "place", "المكان", "Place", ""])
    survey.append(["begin_repeat", "people", "الأشخاص", "People", ""])
    survey.append(["text", "person", "الاسم", "Name", ""])
    survey.append(["end_repeat", "", "", "", ""])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


async def test_a_refused_form_is_explained_in_arabic(tg, app):
    boss = secretariat(tg, language_code="ar")
    await boss.send("/start")
    await boss.send("/menu")
    await boss.press("🗂 الاستبيانات")
    await boss.press(next(b for b in boss.last_message().button_labels if ".xlsx" in b))
    await boss.upload(repeat_and_geopoint_form("pulldata('x', 'y') > 0 and regex(., '(a+)+')"),
                      "bad.xlsx", XLSX)
    problems = strip_bidi(boss.messages()[-2].text)
    assert "لا يمكن استخدام الاستبيان" in problems
    assert "الصف 2 (delegates)، القيد (constraint): الدالة «pulldata» غير مدعومة" in problems
    assert "الصف 3 (place): النوع «geopoint» غير مدعوم" in problems
    assert "الصف 4 (people): المجموعات المتكررة (repeat) غير مدعومة" in problems
    assert "(عند الحرف 1)" in problems
    for english in ("unsupported", "not supported", "repeat groups", "row "):
        assert english not in problems, english


async def test_arabic_summaries_name_states_in_arabic(tg, app):
    boss = secretariat(tg, language_code="ar")
    await boss.send("/start")
    await open_survey(app, {"QA": ([*QATAR, ("comments", "مفيدة")], True)})
    await show_form(boss)
    before = len(boss.messages())
    await boss.press("📊 الملخصات والرسوم البيانية")
    texts = " ".join(strip_bidi(m.text) for m in boss.messages()[before:] if not m.photo)
    assert "• قطر: مفيدة" in texts and "QA:" not in texts


def delegation(version: str, label: str = "Number of delegates") -> bytes:
    book = Workbook()
    survey = book.active
    survey.title = "survey"
    survey.append(["type", "name", "label::Arabic (ar)", "label::English (en)"])
    survey.append(["integer", "delegates", "عدد المندوبين", label])
    settings = book.create_sheet("settings")
    settings.append(["form_title", "form_id", "version"])
    settings.append(["Delegation", "delegation_2025", version])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


async def open_until_tomorrow(boss) -> None:
    await boss.press("🟢 Open until…")
    tomorrow = datetime.now(ZoneInfo("Africa/Cairo")).date() + timedelta(days=1)
    if tomorrow.day == 1:
        await boss.press(f"{tomorrow:%B} »")
    await boss.press(f"{tomorrow:%d}")


async def test_a_new_version_must_change_its_number_and_replaces_the_open_one(tg, app):
    boss = secretariat(tg)
    await boss.send("/menu")
    await boss.press("🗂 Questionnaires")
    await boss.press("⬆️ Publish a new questionnaire (.xlsx)")
    await boss.upload(delegation("1"), "delegation.xlsx", XLSX)
    assert "checked and saved" in boss.messages()[-2].text
    await open_until_tomorrow(boss)
    assert "🟢 Open" in strip_bidi(boss.last_message().text)
    await boss.press("‹ Back")
    await boss.press("⬆️ Publish a new questionnaire (.xlsx)")
    await boss.upload(delegation("1", "Delegates"), "delegation.xlsx", XLSX)
    refusal = strip_bidi(boss.messages()[-2].text)
    assert "“delegation_2025” version 1 was already published with other content" in refusal
    await boss.upload(delegation("2", "Delegates"), "delegation.xlsx", XLSX)
    saved = strip_bidi(boss.messages()[-2].text)
    assert "(version 2) checked and saved" in saved
    await open_until_tomorrow(boss)
    assert "Version 1 of this questionnaire was open and is now closed" in strip_bidi(
        boss.messages()[-2].text)
    async with transaction(app.pool) as session:
        chief = await users.by_telegram_id(session, boss.id)
        statuses = {form.version: form_catalog.status_of(form)
                    for form in await form_catalog.list_forms(session, chief)
                    if form.key == "delegation_2025"}
    assert statuses == {"1": "closed", "2": "open"}
