"""Onboarding end to end through the fake Bot API, in both languages."""

from sandbox.telegram import strip_bidi
from tests.e2e.flows import create_invite, eventually, join, message_with, secretariat


async def test_focal_point_joins_in_english(tg, app):
    boss = secretariat(tg)
    payload = await create_invite(boss, "Egypt")
    created = boss.last_message()
    assert "Invitation for \u2068Egypt\u2069" in created.text
    assert "valid until" in created.text.lower() and "1 person" not in created.text
    assert "📤 Share link" in created.button_labels

    omar = tg.user(800001, first_name="Omar", last_name="Farouk", language_code="ar")
    await omar.send(f"/start {payload}")
    welcome = omar.last_message()
    assert "يرجى اختيار اللغة" in welcome.text and "Please choose your language" in welcome.text
    assert welcome.button_labels == ["العربية", "English"]

    await omar.press("English")
    assert "national focal point of \u2068Egypt\u2069" in omar.last_message().text
    await omar.press("✅ Join")
    menu = omar.last_message()
    assert "ARCP — focal point of \u2068Egypt\u2069" in menu.text
    assert "✉️ Invite focal points" not in menu.button_labels  # secretariat only
    assert {"🌐 Language", "❔ Help"} <= set(menu.button_labels)

    notice = await eventually(lambda: message_with(boss, "Omar Farouk", "joined"))
    assert "joined as a focal point of Egypt" in strip_bidi(notice.text)


async def test_focal_point_joins_in_arabic(tg, app):
    boss = secretariat(tg, language_code="ar")
    await boss.send("/start")
    await boss.press("🌐 اللغة")
    await boss.press("English")  # the secretariat works in English, the focal point in Arabic
    payload = await create_invite(boss, "Morocco")

    salma = tg.user(800002, first_name="سلمى", language_code="en")
    await join(salma, payload, language="العربية")
    menu = salma.last_message()
    assert "نقطة اتصال \u2068المغرب\u2069" in menu.text
    assert "🌐 اللغة" in menu.button_labels

    await salma.press("❔ مساعدة")
    assert "‎/menu‎" in salma.last_message().text
    await eventually(lambda: message_with(boss, "سلمى", "joined as a focal point of Morocco"))


async def test_secretariat_invites_a_colleague_for_several_people(tg, app):
    boss = secretariat(tg)
    await boss.send("/menu")
    await boss.press("✉️ Invite focal points")
    await boss.press("🏛 Secretariat colleague")
    await boss.press("○ 5 people")
    await boss.press("Create link")
    assert "Invitation for \u2068the Secretariat\u2069" in boss.last_message().text
    assert "5\u2069 people" in boss.last_message().text
    payload = boss.last_message().text.split("start=")[1].split()[0]

    colleague = tg.user(800010, first_name="Hana")
    await join(colleague, payload)
    menu = colleague.last_message()
    assert "ARCP secretariat" in menu.text
    assert "✉️ Invite focal points" in menu.button_labels


async def test_language_command_switches_at_any_time(tg, app):
    boss = secretariat(tg)
    payload = await create_invite(boss, "Jordan")
    fp = tg.user(800003, first_name="Rami")
    await join(fp, payload)
    await fp.send("/language")
    await fp.press("العربية")
    assert "تم تغيير اللغة" in (fp.last_answer.text or "")
    assert "نقطة اتصال \u2068الأردن\u2069" in fp.last_message().text
    chat_scope = next(key for key in tg.world.commands if str(fp.id) in key[0])
    assert tg.world.commands[chat_scope][0]["description"] == "القائمة الرئيسية"


async def test_bot_sets_its_commands_in_both_languages(tg, app):
    def descriptions(key):
        return {c["command"]: c["description"] for c in tg.world.commands[key]}

    assert descriptions(('{"type": "default"}', "ar"))["menu"] == "القائمة الرئيسية"
    assert descriptions(('{"type": "default"}', "en"))["menu"] == "Main menu"
    # Arabic is the default
    assert descriptions(('{"type": "default"}', ""))["menu"] == "القائمة الرئيسية"
