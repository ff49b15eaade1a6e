"""A questionnaire answered in the chat, as focal points of one state do it."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sandbox.telegram import strip_bidi
from services import form_catalog, registration
from services.forms.xlsform import load_xlsform
from storage.database import transaction
from tests.e2e.flows import focal_point

FORM = Path(__file__).with_name("forms") / "chat_survey.md"


@pytest.fixture
async def survey(app):
    async with transaction(app.pool) as session:
        boss = await registration.bootstrap_secretariat(
            session, registration.Profile(42, "Secretariat"), "en")
        form, _ = await form_catalog.register(session, load_xlsform(FORM))
        await form_catalog.open_form(session, boss, form.id, None)
    return form


focal = focal_point  # the name the survey tests use


def text(person) -> str:
    return strip_bidi(person.last_message().text)


async def open_survey(person, menu_label="📝 Questionnaires"):
    await person.send("/menu")
    await person.press(menu_label)
    label = next(b for b in person.last_message().button_labels if "0/" in b or "/" in b)
    await person.press(label)


async def test_a_survey_answered_end_to_end_in_english(tg, app, survey):
    fp = await focal(tg, app, 3001, "EG")
    await open_survey(fp)
    assert "A short test questionnaire" in text(fp) and " / " not in text(fp)  # a note
    await fp.press("Next ›")
    assert "Part one" in text(fp) and "1 / 5" in text(fp) and "Since 2014" in text(fp)
    await fp.send("many")
    assert "Please type a whole number" in fp.messages()[-2].text
    await fp.send("12")
    assert fp.messages()[-2].text == "Between 0 and 10"  # the form's own message
    await fp.send("٣")  # Arabic-Indic digits count
    assert "How useful were they?" in text(fp) and "2 / 6" in text(fp)  # now relevant
    await fp.press("Very useful")
    await fp.press("⬜ Labour migration")
    await fp.press("⬜ Asylum")
    await fp.press("⬜ Data")
    await fp.press("Done ✓")
    assert fp.messages()[-2].text == "At most two"
    await fp.press("☑️ Data")
    await fp.press("Done ✓")
    await fp.press("Other")
    await fp.send("A national committee")
    assert "Since when?" in text(fp)
    today = datetime.now(ZoneInfo("Africa/Cairo")).day
    await fp.press(f"[{today:02d}]")
    await fp.send("x" * 60)
    assert fp.messages()[-2].text == "At most 50 characters"
    await fp.send("Useful <process> & more")
    review = text(fp)
    assert "→ 3" in review and "→ Very useful" in review
    assert "→ Labour migration, Asylum" in review, review
    assert "→ Other: A national committee" in review
    assert "→ Useful <process> & more" in review
    await fp.press("📨 Submit for my state")
    await fp.press("✅ Yes, submit")
    assert fp.last_answer.text == "Submitted. Thank you."
    assert "submitted on" in text(fp)
    assert "✏️ Reopen to edit" in fp.last_message().button_labels


async def test_arabic_answers_resume_after_a_restart(tg, app, survey):
    fp = await focal(tg, app, 3002, "MA", language="العربية")
    await open_survey(fp, "📝 الاستبيانات")
    await fp.press("التالي ›")
    await fp.send("2")
    await fp.press("مفيدة جدًا")
    await fp.press("💾 حفظ وخروج")
    assert "تكمل من حيث توقفت" in fp.last_answer.text
    await app.restart()
    await open_survey(fp, "📝 الاستبيانات")
    assert "المواضيع" in text(fp) and "3 / 6" in text(fp)
    await fp.press("‹ السابق")
    assert "الإجابة الحالية: مفيدة جدًا" in text(fp)


async def test_two_focal_points_of_a_state_share_one_answer_and_never_overwrite(
        tg, app, survey):
    first = await focal(tg, app, 3003, "JO", name="Hala")
    second = await focal(tg, app, 3004, "JO", name="Sami")
    await open_survey(first)
    await first.press("Next ›")
    await open_survey(second)
    await second.press("Next ›")
    await second.send("4")
    await first.send("7")  # Hala still sees the question as it was before Sami answered
    assert "changed this answer meanwhile" in first.messages()[-2].text
    assert "It is now: 4" in strip_bidi(first.messages()[-2].text)
    assert "Last changed by Sami" in text(first)
    await first.send("7")  # now knowingly replacing it
    assert "How useful were they?" in text(first)


async def test_other_states_and_the_secretariat_cannot_touch_it(tg, app, survey):
    fp = await focal(tg, app, 3005, "TN")
    await open_survey(fp)
    await fp.press("Next ›")
    question = fp.last_message()
    other = await focal(tg, app, 3006, "DZ")
    data = next(b.callback_data for row in question.keyboard for b in row
                if b.text == "💾 Save and leave")
    await other.press_data(data, message=question)
    assert other.last_answer.show_alert
    async with transaction(app.pool) as session:
        from services import submissions
        from storage.repositories import users

        stranger = await users.by_telegram_id(session, other.id)
        owner = await users.by_telegram_id(session, fp.id)
        mine = await submissions.state_submission(session, owner, survey.id)
        with pytest.raises(Exception) as refusal:
            await submissions.answer(session, stranger, mine.id, "meetings", 1, None)
        assert type(refusal.value).__name__ == "NotAllowed"


async def test_a_survey_answered_end_to_end_in_arabic(tg, app, survey):
    fp = await focal(tg, app, 3010, "OM", language="العربية", name="عائشة")
    await open_survey(fp, "📝 الاستبيانات")
    assert "استبيان تجريبي" in text(fp)
    await fp.press("التالي ›")
    await fp.send("عشرة")
    assert "اكتب عددًا صحيحًا" in fp.messages()[-2].text
    await fp.send("١١")
    assert fp.messages()[-2].text == "بين 0 و10"
    await fp.send("٢")
    await fp.press("قليلة الفائدة")
    await fp.press("⬜ البيانات")
    await fp.press("تم ✓")
    await fp.press("لا")
    await fp.press("تخطَّ ›")  # the date is optional
    await fp.send("لا ملاحظات")
    review = text(fp)
    assert "← قليلة الفائدة" in review and "← البيانات" in review and "← لا ملاحظات" in review
    await fp.press("📨 إرسال باسم دولتي")
    await fp.press("✅ نعم، أرسل")
    assert fp.last_answer.text == "تم الإرسال. شكرًا لك."
    await fp.press("✏️ إعادة الفتح للتعديل")
    assert "📨 إرسال باسم دولتي" in fp.last_message().button_labels


async def test_a_closed_questionnaire_keeps_answers_and_refuses_changes(tg, app, survey):
    fp = await focal(tg, app, 3011, "KW")
    await open_survey(fp)
    await fp.press("Next ›")
    await fp.send("1")
    async with transaction(app.pool) as session:
        from storage.repositories import users

        chief = await users.by_telegram_id(session, 42)
        await form_catalog.close_form(session, chief, survey.id)
    await fp.press("Very useful")
    assert "This questionnaire is closed" in fp.messages()[-2].text
    await fp.send("/menu")
    await fp.press("📝 Questionnaires")
    assert "No questionnaire is open" in fp.last_message().text


async def test_documents_and_confirmations(tg, app):
    async with transaction(app.pool) as session:
        chief = await registration.bootstrap_secretariat(
            session, registration.Profile(44, "Chief"), "en")
        form, _ = await form_catalog.register(
            session, load_xlsform(FORM.with_name("documents.md")))
        await form_catalog.open_form(session, chief, form.id, None)
    fp = await focal(tg, app, 3012, "PS")
    await open_survey(fp)
    await fp.send_photo(b"\x89PNG fake")
    assert "send the file as a document" in fp.messages()[-2].text
    await fp.send("here it is")
    assert "send the file as a document" in fp.messages()[-2].text
    await fp.upload(b"x" * (20 * 1024 * 1024 + 1), "huge.pdf")
    assert "larger than 20 MB" in strip_bidi(fp.messages()[-2].text)
    await fp.upload(b"%PDF-1.4 plan", "national-plan.pdf")
    assert "I confirm the information is correct" in text(fp)
    await fp.press("✓ I confirm")
    review = text(fp)
    assert "→ national-plan.pdf" in review and "→ ✓" in review


async def test_shipped_regional_processes_form_with_other_and_edits_from_the_review(tg, app):
    async with transaction(app.pool) as session:
        chief = await registration.bootstrap_secretariat(
            session, registration.Profile(45, "Chief"), "en")
        form = next(f for f in await form_catalog.list_forms(session, chief)
                    if f.key == "regional_processes")
        await form_catalog.open_form(session, chief, form.id, None)
    fp = await focal(tg, app, 3013, "IQ")
    await fp.send("/menu")
    await fp.press("📝 Questionnaires")
    await fp.press(next(b for b in fp.last_message().button_labels if "Regional" in b))
    await fp.press("Next ›")
    await fp.press("Done ✓")  # nothing ticked on a required question
    assert fp.messages()[-2].text == "Please choose at least one process."
    await fp.press("⬜ Colombo Process")
    await fp.press(">")  # the thirteenth choice is on the second page
    await fp.press("⬜ Other")
    await fp.press("Done ✓")
    assert "Please type the other answer" in text(fp)
    await fp.send("Global Forum on Migration and Development")
    assert "Why do you consider it important" in text(fp)
    await fp.send("x" * 1900)  # long answers must not break the review
    await fp.press("Skip ›")  # other organisations: optional
    await fp.send("Amal Hassan, director")
    await fp.send("amal@example.org")
    review = text(fp)
    assert "→ Colombo Process, Other: Global Forum on Migration and Development" in review
    assert len(fp.last_message().text) < 4096
    await fp.press("✏️ 4")
    await fp.press("Keep this answer ›")
    assert "→ Amal Hassan, director" in text(fp)  # straight back to the review
