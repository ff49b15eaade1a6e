"""National coordination practices, end to end: a state submits, the secretariat returns and
accepts, circulates, and the other states browse and download."""

import io
import re
from pathlib import Path

from docx import Document
from openpyxl import load_workbook
from sqlalchemy import select

from dialogs.formatting import clip
from dialogs.practices.getters import CHOICE_LABEL
from sandbox.telegram import strip_bidi
from services import form_catalog, practices, submissions
from services.forms.xlsform import load_xlsform
from storage.database import transaction
from storage.models import Delivery, SubmissionStatus
from storage.repositories import users
from tests.e2e.flows import eventually, message_with, secretariat
from tests.e2e.flows import focal_point as focal
from tests.unit.test_form_reports import focal_point

FORM = load_xlsform(Path(__file__).parents[2] / "data" / "forms" / "practice.md")
TITLE_AR = "اللجنة الوطنية لتنسيق شؤون الهجرة"
TITLE_EN = "National committee on migration coordination"
NEXT_PAGE_AR = "الأسئلة التالية ›"
HIDDEN = "Border data exchange (internal only)"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def label(question: str, choice: str, lang: str) -> str:
    return FORM.text(FORM.question(question).choice(choice).label, lang)


def text(person) -> str:
    """The screen the person is on: notices from the outbox may arrive below it any time."""
    screen = next((m for m in reversed(person.messages()) if m.keyboard), None)
    return strip_bidi((screen or person.last_message()).text)


def last_file(person, suffix: str):
    files = [m.document for m in person.messages()
             if m.document and m.document.file_name.endswith(suffix)]
    assert files, person.transcript(last=4)
    return files[-1]


async def answer_in_arabic(fp) -> None:
    """A whole practice answered in Arabic, with two documents after two refused ones."""
    await fp.send("/menu")
    await fp.press("🤝 الممارسات")
    assert "لا توجد ممارسات بعد" in text(fp)
    await fp.press("➕ ممارسة جديدة")
    assert "للبند الثامن" in text(fp)
    await fp.press("التالي ›")
    await fp.send(TITLE_AR)
    await fp.press(label("coordination_type", "both", "ar"))
    await fp.press(label("mechanism", "committee", "ar"))
    await fp.send("وزارة الخارجية")
    await fp.send("وزارات الداخلية والعمل، والمحافظات")
    await fp.send("٢٠١٩")
    await fp.press(label("practice_status", "ongoing", "ar"))
    await fp.send("لجنة تجمع الوزارات المعنية والمحافظات كل ثلاثة أشهر.")
    for _ in ("results", "challenges", "lessons"):
        await fp.press("تخطَّ ›")
    assert "أهداف الاتفاق العالمي" in text(fp)
    await fp.press("⬜ " + label("gcm_objectives", "obj01", "ar"))
    await fp.press("⬜ " + label("gcm_objectives", "obj07", "ar"))
    await fp.press("تم ✓")
    assert "المبادئ التوجيهية" in text(fp)
    await fp.press(">")  # whole-of-government is the ninth principle: on the second page
    ticked = "☑️ " + label("gcm_principles", "whole_of_government", "ar")
    assert ticked in fp.last_message().button_labels  # pre-selected by the form's default
    await fp.press("تم ✓")
    assert "المستندات الداعمة" in text(fp)
    await fp.upload(b"MZ", "tool.exe", "application/x-msdownload")
    refused = strip_bidi(fp.messages()[-2].text)
    assert "غير مقبول" in refused and "PDF، Word أو الصور" in refused and ".pdf" not in refused
    await fp.upload(b"x" * (20 * 1024 * 1024 + 1), "huge.pdf")
    assert "20 ميغابايت" in strip_bidi(fp.messages()[-2].text)
    await fp.upload(b"%PDF-1.4 committee decree", "decree.pdf")
    assert "أُرسل مستند واحد" in text(fp)
    await fp.upload(b"PK word", "terms-of-reference.docx", DOCX_MIME)
    assert "أُرسل مستندان" in text(fp)
    await fp.press("تم ✓")
    await fp.press(label("may_circulate", "yes", "ar"))
    await fp.send("أمل حسن، مديرة إدارة الهجرة")
    await fp.send("amal@example.org")
    await fp.press(NEXT_PAGE_AR)
    review = text(fp)
    assert "decree.pdf، terms-of-reference.docx" in review, review
    await fp.press("📨 إرسال باسم دولتي")
    await fp.press("✅ نعم، أرسل")


async def hidden_practice(app, telegram_id: int) -> int:
    """A practice of the same state accepted but NOT cleared for circulation."""
    values = {"title": HIDDEN, "coordination_type": "horizontal", "mechanism": "data_system",
              "lead_institution": "Ministry of Interior", "participants": "Police, customs",
              "since_year": 2021, "practice_status": "ongoing", "description": "Data sharing.",
              "gcm_objectives": ["obj01"], "gcm_principles": ["whole_of_government"],
              "may_circulate": "no", "contact_name": "Omar", "contact_email": "o@example.org"}
    async with transaction(app.pool) as session:
        author = await users.by_telegram_id(session, telegram_id)
        boss = await users.by_telegram_id(session, 700001)
        record = await practices.create(session, author)
        for name, value in values.items():
            await submissions.answer(session, author, record.id, name, value, None)
        await practices.submit(session, author, record.id)
        await practices.accept(session, boss, record.id)
        return record.id


async def test_a_practice_from_submission_to_circulation(tg, app):
    boss = secretariat(tg)
    await boss.send("/menu")
    amal = await focal(tg, app, 6001, "EG", language="العربية", name="Amal")
    await answer_in_arabic(amal)
    assert "تم الإرسال" in amal.last_answer.text

    # the secretariat is told, reads it with its documents and returns it with a comment
    await eventually(lambda: message_with(boss, "Egypt has submitted a practice", TITLE_AR))
    await boss.send("/menu")
    await boss.press("🤝 Practices")
    assert "one awaiting your review" in text(boss)
    await boss.press(next(b for b in boss.last_message().button_labels if "Egypt ·" in b))
    detail = text(boss)
    assert TITLE_AR in detail and "submitted, awaiting review" in detail
    assert "allows circulation" in detail and "وزارة الخارجية" in detail
    assert "Edit" not in " ".join(boss.last_message().button_labels)  # no editing answers
    await boss.press("📎 Documents")
    sent = [m.document.file_name for m in boss.messages() if m.document]
    assert sent == ["decree.pdf", "terms-of-reference.docx"]
    await boss.press("↩️ Return with a comment")
    await boss.upload(b"%PDF", "x.pdf")
    assert message_with(boss, "type the comment as text")
    await boss.send("Please give the title in English & add results.")
    assert message_with(boss, "Returned with your comment")
    assert "returned for changes" in text(boss)
    await eventually(lambda: message_with(amal, "أعادت الأمانة العامة", "add results"))

    # a second focal point of the same state, in English, sees the comment and resubmits
    badr = await focal(tg, app, 6002, "EG", name="Badr")
    await badr.send("/menu")
    await badr.press("🤝 Practices")
    await badr.press(next(b for b in badr.last_message().button_labels if "↩️" in b))
    assert "The Secretariat's comment: Please give the title in English & add results." \
        in text(badr)
    await badr.press("✏️ Edit and submit")
    assert "your state's answers" in text(badr)  # all answered: straight to the review
    assert "The Secretariat's comment: Please give the title" in text(badr)  # kept in sight
    await badr.press("✏️ 1")
    await badr.send(TITLE_EN)
    await badr.press("📨 Submit for my state")
    await badr.press("✅ Yes, submit")
    await eventually(lambda: message_with(boss, "resubmitted a practice", TITLE_EN))

    # accepted; a second practice of the state is accepted but not cleared
    await boss.send("/menu")
    await boss.press("🤝 Practices")
    await boss.press(next(b for b in boss.last_message().button_labels if TITLE_EN[:20] in b))
    await boss.press("✅ Accept")
    assert "accepted" in text(boss) and "Accept" not in boss.last_message().button_labels
    await eventually(lambda: message_with(badr, "has accepted your state's practice"))
    await boss.press("🕓 History")  # every step, newest first
    history = text(boss)
    position = 0
    for step in ("Accepted by the Secretariat", "Submitted for the state", f"→ {TITLE_EN}",
                 "Returned by the Secretariat: Please give the title in English",
                 "Submitted for the state"):
        position = history.find(step, position)
        assert position >= 0, (step, history)
    await boss.press("‹ Back")
    hidden = await hidden_practice(app, 6002)

    # circulation: every focal point of the other states, once, in their language
    chadi = await focal(tg, app, 6003, "MA", name="Chadi")
    dalia = await focal(tg, app, 6004, "JO", language="العربية", name="Dalia")
    await boss.send("/menu")
    await boss.press("🤝 Practices")
    await boss.press("📣 Circulate accepted practices")
    assert "One accepted practice will be sent" in text(boss)
    await boss.press("📣 Circulate now")
    assert strip_bidi(boss.last_answer.text) == "Circulated: one practice, sent to 2 focal points."
    digest = await eventually(lambda: message_with(chadi, "circulated by the Secretariat",
                                                    TITLE_EN))
    assert "Egypt" in digest.text and "Both horizontal and vertical" in digest.text
    assert HIDDEN not in digest.text
    await eventually(lambda: message_with(dalia, "عمّمتها الأمانة العامة", "مصر"))
    await eventually(lambda: message_with(amal, "عمّمت الأمانة العامة ممارسة دولتك", TITLE_EN))
    await boss.press("📣 Circulate accepted practices")
    assert "No accepted practice is waiting" in text(boss)
    async with transaction(app.pool) as session:
        rows = list(await session.scalars(select(Delivery).where(
            Delivery.ref.like("practices:%"))))
    assert sorted(row.chat_id for row in rows) == [6003, 6004]  # never Egypt's own

    # browsing from another state, by state, type and objective, and downloading
    await chadi.send("/menu")
    await chadi.press("🤝 Practices")
    await chadi.press("🌍 Practices from other states")
    listed = chadi.last_message().button_labels
    assert any(TITLE_EN[:20] in b for b in listed) and not any("Border" in b for b in listed)
    item = next(b for row in chadi.last_message().keyboard for b in row
                if TITLE_EN[:20] in b.text)
    await chadi.press("🏳️ By state")
    await chadi.press("Egypt")
    assert "State: Egypt" in text(chadi) and "One practice" in text(chadi)
    await chadi.press("🔀 By coordination")
    await chadi.press(label("coordination_type", "vertical", "en"))
    assert "None matches yet" in text(chadi)
    await chadi.press("🔀 By coordination")
    await chadi.press(label("coordination_type", "both", "en"))
    await chadi.press("🎯 By GCM objective")
    await chadi.press(clip(label("gcm_objectives", "obj07", "en"), CHOICE_LABEL))
    assert "One practice" in text(chadi)
    await chadi.press(next(b for b in chadi.last_message().button_labels if "Egypt ·" in b))
    assert TITLE_EN in text(chadi) and "7. Address and reduce vulnerabilities" in text(chadi)
    assert "May this practice be circulated" not in text(chadi)  # the state's own business
    await chadi.press("📎 Documents")
    got = [m.document.file_name for m in chadi.messages() if m.document]
    assert got == ["decree.pdf", "terms-of-reference.docx"]

    # a forged button to the practice not cleared, or a draft, is refused
    await chadi.press("‹ Back")
    forged = re.sub(r":\d+$", f":{hidden}", item.callback_data)
    await chadi.press_data(forged)
    assert chadi.last_answer.text == "This practice is not available to you."
    assert HIDDEN not in " ".join(m.text for m in chadi.messages())
    await amal.send("/menu")
    await amal.press("🤝 الممارسات")  # Egypt itself lists its practice not cleared
    assert any("Border" in b for b in amal.last_message().button_labels)
    await chadi.send("/menu")
    await chadi.press("🤝 Practices")
    mine = next(b for row in chadi.last_message().keyboard for b in row
                if b.text == "➕ New practice")
    intent = mine.callback_data.split("\x1d")[0]
    await chadi.press_data(f"{intent}\x1dp:{hidden}")
    assert chadi.last_answer.text == "This practice is not available to you."
    await chadi.send("/menu")  # the secretariat's review, reached by a forged menu button
    menu = chadi.last_message()
    intent = menu.keyboard[0][0].callback_data.split("\x1d")[0]
    await chadi.press_data(f"{intent}\x1dprv", message=menu)
    assert chadi.last_answer.text == "This is not available to you."

    # exports: one row per practice, labels in the reader's language; Word right to left
    await boss.send("/menu")
    await boss.press("🤝 Practices")
    await boss.press("📊 Excel (.xlsx)")
    workbook = load_workbook(io.BytesIO(last_file(boss, ".xlsx").content))
    sheet = workbook.active
    header = [cell.value for cell in sheet[1]]
    assert "Title of the practice" in header and "Supporting documents (optional)" in header
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=3)]
    assert len(rows) == 2
    titles = {row[header.index("Title of the practice")] for row in rows}
    assert titles == {TITLE_EN, HIDDEN}
    documents = [row[header.index("Supporting documents (optional)")] for row in rows]
    assert "decree.pdf; terms-of-reference.docx" in documents or \
        "decree.pdf, terms-of-reference.docx" in documents, documents

    # the Word file to circulate by email holds only what may go to the states
    await boss.press("📄 Word to circulate (.docx)")
    document = Document(io.BytesIO(last_file(boss, "practices.docx").content))
    body = "\n".join(p.text for p in document.paragraphs)
    assert TITLE_EN in body and "decree.pdf" in body
    assert "Whole-of-government approach" in body
    assert HIDDEN not in body and "internal" not in body
    await boss.press("🗂 Word, all sent (internal)")
    document = Document(io.BytesIO(last_file(boss, "practices-internal.docx").content))
    body = "\n".join(p.text for p in document.paragraphs)
    assert "(internal: not for circulation)" in body
    assert TITLE_EN in body and HIDDEN in body


async def test_an_arabic_secretariat_exports_right_to_left(tg, app):
    boss = secretariat(tg, language_code="ar")
    await boss.send("/start")
    async with transaction(app.pool) as session:
        author = await focal_point(session, 6101, "TN")
        record = await practices.create(session, author)
        values = {"title": "ممارسة تونس", "coordination_type": "vertical",
                  "gcm_principles": ["whole_of_government"]}
        for name, value in values.items():
            await submissions.answer(session, author, record.id, name, value, None)
        record.status = SubmissionStatus.SUBMITTED  # as if every answer had been given
    await boss.send("/menu")
    await boss.press("🤝 الممارسات")
    await boss.press("📄 وورد للتعميم (.docx)")  # a practice only submitted: not in it
    document = Document(io.BytesIO(last_file(boss, ".docx").content))
    assert "ممارسة تونس" not in [p.text for p in document.paragraphs]
    await boss.press("🗂 وورد، كل ما أُرسل (داخلي)")
    document = Document(io.BytesIO(last_file(boss, "داخلي.docx").content))
    texts = [p.text for p in document.paragraphs]
    assert "ممارسة تونس" in texts and "الدولة: تونس — الحالة: مُرسلة بانتظار المراجعة" in texts
    assert label("coordination_type", "vertical", "ar") in texts
    assert "نهج الحكومة بأكملها" in texts
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    assert document.sections[0]._sectPr.find(f"{w}bidi") is not None
    bold = [run for p in document.paragraphs for run in p.runs if run.bold]
    assert bold and all(run._r.rPr.find(f"{w}bCs") is not None for run in bold)
    for paragraph in document.paragraphs:
        assert paragraph._p.pPr.find(f"{w}bidi") is not None, paragraph.text
        for run in paragraph.runs:
            assert run._r.rPr.find(f"{w}rtl") is not None, paragraph.text
    await boss.press("📊 إكسل (.xlsx)")
    sheet = load_workbook(io.BytesIO(last_file(boss, ".xlsx").content)).active
    assert sheet.sheet_view.rightToLeft
    assert "عنوان الممارسة" in [cell.value for cell in sheet[1]]
    assert [cell.value for cell in sheet[3]][1] == "تونس"


async def test_a_practice_left_halfway_keeps_its_answers(tg, app):
    fp = await focal(tg, app, 6201, "QA")
    await fp.send("/menu")
    await fp.press("🤝 Practices")
    await fp.press("➕ New practice")
    await fp.press("Next ›")
    await fp.send("Half done")
    await fp.press(label("coordination_type", "vertical", "en"))
    await fp.press("💾 Save and leave")
    assert "Your answers are saved" in fp.last_answer.text
    assert "Half done" in text(fp) and "draft" in text(fp)
    await fp.send("/menu")
    await fp.press("🤝 Practices")
    await fp.press("📝 Half done")
    await fp.press("✏️ Edit and submit")
    assert "Coordination mechanism" in text(fp)  # where it stopped
    await fp.press("‹ Previous")
    assert "Current answer: " + label("coordination_type", "vertical", "en") in text(fp)


async def sent_practice(app, author_id: int, title: str, *, kind: str = "vertical",
                        objective: str = "obj15", cleared: bool = True) -> int:
    """A practice answered in full and submitted by a focal point of its state."""
    values = {**REQUIRED_ANSWERS, "title": title, "coordination_type": kind,
              "gcm_objectives": [objective], "may_circulate": "yes" if cleared else "no"}
    async with transaction(app.pool) as session:
        author = await users.by_telegram_id(session, author_id)
        record = await practices.create(session, author)
        for name, value in values.items():
            await submissions.answer(session, author, record.id, name, value, None)
        await practices.submit(session, author, record.id)
        return record.id


REQUIRED_ANSWERS = {
    "coordination_type": "vertical", "mechanism": "committee",
    "lead_institution": "Ministry of Local Administration", "participants": "Governorates",
    "since_year": 2020, "practice_status": "completed",
    "description": "A desk in every governorate.", "gcm_objectives": ["obj15"],
    "gcm_principles": ["whole_of_government"], "may_circulate": "yes",
    "contact_name": "Rania", "contact_email": "rania@example.org"}


async def test_closing_the_practice_form_keeps_existing_practices_usable(tg, app):
    boss = secretariat(tg)
    await boss.send("/menu")
    reader = await focal(tg, app, 6301, "MA", name="Reader")
    await focal(tg, app, 6302, "EG", name="Author")
    author = await focal(tg, app, 6303, "LB", name="Returned")
    shared = await sent_practice(app, 6302, "One-stop shop", objective="obj07")
    returned = await sent_practice(app, 6303, "Lebanon draft law")
    long_comment = "Add the results. " + "Name each ministry and its role. " * 50 + "The end."
    assert 1000 < len(long_comment) <= practices.COMMENT_LIMIT
    async with transaction(app.pool) as session:
        secretary = await users.by_telegram_id(session, 700001)
        await practices.accept(session, secretary, shared)
        await practices.circulate(session, secretary)
        await practices.return_practice(session, secretary, returned, long_comment)
        form = await practices.practice_form(session)
        await form_catalog.close_form(session, secretary, form.id)

    # other states still filter the circulated practices by coordination and objective
    await reader.send("/menu")
    await reader.press("🤝 Practices")
    await reader.press("🌍 Practices from other states")
    await reader.press("🔀 By coordination")
    await reader.press(label("coordination_type", "vertical", "en"))
    assert "One practice" in text(reader), reader.transcript(last=2)
    await reader.press("🎯 By GCM objective")
    await reader.press(clip(label("gcm_objectives", "obj07", "en"), CHOICE_LABEL))
    assert "One practice" in text(reader) and "went wrong" not in text(reader)
    # a new practice is refused, saying why
    await reader.send("/menu")
    await reader.press("🤝 Practices")
    await reader.press("➕ New practice")
    assert "not taking new practices" in reader.last_answer.text

    # the returned practice says why it cannot be changed now
    await author.send("/menu")
    await author.press("🤝 Practices")
    await author.press(next(b for b in author.last_message().button_labels if "↩️" in b))
    assert long_comment.strip() in text(author)  # whole, never clipped
    assert "closed the practice form" in text(author)
    assert "✏️ Edit and submit" not in author.last_message().button_labels

    # the secretariat's Excel export still has every practice sent
    await boss.send("/menu")
    await boss.press("🤝 Practices")
    await boss.press("📊 Excel (.xlsx)")
    sheet = load_workbook(io.BytesIO(last_file(boss, ".xlsx").content)).active
    header = [cell.value for cell in sheet[1]]
    titles = {row[header.index("Title of the practice")]
              for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert titles == {"One-stop shop", "Lebanon draft law"}


async def test_ticks_are_kept_when_the_person_leaves_with_menu(tg, app):
    fp = await focal(tg, app, 6401, "OM")
    answered = {name: REQUIRED_ANSWERS[name] for name in (
        "coordination_type", "mechanism", "lead_institution", "participants", "since_year",
        "practice_status", "description")}
    async with transaction(app.pool) as session:
        author = await users.by_telegram_id(session, 6401)
        record = await practices.create(session, author)
        for name, value in {"title": "Ticked", **answered, "results": "Faster",
                            "challenges": "Budget", "lessons": "Start small"}.items():
            await submissions.answer(session, author, record.id, name, value, None)
    await fp.send("/menu")
    await fp.press("🤝 Practices")
    await fp.press("📝 Ticked")
    await fp.press("✏️ Edit and submit")
    assert "Global Compact" in text(fp)
    first, second = (label("gcm_objectives", name, "en") for name in ("obj01", "obj07"))
    await fp.press("⬜ " + first)
    await fp.press("⬜ " + second)
    await fp.press("☑️ " + first)  # unticked again
    await fp.send("/menu")  # neither Done nor Save and leave
    await fp.press("🤝 Practices")
    await fp.press("📝 Ticked")
    await fp.press("✏️ Edit and submit")
    assert "principles" in text(fp).lower()  # the objectives were answered: the next one
    await fp.press("‹ Previous")
    shown = fp.last_message().button_labels
    assert "☑️ " + second in shown and "⬜ " + first in shown, shown


async def test_the_practice_form_among_the_questionnaires(tg, app):
    boss = secretariat(tg)
    await boss.send("/menu")
    await focal(tg, app, 6501, "EG", name="Author")
    drafter = await focal(tg, app, 6502, "KW", name="Drafter")
    await sent_practice(app, 6501, "Sent one")
    async with transaction(app.pool) as session:
        author = await users.by_telegram_id(session, 6502)
        record = await practices.create(session, author)
        await submissions.answer(session, author, record.id, "title", "Secret draft", None)

    await boss.send("/menu")
    await boss.press("🗂 Questionnaires")
    await boss.press(next(b for b in boss.last_message().button_labels
                          if "National coordination practice" in b))
    screen = text(boss)
    assert "Open: states send practices all year" in screen and "Not yet open" not in screen
    assert "One practice sent; review it under 🤝 Practices." in screen
    assert "Egypt: 📨 1" in screen and "Kuwait" not in screen  # a draft is the state's own
    await boss.press("⬇️ Excel (.xlsx)")
    sheet = load_workbook(io.BytesIO(last_file(boss, ".xlsx").content)).active
    cells = {cell for row in sheet.iter_rows(min_row=3, values_only=True) for cell in row}
    assert "Sent one" in cells and "Secret draft" not in cells

    await boss.press("🔒 Close now")
    await boss.press("🔒 Yes, close for all states")
    assert "Closed: no new practice can be started" in text(boss)
    await drafter.send("/menu")
    await drafter.press("🤝 Practices")
    await drafter.press("➕ New practice")
    assert "not taking new practices" in drafter.last_answer.text
    await boss.press("🟢 Open again for practices")
    assert "Open: states send practices all year" in text(boss)
    await drafter.press("➕ New practice")
    assert "not taking new practices" not in (drafter.last_answer.text or "")
    assert "Next ›" in drafter.last_message().button_labels  # the form's first screen


async def test_help_names_the_practices(tg, app):
    boss = secretariat(tg)
    await boss.send("/help")
    assert "🤝 Practices" in boss.last_message().text
    fp = await focal(tg, app, 6601, "SA", language="العربية")
    await fp.send("/help")
    assert "🤝 الممارسات" in strip_bidi(fp.last_message().text)
