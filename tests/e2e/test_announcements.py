"""Announcements composed by the secretariat, delivered through the outbox."""

import asyncio
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from babel.dates import format_date
from sqlalchemy import func, select

from sandbox.telegram import strip_bidi
from services import announcements, clock, registration
from services.errors import NotAllowed
from storage.database import transaction
from storage.models import Delivery, DeliveryStatus
from storage.repositories import users
from tests.e2e.flows import focal_point, secretariat


async def settle(tg, app, seconds=5.0):
    """Wait until the delivery worker has drained the outbox."""
    deadline = asyncio.get_running_loop().time() + seconds
    while asyncio.get_running_loop().time() < deadline:
        async with transaction(app.pool) as session:
            waiting = await session.scalar(select(func.count()).select_from(Delivery).where(
                Delivery.status.in_([DeliveryStatus.PENDING, DeliveryStatus.SENDING])))
        if not waiting:
            return
        await asyncio.sleep(0.1)
    raise AssertionError("outbox not drained")


async def compose(boss, arabic=None, english=None):
    await boss.send("/menu")
    await boss.press("📣 Announcements")
    await boss.press("➕ New announcement")
    if arabic:
        await boss.send(arabic)
    else:
        await boss.press("Skip ›")
    if english:
        await boss.send(english)
    else:
        await boss.press("Skip ›")


def received(person, needle):
    return [m for m in person.messages() if needle in m.text]


async def test_announcement_reaches_each_focal_point_once_in_their_language(tg, app):
    boss = secretariat(tg)
    amal = await focal_point(tg, app, 1001, "EG", "العربية", "Amal")
    omar = await focal_point(tg, app, 1002, "JO", "العربية", "Omar")
    john = await focal_point(tg, app, 1003, "LB", "English", "Rita")
    await settle(tg, app)

    await compose(boss, arabic="اجتماع <التنسيق> يوم 10 مايو",
                  english="Coordination meeting on 10 May")
    await boss.press("Continue without attachment ›")
    await boss.press("All focal points")
    previews = [strip_bidi(m.text) for m in boss.messages()[-5:]]
    assert any("Preview of the Arabic version" in t for t in previews)
    assert "اجتماع <التنسيق> يوم 10 مايو" in previews  # user text arrives exactly as typed
    assert "Coordination meeting on 10 May" in previews
    confirm = strip_bidi(boss.last_message().text)
    assert "Arabic and English versions" in confirm and "3 people" in confirm

    await boss.press("📤 Send now")
    assert "On its way to 3 focal points" in strip_bidi(boss.last_message().text)
    await settle(tg, app)

    assert len(received(amal, "اجتماع <التنسيق>")) == 1
    assert len(received(omar, "اجتماع <التنسيق>")) == 1
    assert len(received(john, "Coordination meeting")) == 1
    assert not received(john, "اجتماع")

    await boss.send("/menu")
    await boss.press("📣 Announcements")
    listed = boss.last_message().button_labels
    report_label = next(label for label in listed if "اجتماع" in label)
    await boss.press(report_label)
    report = strip_bidi(boss.last_message().text)
    assert "Delivered: 3" in report and "Egypt: ✅ 1" in report

    await amal.send("/menu")
    await amal.press("📣 الإعلانات")
    item = next(label for label in amal.last_message().button_labels if "اجتماع" in label)
    before = len(amal.messages())
    await amal.press(item)
    assert amal.messages()[before].text == "اجتماع <التنسيق> يوم 10 مايو"  # again, as it came
    assert "إعلانات الأمانة الفنية" in amal.last_message().text


async def test_second_press_on_send_sends_once(tg, app):
    boss = secretariat(tg)
    fp = await focal_point(tg, app, 1011, "QA")
    await compose(boss, english="Only once please")
    await boss.press("Continue without attachment ›")
    await boss.press("All focal points")
    confirm = boss.last_message()
    send_data = next(b.callback_data for row in confirm.keyboard for b in row
                     if b.text == "📤 Send now")
    await boss.press("📤 Send now", message=confirm)
    await boss.press_data(send_data, message=confirm)  # a second press, e.g. a double tap
    assert boss.last_answer.text == "This announcement has already been sent."
    await settle(tg, app)
    assert len(received(fp, "Only once please")) == 1


async def test_bad_input_is_refused_and_nothing_changes(tg, app):
    boss = secretariat(tg)
    await focal_point(tg, app, 1021, "TN")
    await compose(boss)  # skipping both versions
    assert "needs a text" in (boss.last_answer.text or "")
    await boss.send("x" * 4097)
    assert "4,097 characters, the limit is 4,096" in strip_bidi(boss.messages()[-2].text)
    await boss.upload(b"%PDF-1.4", "agenda.pdf", "application/pdf")
    assert "Please send the text as a message" in boss.messages()[-2].text
    await boss.send("y" * 2000)
    await boss.press("Skip ›")
    await boss.upload(b"MZ", "tool.exe", "application/x-msdownload")
    assert "cannot be attached" in boss.messages()[-2].text
    await boss.send_photo(b"\x89PNG fake")
    assert "the limit is 1,024 (with a photo or document attached)" in strip_bidi(
        boss.messages()[-2].text)
    await boss.press("Continue without attachment ›")
    await boss.press("Focal points reading Arabic")
    assert "nobody would receive it" in boss.last_answer.text


async def test_audience_of_chosen_states(tg, app):
    boss = secretariat(tg)
    egypt = await focal_point(tg, app, 1031, "EG")
    sudan = await focal_point(tg, app, 1032, "SD")
    await compose(boss, english="For Egypt only")
    await boss.send_photo(b"\x89PNG fake", caption="ignored caption")
    await boss.press("Chosen member states…")
    await boss.press("Egypt")
    await boss.press("Done ✓")
    assert "1 person" in strip_bidi(boss.last_message().text)
    await boss.press("📤 Send now")
    await settle(tg, app)
    photo = [m for m in egypt.messages() if m.photo]
    assert len(photo) == 1 and photo[0].caption == "For Egypt only"
    await egypt.send("/menu")
    await egypt.press("📣 Announcements")
    await egypt.press(next(b for b in egypt.last_message().button_labels if "Egypt" in b))
    again = [m for m in egypt.messages() if m.photo]
    assert len(again) == 2 and again[-1].caption == "For Egypt only"
    assert not [m for m in sudan.messages() if m.photo]
    await sudan.send("/menu")
    await sudan.press("📣 Announcements")
    assert "Nothing yet" in sudan.last_message().text


async def test_focal_point_cannot_reach_the_composer(tg, app):
    boss = secretariat(tg)
    fp = await focal_point(tg, app, 1041, "YE")
    await boss.send("/menu")
    button = next(b for row in boss.last_message().keyboard for b in row
                  if b.text == "📣 Announcements")
    await fp.press_data(button.callback_data)
    assert fp.last_answer.show_alert
    assert "New announcement" not in " ".join(m.text for m in fp.messages())
    async with transaction(app.pool) as session:
        focal = await users.by_telegram_id(session, fp.id)
        with pytest.raises(NotAllowed):
            await announcements.create_draft(session, focal)


async def test_scheduled_announcement_survives_a_restart_and_fires_once(tg, app):
    boss = secretariat(tg)
    await boss.send("/start")
    fp = await focal_point(tg, app, 1051, "KM")
    async with transaction(app.pool) as session:
        secretariat_user = await users.by_telegram_id(session, boss.id)
        draft = await announcements.create_draft(session, secretariat_user)
        await announcements.set_text(session, secretariat_user, draft.id, "en", "Later news")
        when = clock.now() + timedelta(seconds=3)
        await announcements.schedule(session, secretariat_user, draft.id, when)
    app.dp["planner"].plan_announcement(draft.id, when)
    await app.restart()
    await asyncio.sleep(4)
    await settle(tg, app)
    await app.restart()
    await asyncio.sleep(1)
    assert len(received(fp, "Later news")) == 1


async def test_schedule_with_the_calendar_then_cancel(tg, app):
    boss = secretariat(tg)
    await focal_point(tg, app, 1061, "MR")
    await compose(boss, english="Meeting reminder")
    await boss.press("Continue without attachment ›")
    await boss.press("All focal points")
    await boss.press("🕒 Schedule…")
    cairo_now = datetime.now(ZoneInfo("Africa/Cairo"))
    weekdays = boss.last_message().buttons[1]
    assert weekdays[:2] == ["Sa", "Su"]  # weekdays from Babel; the week starts on Saturday
    day = cairo_now.date() if cairo_now.hour < 19 else cairo_now.date() + timedelta(days=1)
    if day.month != cairo_now.month:
        await boss.press(f"{day:%B} »")
    await boss.press(f"[{day:%d}]" if day == cairo_now.date() else f"{day:%d}")
    await boss.press("20:00")
    done = strip_bidi(boss.last_message().text)
    assert "Scheduled for" in done and "8:00" in done and "Cairo time" in done

    await boss.press("Done")
    await boss.send("/menu")
    await boss.press("📣 Announcements")
    label = next(label for label in boss.last_message().button_labels if "Meeting" in label)
    assert label.startswith("🕒")
    await boss.press(label)
    await boss.press("✖ Cancel the scheduled sending")
    assert boss.last_answer.text == "The scheduled announcement was cancelled."
    jobs = {job.id for job in app.dp["planner"].scheduler.get_jobs()}
    assert jobs == {"reminders:sweep", "digest:weekly"}  # no announcement job left
    assert not any("Meeting" in label for label in boss.last_message().button_labels)


async def test_arabic_calendar_speaks_arabic(tg, app):
    boss = secretariat(tg, language_code="ar")
    await focal_point(tg, app, 1071, "SO")
    await boss.send("/menu")
    await boss.press("📣 الإعلانات")
    await boss.press("➕ إعلان جديد")
    await boss.send("نص")
    await boss.press("تخطَّ ›")
    await boss.press("متابعة دون مرفق ›")
    await boss.press("جميع نقاط الاتصال")
    await boss.press("🕒 جدولة…")
    header = boss.last_message().button_labels[0]
    month = format_date(datetime.now(ZoneInfo("Africa/Cairo")), "LLLL", locale="ar")
    assert month in header


async def test_a_double_tap_handled_at_once_sends_once_and_shows_it_sent(tg, app):
    boss = secretariat(tg)
    fp = await focal_point(tg, app, 1081, "SY")
    await compose(boss, english="Twice tapped")
    await boss.press("Continue without attachment ›")
    await boss.press("All focal points")
    confirm = boss.last_message()
    send = next(b.callback_data for row in confirm.keyboard for b in row
                if b.text == "📤 Send now")
    await asyncio.gather(boss.press_data(send, message=confirm),
                         boss.press_data(send, message=confirm))
    await settle(tg, app)
    assert len(received(fp, "Twice tapped")) == 1
    assert "On its way" in strip_bidi(confirm.text)  # not back to "Ready to send"


async def test_a_scheduled_announcement_with_nobody_left_goes_back_to_drafts(tg, app):
    boss = secretariat(tg)
    await boss.send("/start")
    fp = await focal_point(tg, app, 1091, "DZ")
    async with transaction(app.pool) as session:
        chief = await users.by_telegram_id(session, boss.id)
        draft = await announcements.create_draft(session, chief)
        await announcements.set_text(session, chief, draft.id, "en", "Ghost news")
        await announcements.schedule(session, chief, draft.id,
                                     clock.now() + timedelta(minutes=5))
        person = await users.by_telegram_id(session, fp.id)
        await registration.set_suspended(session, chief, person.id, True)
        assert await announcements.fire_scheduled(session, draft.id) is None
        await session.refresh(draft)
        assert str(draft.status) == "draft" and draft.scheduled_at is None
        await registration.set_suspended(session, chief, person.id, False)
    await app.restart()
    await asyncio.sleep(0.5)
    assert not received(fp, "Ghost news")


async def test_a_person_who_blocked_the_bot_shows_as_unreachable_until_they_write(tg, app):
    boss = secretariat(tg)
    await boss.send("/menu")
    rita = await focal_point(tg, app, 1091, "LB", "English", "Rita")
    await settle(tg, app)
    tg.block(rita.id)
    await compose(boss, english="Blocked or not")
    await boss.press("Continue without attachment ›")
    await boss.press("All focal points")
    await boss.press("📤 Send now")
    await settle(tg, app)

    await boss.send("/menu")
    await boss.press("👥 Users")
    label = next(b for b in boss.last_message().button_labels if "Rita" in b)
    assert label.startswith("🚫 ")
    await boss.press(label)
    assert "Unreachable since" in strip_bidi(boss.last_message().text)

    tg.unblock(rita.id)  # she opens the chat again and writes
    await rita.send("/menu")
    await boss.send("/menu")
    await boss.press("👥 Users")
    label = next(b for b in boss.last_message().button_labels if "Rita" in b)
    assert not label.startswith("🚫")
