"""Answering in the chat when things go wrong: co-editing, odd input, leaving mid-question."""

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from sandbox.telegram import strip_bidi
from services import clock, form_catalog, submissions
from storage.database import transaction
from storage.models import Form, Submission
from storage.repositories import users
from tests.e2e.test_survey_inputs import BOSS, open_test_form
from tests.e2e.test_surveys import focal, open_survey, text

FORM = Path(__file__).with_name("forms") / "fixes.md"


async def stored(app, person, form) -> dict:
    """The state's answers as kept, open or closed."""
    async with transaction(app.pool) as session:
        owner = await users.by_telegram_id(session, person.id)
        submission = await session.scalar(select(Submission).where(
            Submission.single_key == f"{form.id}:{owner.member_state_code}"))
        return submissions.values_of(await submissions.answers_of(session, submission))


@pytest.fixture
async def fixes(app):
    return await open_test_form(app, FORM)


async def test_skip_never_removes_an_answer_someone_else_gave_meanwhile(tg, app, fixes):
    first = await focal(tg, app, 3401, "JO", name="Hala")
    second = await focal(tg, app, 3402, "JO", name="Sami")
    await open_survey(first)
    await open_survey(second)
    assert "Remark" in text(first) and "Remark" in text(second)
    await second.send("Our committee meets monthly")
    await first.press("Skip ›")  # Hala still sees the question without an answer
    assert "changed this answer meanwhile" in first.messages()[-2].text
    assert "It is now: Our committee meets monthly" in strip_bidi(first.messages()[-2].text)
    assert "Last changed by Sami" in text(first)
    assert (await stored(app, first, fixes))["remark"] == "Our committee meets monthly"
    await first.press("Skip ›")  # now knowingly removing it
    assert "A coordination mechanism?" in text(first)
    assert "remark" not in await stored(app, first, fixes)


async def test_the_other_text_is_checked_kept_from_overwrites_and_refusals_are_told(
        tg, app, fixes):
    first = await focal(tg, app, 3403, "LB", name="Hala")
    second = await focal(tg, app, 3404, "LB", name="Sami")
    await open_survey(first)
    await first.press("Skip ›")
    await first.press("Other")
    await first.send("x" * 4001)
    assert "too long (at most 4,000 characters)" in strip_bidi(first.messages()[-2].text)
    await first.send("First text")
    assert "Topics" in text(first)
    await first.press("‹ Previous")
    await first.press("Other")  # Hala is about to change the text
    await open_survey(second)
    await second.press("‹ Previous")
    await second.press("Other")
    await second.send("Second text")
    await first.send("Third text")
    assert "It is now: Second text" in strip_bidi(first.messages()[-2].text)
    assert (await stored(app, first, fixes))["mechanism_other"] == "Second text"
    await first.press("Other")
    await close(app, fixes)
    await first.send("Fourth text")
    assert "This questionnaire is closed" in first.messages()[-2].text
    assert (await stored(app, first, fixes))["mechanism_other"] == "Second text"


async def close(app, form):
    async with transaction(app.pool) as session:
        boss = await users.by_telegram_id(session, BOSS)
        await form_catalog.close_form(session, boss, form.id)


async def test_ticks_are_saved_when_leaving_a_multiple_choice_without_done(tg, app, fixes):
    fp = await focal(tg, app, 3405, "TN")
    await open_survey(fp)
    await fp.press("Skip ›")
    await fp.press("Yes")
    await fp.press("⬜ Labour migration")
    await fp.press("💾 Save and leave")
    assert (await stored(app, fp, fixes))["topics"] == ["labour"]
    await open_survey(fp)
    assert "Needs" in text(fp)  # resumes after the ticked question
    await fp.press("⬜ Data")
    await fp.press("‹ Previous")
    assert (await stored(app, fp, fixes))["needs"] == ["data"]
    assert "☑️ Labour migration" in fp.last_message().button_labels
    await fp.press("⬜ Asylum")  # each acceptable tick is saved at once
    assert (await stored(app, fp, fixes))["topics"] == ["labour", "asylum"]
    await fp.press("⬜ Data")  # three break the form's constraint: said when leaving
    assert "At most two" not in fp.messages()[-2].text
    await fp.press("‹ Previous")
    assert fp.messages()[-2].text == "At most two"
    assert "Topics" in text(fp) and "☑️ Data" in fp.last_message().button_labels
    assert (await stored(app, fp, fixes))["topics"] == ["labour", "asylum"]
    await fp.press("☑️ Labour migration")
    await fp.press("Keep this answer ›")
    assert (await stored(app, fp, fixes))["topics"] == ["asylum", "data"]
    assert "Needs" in text(fp)


async def answer_all(fp, total="10", women="4"):
    """From the first question to the review, optional ones skipped."""
    await open_survey(fp)
    await fp.press("Skip ›")
    await fp.press("No")
    await fp.press("Skip ›")
    await fp.press("⬜ Data")
    await fp.press("Done ✓")
    await fp.press("Skip ›")
    await fp.send(total)
    await fp.send(women)
    await fp.press("Skip ›")


async def test_submit_rechecks_answers_that_compare_questions(tg, app, fixes):
    fp = await focal(tg, app, 3406, "KW")
    await answer_all(fp)
    assert "→ 10" in text(fp) and "Go to question" not in " ".join(
        fp.last_message().button_labels)
    await fp.press("✏️ 6")  # the total, changed below the number of women
    await fp.send("3")
    await fp.press("📨 Submit for my state")
    await fp.press("✅ Yes, submit")
    refusal = strip_bidi(fp.messages()[-2].text)
    assert "Not submitted" in refusal and "question 7 (Women among them)" in refusal
    assert "Not more than the total" in refusal  # the form's own message
    assert "submitted on" not in text(fp)
    await fp.press("✏️ Go to question 7")
    assert "Women among them" in text(fp)
    await fp.send("2")
    assert "Go to question 7" not in fp.last_message().button_labels  # back at the review
    await fp.press("📨 Submit for my state")
    await fp.press("✅ Yes, submit")
    assert "submitted on" in text(fp)


async def test_a_photo_or_a_document_where_a_typed_answer_is_expected(tg, app, fixes):
    fp = await focal(tg, app, 3407, "OM")
    await open_survey(fp)
    await fp.send_photo(b"\x89PNG fake")
    assert fp.messages()[-2].text == "Please type your answer and send it as a message."
    assert "Remark" in text(fp)
    await fp.upload(b"%PDF-1.4", "remark.pdf")
    assert fp.messages()[-2].text == "Please type your answer and send it as a message."
    await fp.press("Skip ›")
    await fp.press("Other")
    await fp.send_photo(b"\x89PNG fake")
    assert fp.messages()[-2].text == "Please type your answer and send it as a message."
    await fp.send("A committee")
    await fp.send_photo(b"\x89PNG fake")  # a multiple choice takes buttons
    assert fp.messages()[-2].text == "Please answer with the buttons below."
    async with transaction(app.pool) as session:  # straight to the date
        owner = await users.by_telegram_id(session, fp.id)
        mine = await submissions.state_submission(session, owner, fixes.id)
        for name, value in (("topics", []), ("needs", ["data"]), ("budget", "1"),
                            ("total", 3), ("women", 1)):
            await submissions.answer(session, owner, mine.id, name, value, None)
    await open_survey(fp)
    assert "Since when?" in text(fp)
    await fp.send_photo(b"\x89PNG fake")
    assert "type the date and send it, or choose the day in the calendar" in (
        fp.messages()[-2].text)


async def test_stale_and_forged_buttons_are_told_and_every_press_answered_once(
        tg, app, fixes, caplog):
    fp = await focal(tg, app, 3408, "BH")
    await answer_all(fp)
    edit_first = fp.last_message().find_button("✏️ 1").callback_data
    await fp.press("✏️ 6")
    assert "Staff in total" in text(fp)
    await fp.press_data(edit_first, message=fp.last_message())  # the review's, not here
    assert fp.last_answer.show_alert
    assert fp.last_answer.text == "This menu has expired. Here is the current one."
    assert "Staff in total" in text(fp)
    intent = edit_first.split("\x1d")[0]
    for forged in (f"{intent}\x1dzz:1", f"{intent}\x1d", f"{intent}\x1d{'x' * 40}"):
        await fp.press_data(forged, message=fp.last_message())
        assert fp.last_answer.text == "This menu has expired. Here is the current one."
    await fp.press("Keep this answer ›")
    await fp.press("📨 Submit for my state")
    await fp.press("✅ Yes, submit")
    assert fp.last_answer.text == "Submitted. Thank you."
    assert "Cannot answer callback" not in caplog.text  # each press answered once


async def test_a_form_closed_by_its_date_is_only_read(tg, app, fixes):
    fp = await focal(tg, app, 3409, "SA")
    await open_survey(fp)
    await fp.send("A remark")
    await fp.press("Yes")
    async with transaction(app.pool) as session:  # the closing date passes
        form = await session.get(Form, fixes.id)
        form.closes_at = clock.now() - timedelta(minutes=1)
    await fp.press("‹ Previous")
    screen = text(fp)
    assert "This questionnaire is closed: your state's answers can be read" in screen
    assert "→ A remark" in screen and "→ Yes" in screen
    assert not any(label.startswith("✏️") for label in fp.last_message().button_labels)
    assert "📨 Submit for my state" not in fp.last_message().button_labels
    await fp.send("typed anyway")
    assert "This questionnaire is closed" in text(fp)
    assert (await stored(app, fp, fixes))["remark"] == "A remark"
