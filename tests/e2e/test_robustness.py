"""Restarts, redelivered updates, floods and Telegram's refusals."""

import asyncio
import io
import logging

from bot.log import RedactingFormatter
from sandbox.telegram import FakeTelegram, strip_bidi
from tests.conftest import BotApp, make_settings
from tests.e2e.flows import create_invite, eventually, join, message_with, secretariat


async def test_restart_in_the_middle_of_onboarding(tg, app):
    payload = await create_invite(secretariat(tg), "Oman")
    person = tg.user(910001, first_name="Said")
    await person.send(f"/start {payload}")
    await person.press("English")

    await app.restart()

    await person.press("✅ Join")  # a button of the message sent before the restart
    assert "focal point of Oman" in strip_bidi(person.last_message().text)


async def test_restart_keeps_the_secretariat_where_it_was(tg, app):
    boss = secretariat(tg)
    await boss.send("/menu")
    await boss.press("✉️ Invite focal points")
    await boss.press("Qatar")
    await app.restart()
    await boss.press("○ 20 people")
    await boss.press("Create link")
    assert "Invitation for Qatar" in strip_bidi(boss.last_message().text)


async def test_button_of_a_replaced_menu_gets_the_current_one(tg, app):
    payload = await create_invite(secretariat(tg), "Libya")
    person = tg.user(910002, first_name="Huda")
    await join(person, payload)
    old = person.last_message()
    help_data = next(b.callback_data for row in old.keyboard for b in row if b.text == "❔ Help")
    await person.send("/menu")  # a new menu replaces the old dialog (and its keyboard is removed)
    await person.send("/menu")
    assert old.keyboard == [] or old.button_labels == []
    count = len(person.messages())
    # a client that still shows the old keyboard (e.g. offline meanwhile) sends its data
    await person.press_data(help_data, message=old)
    assert person.last_answer.text == "This menu has expired. Here is the current one."
    assert len(person.messages()) == count + 1
    assert "focal point of Libya" in strip_bidi(person.last_message().text)


async def test_the_same_update_twice_has_one_effect(tg, app):
    stranger = tg.user(910003, first_name="Echo")
    update_id = await stranger.send("/start")
    first = next(e for e in tg.updates.entries if e.update_id == update_id)
    tg.push_update(dict(first.update, update_id=update_id))
    await tg.wait_for_update(update_id)
    await stranger.send("/help")
    assert len(stranger.messages()) == 2


async def test_a_flood_is_throttled_with_one_polite_note(tg, db_url):
    bot_app = await BotApp(tg, make_settings(tg, db_url, throttle_rate=3,
                                             throttle_window=30)).start()
    try:
        flooder = tg.user(910004, first_name="Fast", language_code="ar")
        for n in range(10):
            await flooder.send(f"message {n}")
        texts = [m.text for m in flooder.messages()]
        assert sum("بسرعة كبيرة" in t for t in texts) == 1
        assert len(texts) == 3 + 1  # three answered, one note, the rest dropped
    finally:
        await bot_app.stop()


async def test_telegram_refusals_while_answering_are_not_shown_as_crashes(tg, app):
    payload = await create_invite(secretariat(tg), "Syria")
    person = tg.user(910005, first_name="Maya")
    await join(person, payload)
    tg.fail("answerCallbackQuery", status=400, times=None,
            description="Bad Request: query is too old and response timeout expired "
                        "or query ID is invalid")
    await person.press("❔ Help")
    tg.fail("editMessageText", status=400,
            description="Bad Request: message is not modified: specified new message content "
                        "and reply markup are exactly the same")
    await person.press("‹ Back")  # the edit is refused: the screen stays as it was
    assert "What this bot does" in person.last_message().text
    await person.press("‹ Back")
    await person.press("❔ Help")
    texts = " ".join(m.text for m in person.messages())
    assert "Something went wrong" not in texts
    assert "What this bot does" in person.last_message().text


async def test_an_internal_error_is_apologized_for_and_rolled_back(tg, app, monkeypatch):
    from services import registration

    async def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    payload = await create_invite(secretariat(tg), "Sudan")
    person = tg.user(910006, first_name="Amal")
    await person.send(f"/start {payload}")
    await person.press("English")
    monkeypatch.setattr(registration, "accept_invite", broken)
    await person.press("✅ Join")
    assert person.last_answer.text.startswith("Something went wrong on our side")
    monkeypatch.undo()
    await person.press("✅ Join")
    assert "focal point of Sudan" in strip_bidi(person.last_message().text)


def test_token_is_never_logged():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(RedactingFormatter("%(message)s"))
    log = logging.getLogger("test.redaction")
    log.addHandler(handler)
    try:
        log.warning("HTTP Request: POST http://127.0.0.1/bot%s/sendMessage", FakeTelegram.TOKEN)
        log.warning("token in message %s", "123456789:AAH-real-looking-token-abcdefghij")
    finally:
        log.removeHandler(handler)
    out = stream.getvalue()
    assert FakeTelegram.TOKEN not in out and "real-looking" not in out
    assert out.count("<token>") == 2


async def test_a_slow_telegram_call_for_one_person_does_not_hold_up_another(tg, app):
    boss = secretariat(tg)
    first = tg.user(910007, first_name="Slow")
    second = tg.user(910008, first_name="Quick")
    await join(first, await create_invite(boss, "Kuwait"))
    await join(second, await create_invite(boss, "Bahrain"))
    await eventually(lambda: message_with(boss, "Quick", "joined"))  # the outbox is idle
    tg.delay("sendMessage", 3.0, times=1)
    slow = asyncio.create_task(first.send("some text"))  # its note waits on Telegram
    await asyncio.sleep(0.3)
    await second.press("❔ Help")
    assert not slow.done()
    assert "What this bot does" in second.last_message().text
    await slow
