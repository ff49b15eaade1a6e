"""The state's answer history, and two focal points of one state answering at once."""

from zoneinfo import ZoneInfo

import pytest
from babel.dates import format_date, format_time

from sandbox.telegram import strip_bidi
from services import clock, submissions
from services.errors import NotAllowed
from storage.database import transaction
from storage.repositories import users
from tests.e2e.test_survey_inputs import BOSS, open_test_form, stored
from tests.e2e.test_surveys import focal, open_survey, text

AMMAN = ZoneInfo("Asia/Amman")
DAY = 24 * 3600


@pytest.fixture
async def inputs(app):
    return await open_test_form(app)


def today_in(zone: ZoneInfo, locale: str = "en") -> str:
    return strip_bidi(format_date(clock.now().astimezone(zone).date(), "medium", locale=locale))


def clock_in(zone: ZoneInfo) -> str:
    """Date and time as the history shows them to an English reader in `zone`."""
    moment = clock.now().astimezone(zone)
    return strip_bidi(f"{format_date(moment, 'medium', locale='en')}, "
                      f"{format_time(moment, 'short', locale='en')}")


def entries(person) -> list[str]:
    """The history entries on screen, top to bottom (each: what, then who and when)."""
    head, *body = strip_bidi(person.last_message().text).split("\n\n")
    return body


async def test_the_history_lists_changes_newest_first_with_who_and_when(tg, app, inputs):
    hala = await focal(tg, app, 3201, "JO", name="Hala")
    sami = await focal(tg, app, 3202, "JO", name="Sami")
    await open_survey(hala)
    await hala.press("⬜ Place 1")
    await hala.press("⬜ Place 4")
    await hala.press("Done ✓")
    first_day = today_in(AMMAN)
    clock.advance(2 * DAY + 3600)
    await open_survey(sami)  # resumes at the region
    before = clock_in(AMMAN)
    await sami.press("Region 2")
    await sami.send("2024-03-05")
    await sami.press("Skip ›")
    when = {before, clock_in(AMMAN)}  # the minute may turn meanwhile
    assert not when & {clock_in(ZoneInfo("UTC"))}  # so a shown time is Amman's, not UTC's
    second_day = today_in(AMMAN)
    assert first_day != second_day
    await sami.press("📨 Submit for my state")
    await sami.press("‹ Back")  # from the confirmation, back to the review (not the history)
    assert "🕓 History of changes" in sami.last_message().button_labels
    await sami.press("🕓 History of changes")
    shown = entries(sami)
    assert len(shown) == 5, shown  # each tick is saved as it is given
    assert all(entry.split("\n")[-1].removeprefix("Sami, ") in when for entry in shown[:3])
    assert shown[0].startswith("4. Remarks\n→ skipped (no answer)\nSami, " + second_day)
    assert shown[1].startswith("3. Date of the visit\n→ March 5, 2024\nSami, " + second_day)
    assert shown[2].startswith("2. Region\n→ Region 2\nSami, ")
    assert shown[3].startswith("1. Places\n→ Place 1, Place 4\nHala, " + first_day)
    assert shown[4].startswith("1. Places\n→ Place 1\nHala, " + first_day)
    assert "Older ›" not in sami.last_message().button_labels
    await sami.press("‹ Back")
    assert "📨 Submit for my state" in sami.last_message().button_labels  # the review again


async def test_a_long_history_is_paged_and_in_the_viewers_language(tg, app, inputs):
    hala = await focal(tg, app, 3203, "JO", name="Hala", language="العربية")
    await open_survey(hala, "📝 الاستبيانات")
    await hala.press("⬜ المكان 1")
    await hala.press("تم ✓")
    for region in ("المنطقة 1", "المنطقة 2", "المنطقة 3", "المنطقة 4", "المنطقة 5"):
        await hala.press(region)  # answered, then changed from the question before the date
        await hala.press("‹ السابق")
    await hala.press("المنطقة 6")
    await hala.send("٥/٣/٢٠٢٤")
    await hala.send("ملاحظة")
    await hala.press("📨 إرسال باسم دولتي")
    await hala.press("✅ نعم، أرسل")
    await hala.press("🕓 سجل التعديلات")  # 10 changes: 8 on the first page
    head = strip_bidi(hala.last_message().text)
    assert "الأحدث أولًا (الصفحة 1 من 2)" in head
    shown = entries(hala)
    assert len(shown) == 8
    assert shown[0].startswith("📨 أُرسلت باسم الدولة\nHala، " + today_in(AMMAN, "ar"))
    assert shown[1].startswith("4. ملاحظات\n← ملاحظة")
    assert shown[2].startswith("3. تاريخ الزيارة\n← 5 مارس 2024")
    assert shown[3].startswith("2. المنطقة\n← المنطقة 6")
    assert "‹ الأحدث" not in hala.last_message().button_labels
    await hala.press("الأقدم ›")
    assert "(الصفحة 2 من 2)" in strip_bidi(hala.last_message().text)
    shown = entries(hala)
    assert len(shown) == 2
    assert shown[0].startswith("2. المنطقة\n← المنطقة 1")
    assert shown[1].startswith("1. الأماكن\n← المكان 1")
    assert "الأقدم ›" not in hala.last_message().button_labels
    await hala.press("‹ الأحدث")
    assert len(entries(hala)) == 8


async def test_only_the_state_and_the_secretariat_may_read_the_history(tg, app, inputs):
    owner_chat = await focal(tg, app, 3204, "TN")
    await open_survey(owner_chat)
    await owner_chat.press("⬜ Place 5")
    await owner_chat.press("Done ✓")
    stranger_chat = await focal(tg, app, 3205, "DZ")
    async with transaction(app.pool) as session:
        owner = await users.by_telegram_id(session, owner_chat.id)
        stranger = await users.by_telegram_id(session, stranger_chat.id)
        boss = await users.by_telegram_id(session, BOSS)
        theirs = await submissions.state_submission(session, owner, inputs.id)
        with pytest.raises(NotAllowed):
            await submissions.changes(session, stranger, theirs.id)
        seen = await submissions.changes(session, boss, theirs.id)
        assert [(c.action, c.question, c.value, c.by) for c in seen.changes] == [
            ("answer", "places", ["p05"], "Focal")]


async def test_a_choice_changed_by_two_focal_points_at_once_is_never_overwritten(
        tg, app, inputs):
    hala = await focal(tg, app, 3206, "KW", name="Hala")
    sami = await focal(tg, app, 3207, "KW", name="Sami")
    await open_survey(hala)
    await hala.press("⬜ Place 1")
    await hala.press("Done ✓")
    await open_survey(sami)  # both now look at the region, still unanswered
    assert "Region" in text(hala) and "Region" in text(sami)
    await sami.press("Region 3")
    await hala.press("Region 5")  # Hala's screen predates Sami's answer
    notice = strip_bidi(hala.messages()[-2].text)
    assert "changed this answer meanwhile" in notice and "It is now: Region 3" in notice
    assert "Current answer: Region 3" in text(hala) and "Last changed by Sami" in text(hala)
    assert (await stored(app, hala, inputs))["region"] == "r03"
    await hala.press("Region 5")  # now knowingly
    assert (await stored(app, hala, inputs))["region"] == "r05"
    assert "Date of the visit" in text(hala)


async def test_a_text_changed_by_two_focal_points_at_once_is_never_overwritten(
        tg, app, inputs):
    hala = await focal(tg, app, 3208, "QA", name="Hala")
    sami = await focal(tg, app, 3209, "QA", name="Sami")
    await open_survey(hala)
    await hala.press("⬜ Place 1")
    await hala.press("Done ✓")
    await hala.press("Region 1")
    await hala.send("2024-01-01")
    await open_survey(sami)
    assert "Remarks" in text(hala) and "Remarks" in text(sami)
    await sami.send("Written by Sami")
    await hala.send("Written by Hala")
    notice = strip_bidi(hala.messages()[-2].text)
    assert "It is now: Written by Sami" in notice
    assert "Current answer: Written by Sami" in text(hala)
    assert (await stored(app, hala, inputs))["remarks"] == "Written by Sami"
    await sami.press("✏️ 4")  # Sami edits it again from the review while Hala decides
    await sami.send("Sami, second thoughts")
    await hala.send("Written by Hala")  # shown Sami's first text: refused again
    assert "It is now: Sami, second thoughts" in strip_bidi(hala.messages()[-2].text)
    await hala.send("Written by Hala")
    assert (await stored(app, hala, inputs))["remarks"] == "Written by Hala"
    async with transaction(app.pool) as session:
        owner = await users.by_telegram_id(session, hala.id)
        submission = await submissions.state_submission(session, owner, inputs.id)
        history = await submissions.changes(session, owner, submission.id)
    remarks = [(c.by, c.value) for c in reversed(history.changes) if c.question == "remarks"]
    assert remarks == [("Sami", "Written by Sami"), ("Sami", "Sami, second thoughts"),
                       ("Hala", "Written by Hala")]
