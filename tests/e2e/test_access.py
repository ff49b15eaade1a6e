"""People without a valid invite, bad links, and who may reach what."""

import secrets

from sandbox.telegram import strip_bidi
from services import clock, registration
from storage.database import transaction
from storage.models import Role
from tests.e2e.flows import create_invite, join, secretariat


async def invite_for(app, state="EG", **options) -> str:
    async with transaction(app.pool) as session:
        created = await registration.create_invite(
            session, actor=None, role=Role.FOCAL_POINT, state_code=state,
            ttl_days=options.pop("ttl_days", 14), **options)
    return f"inv_{created.token}"


def both_languages(text: str) -> bool:
    return "invitation link" in text and "رابط دعوة" in text


async def test_stranger_gets_a_polite_bilingual_explanation_and_nothing_else(tg, app):
    stranger = tg.user(900001, first_name="Curious")
    await stranger.send("/start")
    assert both_languages(stranger.last_message().text)
    assert stranger.last_message().button_labels == []
    for text in ("/menu", "/language", "/help", "hello"):
        await stranger.send(text)
        assert both_languages(stranger.last_message().text), text
    assert len(stranger.messages()) == 5


async def test_expired_used_and_forged_links(tg, app):
    expired = await invite_for(app, ttl_days=1)
    clock.advance(2 * 86400)
    person = tg.user(900002, first_name="Late")
    await person.send(f"/start {expired}")
    assert "has expired" in person.last_message().text

    used = await invite_for(app)
    await join(tg.user(900003, first_name="First"), used)
    second = tg.user(900004, first_name="Second")
    await second.send(f"/start {used}")
    assert "already been used" in second.last_message().text

    forger = tg.user(900005, first_name="Forger", language_code="ar")
    await forger.send(f"/start inv_{secrets.token_urlsafe(24)}")
    assert "رابط الدعوة هذا غير صالح" in forger.messages()[0].text
    await forger.send("/start somethingelse")
    assert "غير صالح" in forger.messages()[-2].text
    assert both_languages(forger.last_message().text)


async def test_link_used_up_while_the_person_was_choosing(tg, app):
    payload = await invite_for(app)
    slow, fast = tg.user(900006, first_name="Slow"), tg.user(900007, first_name="Fast")
    await slow.send(f"/start {payload}")
    await slow.press("English")
    await join(fast, payload)
    await slow.press("✅ Join")
    assert "already been used" in slow.last_message().text
    await slow.send("/menu")
    assert both_languages(slow.last_message().text)  # not registered


async def test_registered_person_opening_another_link_keeps_their_state(tg, app):
    await join(tg.user(900008, first_name="Nour"), await invite_for(app, "EG"))
    other = await invite_for(app, "SA")
    nour = tg.user(900008)
    await nour.send(f"/start {other}")
    assert "already registered" in nour.messages()[-2].text
    assert "focal point of \u2068Egypt\u2069" in nour.last_message().text


async def test_suspended_user_is_shut_out_and_reinstated(tg, app):
    boss = secretariat(tg)
    payload = await create_invite(boss, "Iraq")
    ali = tg.user(900009, first_name="Ali", last_name="Hassan")
    await join(ali, payload)

    await boss.send("/menu")
    await boss.press("👥 Users")
    await boss.press("Ali Hassan · Iraq")
    assert "Status: active" in strip_bidi(boss.last_message().text)
    await boss.press("⛔ Suspend")
    assert boss.last_answer.text == "Access suspended."
    assert "Status: suspended" in strip_bidi(boss.last_message().text)

    old_menu = ali.last_message()
    await ali.press("❔ Help", message=old_menu)
    assert ali.last_answer.text == "This is not available to you."
    await ali.send("/menu")
    assert "Your access is suspended" in ali.last_message().text

    await boss.press("✅ Reinstate")
    await ali.send("/menu")
    assert "focal point of \u2068Iraq\u2069" in ali.last_message().text


async def test_focal_point_cannot_reach_secretariat_actions(tg, app):
    boss = secretariat(tg)
    payload = await create_invite(boss, "Kuwait")
    fp = tg.user(900010, first_name="Fahad")
    await join(fp, payload)

    await boss.send("/menu")
    boss_menu = boss.last_message()
    invite_button = next(b for row in boss_menu.keyboard for b in row
                         if b.text == "✉️ Invite focal points")
    before = len(fp.messages())
    # the secretariat's own button data, replayed by a focal point
    await fp.press_data(invite_button.callback_data)
    assert fp.last_answer.show_alert
    assert "Invite" not in fp.last_message().text
    # hand-made data shaped like a dialog button
    await fp.press_data("aaaaaaaaaaa\x1dinv")
    await fp.press_data("garbage")
    texts = [m.text for m in fp.messages()[before:]]
    assert all("Invitation for" not in t and "for which member state" not in t for t in texts)
    # the focal point's menu has no secretariat entries
    await fp.send("/menu")
    assert "👥 Users" not in fp.last_message().button_labels


async def test_forged_state_in_invite_dialog_is_refused(tg, app):
    boss = secretariat(tg)
    await boss.send("/menu")
    await boss.press("✉️ Invite focal points")
    states = boss.last_message()
    egypt = next(b for row in states.keyboard for b in row if b.text == "Egypt")
    forged = egypt.callback_data.replace(":EG", ":XX")
    assert forged != egypt.callback_data
    await boss.press_data(forged)
    assert boss.last_answer.text == "This menu has expired. Here is the current one."
    assert "for which member state" in boss.last_message().text


async def test_hidden_secretariat_buttons_cannot_be_pressed_by_hand(tg, app):
    fp = tg.user(900011, first_name="Badr")
    await join(fp, await invite_for(app, "BH"))
    menu = fp.last_message()
    help_data = next(b.callback_data for row in menu.keyboard for b in row
                     if b.text == "❔ Help")
    intent = help_data.split("\x1d")[0]
    for widget in ("inv", "usr", "ann"):  # the ids of the secretariat's menu entries
        await fp.press_data(f"{intent}\x1d{widget}", message=menu)
        assert fp.last_answer.text == "This is not available to you.", widget
    texts = " ".join(m.text for m in fp.messages())
    assert "for which member state" not in texts and "users" not in texts.lower()
    assert "Announcements" not in texts


async def test_help_command_shows_help(tg, app):
    fp = tg.user(900012, first_name="Dana")
    await join(fp, await invite_for(app, "DJ"))
    await fp.send("/help")
    assert "What this bot does" in fp.last_message().text
    assert "‹ Back" in fp.last_message().button_labels


async def test_cancelling_onboarding_says_what_happened(tg, app):
    payload = await invite_for(app, "LY")
    person = tg.user(900013, first_name="Later")
    await person.send(f"/start {payload}")
    await person.press("English")
    await person.press("Cancel")
    assert "You can open the invitation link again" in person.last_message().text
    await join(person, payload)  # the link was not used up
    assert "focal point of" in person.last_message().text
