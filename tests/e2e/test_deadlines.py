"""Deadlines in the chat: the secretariat sets them, focal points see what their state owes and
get reminders with a button that takes them there."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select, update

from bot import jobs
from sandbox.telegram import strip_bidi
from services import clock, form_catalog
from storage.database import transaction
from storage.models import Deadline, Form, Submission, SubmissionStatus, User
from tests.e2e.flows import eventually, message_with, secretariat
from tests.e2e.test_announcements import focal_point

CAIRO = ZoneInfo("Africa/Cairo")


def text(person) -> str:
    return strip_bidi(person.last_message().text)


async def open_evaluation(app) -> Form:
    async with transaction(app.pool) as session:
        form = await session.scalar(select(Form).where(Form.key == "arcp_evaluation"))
        boss = await session.scalar(select(User).where(User.telegram_id == 700001))
        await form_catalog.open_form(session, boss, form.id, None)
        return form


async def pick_day(person, day: date) -> None:
    """Press a day in the calendar, turning to the next month first if needed."""
    today = datetime.now(CAIRO).date()
    if (day.year, day.month) != (today.year, today.month):
        await person.press(f"{day:%B} »")
    await person.press(f"[{day:%d}]" if day == today else f"{day:%d}")


async def set_deadline(boss, day: date, *, what: str, states: list[str] | None = None,
                       task: tuple[str, str] | None = None) -> None:
    await boss.send("/menu")
    await boss.press("📅 Deadlines")
    await boss.press("➕ New deadline")
    assert "which item of the action plan" in text(boss)
    item = next(label for label in boss.last_message().button_labels if label.startswith("9."))
    await boss.press(item)
    if task:
        await boss.press("✍️ A task, described in words")
        assert "in Arabic" in text(boss)
        await boss.send(task[0])
        assert "in English" in text(boss)
        await boss.send(task[1])
    else:
        await boss.press(what)
    if states:
        await boss.press("Chosen member states…")
        for state in states:
            await boss.press(state)
        await boss.press("Done ✓")
    else:
        await boss.press("All member states")
    await pick_day(boss, day)
    await boss.press("23:59")
    ticked = [label for label in boss.last_message().button_labels if label.startswith("✓")]
    assert ticked == ["✓ 14 days before", "✓ 7 days before", "✓ 3 days before",
                      "✓ 1 day before", "✓ on the day"]
    await boss.press("Next ›")
    assert "New deadline" in text(boss)
    await boss.press("✅ Set the deadline")
    assert boss.last_answer.text == "The deadline is set and its reminders are planned."


async def only_deadline(app) -> Deadline:
    async with transaction(app.pool) as session:
        (deadline,) = (await session.scalars(select(Deadline))).all()
        return deadline


async def test_a_deadline_set_in_the_chat_reminds_the_states_that_owe(tg, app):
    boss = secretariat(tg)
    egypt = await focal_point(tg, app, 4001, "EG")
    jordan = await focal_point(tg, app, 4002, "JO", language="العربية")
    await boss.send("/menu")  # the secretariat's account exists from its first message
    form = await open_evaluation(app)
    day = datetime.now(CAIRO).date() + timedelta(days=20)
    await set_deadline(boss, day, what=f"🟢 {form.title_en[:49]}…")
    detail = text(boss)
    assert "Questionnaire evaluating" in detail and "For: all member states" in detail
    assert "22 not started" in detail and "Reminders at 10:00" in detail
    assert "14 days before, 7 days before, 3 days before, 1 day before, on the day" in detail

    # A focal point sees it under "What my state owes".
    await egypt.send("/menu")
    await egypt.press("📅 What my state owes")
    assert "What Egypt owes" in text(egypt) and "20 days left" in text(egypt)
    # and under its item of the action plan, with the state's status
    await egypt.send("/menu")
    await egypt.press("📋 Action plan")
    await egypt.press(next(b for b in egypt.last_message().button_labels if b.startswith("9.")))
    while "Deadlines" not in text(egypt) and "Next ›" in egypt.last_message().button_labels:
        await egypt.press("Next ›")
    assert "Deadlines\n• Questionnaire evaluating" in text(egypt)
    assert "⭕ not started" in text(egypt)

    # 14 days before, at 10:00 Cairo time, the sweep reminds Egypt.
    deadline = await only_deadline(app)
    clock.freeze(datetime.combine(day - timedelta(days=14), time(10), CAIRO))
    await jobs.sweep_reminders()
    note = await eventually(lambda: message_with(egypt, "Reminder", "14 days left"))
    assert "Questionnaire evaluating" in strip_bidi(note.text)
    # 23:59 in Cairo is 00:59 the next day in Amman: still the evening of the same day there,
    # so Jordan was reminded at 10:00 Amman time on the same day, with the same days left.
    arabic = await eventually(lambda: message_with(jordan, "تذكير", "بقي 14 يومًا"))
    assert arabic.button_labels == ["📝 افتح الاستبيان"]
    assert "عمّان" in strip_bidi(arabic.text) or "عمان" in strip_bidi(arabic.text)

    # The button opens the deadline, and from there the questionnaire itself.
    await egypt.press("📝 Open the questionnaire", message=note)
    assert "Status for Egypt: ⭕ not started" in text(egypt)
    await egypt.press("📝 Answer the questionnaire")
    assert "Questionnaire evaluating" in text(egypt)

    # Egypt submits (the questionnaire's own flow is tested elsewhere): no reminder any more.
    async with transaction(app.pool) as session:
        await session.execute(update(Submission).where(Submission.member_state_code == "EG")
                              .values(status=SubmissionStatus.SUBMITTED,
                                      submitted_at=clock.now()))
    clock.freeze(datetime.combine(day - timedelta(days=7), time(10), CAIRO))
    await jobs.sweep_reminders()
    await eventually(lambda: message_with(jordan, "تذكير", "بقيت 7 أيام"))
    assert message_with(egypt, "7 days left") is None

    # The secretariat sees who was reminded, and who has submitted.
    await boss.send("/menu")
    await boss.press("📅 Deadlines")
    await boss.press(next(b for b in boss.last_message().button_labels if "Questionnaire" in b))
    assert "1 submitted" in text(boss) and "Submitted: Egypt" in text(boss).replace(
        "✅ submitted", "Submitted")
    await boss.press("📜 Reminders")
    history = text(boss)
    assert "14 days before" in history and "sent 2" in history
    assert "7 days before" in history and "not needed (already submitted) 1" in history
    assert deadline.id


async def test_a_task_marked_done_stops_its_reminders_and_extending_replans(tg, app):
    boss = secretariat(tg)
    oman = await focal_point(tg, app, 4011, "OM")
    day = datetime.now(CAIRO).date() + timedelta(days=10)
    await set_deadline(boss, day, what="", states=["Oman", "Morocco"],
                       task=("تأكيد تشكيل الوفد", "Confirm your delegation"))
    assert "For: Morocco, Oman" in text(boss)

    # Extended by a week in the chat: the reminders follow the new date.
    await boss.press("📅 Move the date")
    await pick_day(boss, day + timedelta(days=7))
    await boss.press("23:59")
    assert boss.last_answer.text == "The date is moved; the reminders are planned anew."
    assert "17 days left" in text(boss)
    await boss.press("📜 Reminders")
    history = text(boss)  # the new date's reminders; the old ones, never sent, are gone
    assert "14 days before" in history and "planned 2" in history and "dropped" not in history

    # Tunisia is added to the states it concerns; the reminders are planned for it too.
    await boss.press("‹ Back")
    await boss.press("👥 Member states")
    await boss.press("Tunisia")
    await boss.press("Save ✓")
    assert "For: Morocco, Oman, Tunisia" in text(boss)
    await boss.press("👥 Member states")
    await boss.press("All member states")
    assert "For: all member states" in text(boss)
    await boss.press("👥 Member states")
    for state in ("Oman", "Morocco", "Tunisia"):
        await boss.press(state)
    await boss.press("Save ✓")
    assert "For: Morocco, Oman, Tunisia" in text(boss)

    # Oman marks it done; the next reminder day passes without a message.
    await oman.send("/menu")
    await oman.press("📅 What my state owes")
    await oman.press(next(b for b in oman.last_message().button_labels if "Confirm" in b))
    assert "When your state has done this" in text(oman)
    await oman.press("✅ Mark as done")
    assert oman.last_answer.text == "Marked as done for your state."
    assert "✅ done" in text(oman)
    muscat = ZoneInfo("Asia/Muscat")
    clock.freeze(datetime.combine(day + timedelta(days=7 - 14), time(10), muscat))
    await jobs.sweep_reminders()
    await boss.send("/menu")
    await boss.press("📅 Deadlines")
    await boss.press(next(b for b in boss.last_message().button_labels if "Confirm" in b))
    await boss.press("📜 Reminders")  # Oman's slot came, and was not needed
    assert "14 days before" in text(boss) and "not needed (already submitted) 1" in text(boss)
    assert message_with(oman, "Reminder") is None


async def test_a_reminder_button_of_another_state_is_refused(tg, app):
    boss = secretariat(tg)
    await focal_point(tg, app, 4021, "MA")
    tunisia = await focal_point(tg, app, 4022, "TN")
    await set_deadline(boss, datetime.now(CAIRO).date() + timedelta(days=5), what="",
                       states=["Morocco"], task=("مهمة", "A task for Morocco"))
    deadline = await only_deadline(app)
    await tunisia.press_data(f"owe:{deadline.id}")
    assert "does not concern your state" in text(tunisia)
    await tunisia.press_data("owe:abc")
    assert tunisia.last_answer.text == "This deadline is closed or no longer exists."
    # and the secretariat's screens are not for focal points
    await tunisia.send("/menu")
    assert "📅 Deadlines" not in tunisia.last_message().button_labels
