"""The sandbox page in a real browser, used as a person would: an Arabic newcomer joins and
answers part of the evaluation questionnaire, the secretariat sends an announcement that then
arrives in the newcomer's chat, and an English focal point sees a reminder after fast-forwarding
the clock. Screenshots of both languages are kept as artifacts."""

import json
import re
from urllib.request import urlopen

from playwright.sync_api import expect

from tests.browser.phone import Phone

ANNOUNCEMENT = "اجتماع التنسيق الإقليمي يوم 10 مايو في القاهرة"
AGENDA = "جدول أعمال الاجتماع.pdf"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
MECHANISM = "لجنة وطنية برئاسة وزارة الخارجية تجتمع كل ثلاثة أشهر."


def people(url: str) -> list[dict]:
    with urlopen(f"{url}api/people", timeout=10) as answer:
        return json.load(answer)["people"]


def someone(url: str, role: str, language: str) -> int:
    return next(p["id"] for p in people(url) if p["role"] == role and p["language"] == language)


def arrived(page, bubbles, before: int, seconds: float = 3.0) -> bool:
    """Whether more of these bubbles are shown within a few seconds."""
    for _ in range(int(seconds * 10)):
        if bubbles.count() > before:
            return True
        page.wait_for_timeout(100)
    return False


def kept(path) -> None:
    assert path.is_file() and path.stat().st_size > 1000, f"no screenshot at {path}"


def test_arabic_newcomer_joins_answers_and_receives_the_secretariats_announcement(
        page, sandbox, artifacts):
    newcomer = someone(sandbox.url, "newcomer", "ar")
    boss = someone(sandbox.url, "secretariat", "ar")
    phone = Phone(page, sandbox.url)
    phone.open()

    phone.choose(newcomer)
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_test_id("text")).to_be_hidden()  # an empty chat offers START only
    phone.start()
    phone.press("العربية")
    phone.press("✅ انضمام")
    # the picker now calls them what they are (it asks the server every few seconds)
    expect(phone.person(newcomer)).to_contain_text("نقطة اتصال", timeout=15_000)

    phone.type("/menu")
    phone.press("📝 الاستبيانات")
    phone.press(re.compile("استبيان تقييم"))
    phone.press("التالي ›")
    expect(phone.bubbles().last).to_contain_text("في أي من الاجتماعات السنوية")
    phone.press("⬜ لم تشارك في أي منها")
    phone.press("تم ✓")
    phone.press("لا")  # no workshop attended
    expect(phone.bubbles().last).to_contain_text("الموضوعات والمخرجات")
    phone.press("⬜ الهجرة غير النظامية")
    phone.press("تم ✓")
    phone.press("⬜ لم تستفد من أي منها")
    phone.press("تم ✓")
    phone.press("نعم")  # a national mechanism exists: describe it
    expect(phone.bubbles().last).to_contain_text("اكتب إجابتك وأرسلها.")
    phone.type(MECHANISM)
    expect(phone.bubble_with(MECHANISM)).to_have_count(1)  # the user's own bubble, as typed
    # the bot edits its question in place rather than sending a new one each step
    assert page.get_by_test_id("edited").count() >= 1
    assert phone.bubbles().count() < 12
    # RTL: the bot speaks from the right, the person from the left
    bot_box = page.locator(".from-bot [data-testid=bubble]").last.bounding_box()
    user_box = phone.bubble_with(MECHANISM).bounding_box()
    assert bot_box["x"] + bot_box["width"] > user_box["x"] + user_box["width"]
    kept(phone.screenshot(artifacts / "ar-survey.png"))

    phone.press("💾 حفظ وخروج")
    alert = page.get_by_test_id("alert")  # the bot's show_alert answer: a modal with OK
    expect(alert).to_contain_text("حُفظت إجاباتك")
    page.get_by_test_id("alert-ok").click()
    expect(alert).to_be_hidden()

    phone.choose(boss)
    if page.get_by_test_id("start").is_visible():
        phone.start()
    else:
        phone.type("/menu")
    phone.press("📣 الإعلانات")
    phone.press("➕ إعلان جديد")
    phone.type(ANNOUNCEMENT)
    phone.press("تخطَّ ›")  # no English version
    phone.attach(AGENDA, "application/pdf", PDF)
    expect(phone.bubbles().last).to_contain_text("إلى من يُرسل؟")  # the file was taken
    phone.press("جميع نقاط الاتصال")
    # the preview, exactly as focal points will get it: the document with the text as caption
    expect(phone.bubble_with(ANNOUNCEMENT).get_by_test_id("document")).to_contain_text(AGENDA)
    phone.press("📤 إرسال الآن")

    # it arrives while the secretariat's chat is on screen: the newcomer's dot lights up
    expect(phone.person(newcomer).get_by_test_id("unread")).to_be_visible(timeout=15_000)
    phone.choose(newcomer)
    expect(phone.bubble_with(ANNOUNCEMENT)).to_have_count(1, timeout=10_000)
    expect(phone.bubble_with(MECHANISM)).to_have_count(1)  # the chat was kept meanwhile
    expect(phone.person(newcomer).get_by_test_id("unread")).to_be_hidden()
    card = phone.bubble_with(ANNOUNCEMENT).get_by_test_id("document")
    expect(card).to_contain_text(AGENDA)
    download = card.get_by_test_id("download")
    assert page.request.get(download.get_attribute("href")).body() == PDF
    kept(phone.screenshot(artifacts / "ar-announcement.png"))


def test_english_focal_point_sees_a_reminder_after_fast_forwarding(page, sandbox, artifacts):
    focal = next(p for p in people(sandbox.url)
                 if p["role"] == "focal_point" and p["language"] == "en")
    phone = Phone(page, sandbox.url)
    phone.open()
    phone.choose(focal["id"])
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.get_by_test_id("clock-day")).to_have_text("+1 day")
    phone.advance("hour")
    reminder = phone.bubbles().filter(has_text="Reminder")
    before = reminder.count()
    for _day in range(8):
        phone.advance("day")
        if arrived(page, reminder, before):
            break
    assert reminder.count() > before, "no reminder after eight days fast-forwarded"
    expect(reminder.last).to_contain_text("evaluat")
    page.get_by_test_id("keyboard").last.scroll_into_view_if_needed()
    kept(phone.screenshot(artifacts / "en-reminder.png"))
