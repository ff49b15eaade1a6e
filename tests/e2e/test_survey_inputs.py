"""Answering in the chat: long choice lists in pages, typed dates, prompts for typed answers."""

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sandbox.telegram import strip_bidi
from services import form_catalog, registration, submissions
from services.forms.xlsform import load_xlsform
from storage.database import transaction
from storage.repositories import users
from tests.e2e.test_surveys import focal, open_survey, text

FORM = Path(__file__).with_name("forms") / "inputs.md"
LONG_PLACE = "p10_a_choice_name_far_too_long_for_a_button_callback_of_sixty_four_bytes"
LONG_REGION = "r11_another_choice_name_far_too_long_for_a_button_callback_of_64_bytes"


BOSS = 46  # the secretariat member who opens the test form


async def open_test_form(app, path: Path = FORM):
    async with transaction(app.pool) as session:
        boss = await registration.bootstrap_secretariat(
            session, registration.Profile(BOSS, "Secretariat"), "en")
        form, _ = await form_catalog.register(session, load_xlsform(path))
        await form_catalog.open_form(session, boss, form.id, None)
    return form


@pytest.fixture
async def inputs(app):
    return await open_test_form(app)


async def stored(app, person, form) -> dict:
    async with transaction(app.pool) as session:
        owner = await users.by_telegram_id(session, person.id)
        submission = await submissions.state_submission(session, owner, form.id)
        return submissions.values_of(await submissions.answers_of(session, submission))


def callback_of(message, label: str) -> str:
    button = message.find_button(label)
    assert button is not None, message.button_labels
    return button.callback_data


def forged(data: str, item: str) -> str:
    """The same button's callback data with another item id, as a modified client sends."""
    return data.rsplit(":", 1)[0] + ":" + item


async def test_a_long_multiple_choice_is_paged_and_keeps_its_ticks(tg, app, inputs):
    fp = await focal(tg, app, 3101, "EG")
    await open_survey(fp)
    screen = fp.last_message()
    assert "Places" in text(fp) and "Type your answer" not in text(fp)
    labels = screen.button_labels
    assert "⬜ Place 8" in labels and "⬜ Place 9" not in labels and "Done ✓" in labels
    await fp.press("⬜ Place 2")
    await fp.press(">")
    labels = fp.last_message().button_labels
    assert "⬜ Place 10" in labels and "⬜ Place 2" not in labels and "Done ✓" in labels
    await fp.press("⬜ Place 10")
    await fp.press("<")
    assert "☑️ Place 2" in fp.last_message().button_labels  # kept across pages
    await fp.press(">")
    assert "☑️ Place 10" in fp.last_message().button_labels
    # buttons carry positions, not the form's (long) names, and stay within Telegram's 64 bytes
    data = [b.callback_data for row in fp.last_message().keyboard for b in row]
    assert all(len(d.encode()) <= 64 for d in data) and not any(LONG_PLACE in d for d in data)
    await fp.press("Done ✓")
    assert "Region" in text(fp)
    assert (await stored(app, fp, inputs))["places"] == ["p02", LONG_PLACE]


async def test_unknown_choices_are_refused_and_change_nothing(tg, app, inputs):
    fp = await focal(tg, app, 3102, "JO")
    await open_survey(fp)
    screen = fp.last_message()
    tick = callback_of(screen, "⬜ Place 1")
    for item in ("11", "99", "-1", "p01", "٣"):
        await fp.press_data(forged(tick, item), message=screen)
        assert fp.last_answer.show_alert, item
    assert not any(label.startswith("☑️") for label in fp.last_message().button_labels)
    await fp.press("⬜ Place 3")
    await fp.press("Done ✓")
    screen = fp.last_message()
    pick = callback_of(screen, "Region 1")
    await fp.press_data(forged(pick, "11"), message=screen)
    assert fp.last_answer.show_alert
    await fp.press_data(forged(tick, "0"), message=screen)  # a tick on a single choice
    assert fp.last_answer.show_alert
    assert "Region" in text(fp)
    assert await stored(app, fp, inputs) == {"places": ["p03"]}
    await fp.press(">")
    await fp.press("Region 11")
    assert (await stored(app, fp, inputs))["region"] == LONG_REGION


async def to_the_date(fp, arabic: bool = False):
    await open_survey(fp, "📝 الاستبيانات" if arabic else "📝 Questionnaires")
    await fp.press("⬜ المكان 1" if arabic else "⬜ Place 1")
    await fp.press("تم ✓" if arabic else "Done ✓")
    await fp.press("المنطقة 1" if arabic else "Region 1")


async def test_a_date_can_be_typed_in_any_usual_way(tg, app, inputs):
    fp = await focal(tg, app, 3103, "EG")
    await to_the_date(fp)
    assert "Date of the visit" in text(fp)
    assert "type the date and send it" in text(fp)
    for wrong in ("yesterday", "31/02/2024", "2024-13-01", "5/3/24"):
        await fp.send(wrong)
        assert "Please type a date as DD/MM/YYYY or YYYY-MM-DD" in fp.messages()[-2].text, wrong
        assert "Date of the visit" in text(fp)  # and the question again
    await fp.send("01/01/2019")
    assert fp.messages()[-2].text == "Between 2020 and today"  # the form's own constraint
    tomorrow = datetime.now(ZoneInfo("Africa/Cairo")).date() + timedelta(days=1)
    await fp.send(f"{tomorrow:%d/%m/%Y}")
    assert fp.messages()[-2].text == "Between 2020 and today"
    assert "visited" not in await stored(app, fp, inputs)
    await fp.send("5/3/2024")
    assert "Remarks" in text(fp) and "Type your answer and send it." in text(fp)
    assert (await stored(app, fp, inputs))["visited"] == "2024-03-05"
    await fp.press("‹ Previous")
    assert "Current answer: March 5, 2024" in text(fp)
    assert "🗓 March 2024" in fp.last_message().button_labels  # the answer's month
    await fp.send("2024-03-07")
    assert (await stored(app, fp, inputs))["visited"] == "2024-03-07"
    await fp.press("‹ Previous")
    await fp.press("07")  # the day in the calendar, which opened at March 2024
    assert (await stored(app, fp, inputs))["visited"] == "2024-03-07"


async def test_arabic_digits_and_messages_for_typed_dates(tg, app, inputs):
    fp = await focal(tg, app, 3104, "OM", language="العربية")
    await to_the_date(fp, arabic=True)
    assert "اكتب التاريخ وأرسله" in text(fp)
    await fp.send("أمس")
    assert "اكتب التاريخ بالصيغة DD/MM/YYYY أو YYYY-MM-DD" in strip_bidi(fp.messages()[-2].text)
    await fp.send("\u200f١٥/٠٦/٢٠٢٣")  # a right-to-left mark before it, as some keyboards add
    assert "ملاحظات" in text(fp) and "اكتب إجابتك وأرسلها" in text(fp)
    assert (await stored(app, fp, inputs))["visited"] == "2023-06-15"
    await fp.press("‹ السابق")
    await fp.send("٢٠٢٣-٠٦-٢٠")
    assert (await stored(app, fp, inputs))["visited"] == "2023-06-20"


async def test_a_new_date_question_opens_the_calendar_this_month(tg, app, inputs):
    fp = await focal(tg, app, 3105, "EG")
    await to_the_date(fp)
    this_month = datetime.now(ZoneInfo("Africa/Cairo")).date()
    assert f"🗓 {this_month:%B %Y}" in fp.last_message().button_labels
