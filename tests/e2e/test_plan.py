"""The action plan in the chat: browsed by focal points in both languages, imported by the
secretariat."""

import json
from datetime import UTC, datetime

from sandbox.telegram import strip_bidi
from services import clock
from tests.e2e.flows import secretariat
from tests.e2e.test_surveys import focal
from tests.unit.test_action_plan import next_plan

DASH = "\u2009–\u2009"  # how Babel joins the two ends of a span in English


def text(person) -> str:
    return strip_bidi(person.last_message().text)


def labels(person) -> list[str]:
    return [strip_bidi(label) for label in person.last_message().button_labels]


async def press_starting(person, start: str) -> None:
    await person.press(next(label for label in labels(person) if label.startswith(start)))


def plan_file(**changes) -> bytes:
    return json.dumps(next_plan() | changes, ensure_ascii=False).encode()


async def test_a_focal_point_browses_the_plan_in_arabic(tg, app):
    clock.freeze(datetime(2025, 5, 1, 9, tzinfo=UTC))
    fp = await focal(tg, app, 6001, "MA", language="العربية")
    await fp.send("/menu")
    await fp.press("📋 خطة العمل")
    main = text(fp)
    assert "خطة عمل عملية التشاور العربية الإقليمية حول الهجرة واللجوء (ARCP) 2024-2025" in main
    assert "يناير 2024 – ديسمبر 2025" in main
    assert "المواعيد القادمة" in main
    assert "• الربع الثاني 2025 — الاجتماع الحادي عشر لعملية التشاور" in main
    assert "• 20 يونيو 2025 — اليوم العالمي للاجئين: بيان عملية التشاور (كل عام)" in main
    assert ("• ديسمبر 2025 — اجتماع المسؤولين رفيعي المستوى بشأن الاتفاق العالمي للاجئين، "
            "جنيف") in main
    assert "للخطة 9 بنود" in main
    items = [label for label in labels(fp) if label[0].isdigit()]
    assert [label.split(".")[0] for label in items] == [str(n) for n in range(1, 10)]
    assert items[0] == "1. تبادل المعلومات والتجارب والخبرات"

    await press_starting(fp, "9. ")
    item = text(fp)
    assert item.startswith("البند 9 — تطوير أداء عملية التشاور العربية الإقليمية")
    assert "النشاطان" in item
    assert "1. 🏛 الأمانة العامة · 2025\nتقوم الأمانة العامة بإعداد استبيان لتقييم عمل" in item
    assert "2. 🌍 الدول الأعضاء · 2025\nتقوم الدول الأعضاء بملء الاستبيان" in item
    assert "الصفحة" not in item  # one page is enough
    await fp.press("‹ كل البنود")
    await press_starting(fp, "5. ")
    item = text(fp)
    assert "🤝 الدول الأعضاء والأمانة العامة · 2024–2025" in item
    assert "المواعيد\n• 20 يونيو 2025 — اليوم العالمي للاجئين" in item
    await fp.press("‹ كل البنود")
    await press_starting(fp, "2. ")
    assert "• 3–4 يوليو 2024 — المؤتمر الإقليمي الثاني لاستعراض" in text(fp)
    assert "، القاهرة" in text(fp)


async def test_a_focal_point_browses_the_plan_in_english(tg, app):
    clock.freeze(datetime(2026, 11, 26, 12, tzinfo=UTC))  # after the plan: the newest one shows
    fp = await focal(tg, app, 6002, "OM")
    await fp.send("/menu")
    await fp.press("📋 Action plan")
    main = text(fp)
    assert "Action plan of the Arab Regional Consultative Process" in main
    assert "• 2026 — International Migration Review Forum (IMRF)" in main  # this year
    assert "• June 20, 2027 — World Refugee Day: the consultative process's statement " \
           "(every year)" in main
    assert "The plan's 9 items" in main
    assert "⬆️ Import a plan (.json)" not in labels(fp)
    await press_starting(fp, "9. ")
    item = text(fp)
    assert item.startswith("Item 9 — Improving the performance of the Arab Regional")
    assert "Activities (2)" in item
    assert "1. 🏛 The secretariat · 2025\nThe secretariat prepares a questionnaire" in item
    assert "2. 🌍 The member states · 2025\nMember states fill in the questionnaire" in item
    await fp.press("‹ All items")
    await press_starting(fp, "2. ")
    item = text(fp)
    assert "Dates\n• April 2024 — Global Compact for Migration talks" in item
    assert f"• Jul 3{DASH}4, 2024 — Second regional review conference of the Global Compact " \
           "for Safe, Orderly and Regular Migration in the Arab region, Cairo" in item
    assert "• September 2024 — Outcome document of the regional review" in item


async def test_the_secretariat_imports_a_new_plan_and_it_is_browsed_in_pages(tg, app):
    clock.freeze(datetime(2026, 3, 1, 9, tzinfo=UTC))
    boss = secretariat(tg)
    await boss.send("/menu")
    await boss.press("📋 Action plan")
    assert "Action plan of the Arab Regional" in text(boss)  # none running: the newest
    await boss.press("⬆️ Import a plan (.json)")
    assert "Send the new action plan as a .json file" in text(boss)

    long_item = {"number": 3, "title": {"ar": "بند طويل", "en": "A long item"},
                 "activities": [{"ar": f"نشاط {n} " + "ن" * 1900,
                                 "en": f"Activity {n} " + "a" * 1900,
                                 "actor": "secretariat", "period": "2026"} for n in range(1, 5)]}
    plan = next_plan()
    plan["items"].append(long_item)
    await boss.upload(json.dumps(plan, ensure_ascii=False).encode(), "plan-2026-2027.json",
                      "application/json")
    preview = text(boss)
    assert "ARCP action plan 2026-2027 (key 2026-2027)" in preview
    assert f"January 2026{DASH}December 2027" in preview
    assert "3 items, 6 activities, 2 dated events." in preview
    assert "This is a new plan. Import it?" in preview
    await boss.press("✅ Import")
    assert strip_bidi(boss.messages()[-2].text) == \
        "✅ Action plan imported: “ARCP action plan 2026-2027”."
    main = text(boss)
    assert main.startswith("📋 ARCP action plan 2026-2027")  # it runs now
    assert "• 2nd quarter 2026 — 12th meeting" in main
    assert "• June 20, 2026 — World Refugee Day (every year)" in main

    await press_starting(boss, "3. ")
    first = text(boss)
    assert first.startswith("Item 3 — A long item · page 1/")
    assert "Activity 1 " in first and "Activity 4 " not in first
    while "Next page ›" in labels(boss):
        await boss.press("Next page ›")
    last = text(boss)
    assert "Activity 4 " in last and "Activity 1 " not in last
    assert all(len(m.text) <= 4096 for m in boss.messages())
    await boss.press("‹ Previous page")
    assert "· page" in text(boss)

    await boss.press("‹ All items")
    await boss.press("⬆️ Import a plan (.json)")
    await boss.upload(json.dumps(plan, ensure_ascii=False).encode(), "again.json",
                      "application/json")
    assert "already exactly this; importing changes nothing" in text(boss)
    await boss.press("Cancel")
    assert text(boss).startswith("📋 ARCP action plan 2026-2027")


async def test_bad_files_get_clear_messages_and_nothing_is_imported(tg, app):
    boss = secretariat(tg, language_code="ar")
    await boss.send("/menu")
    await boss.press("📋 خطة العمل")
    await boss.press("⬆️ استيراد خطة (.json)")
    await boss.send_photo(b"\xff\xd8 a photo")
    assert "هذه صورة" in boss.messages()[-2].text
    await boss.upload(b"key,title\n", "plan.csv", "text/csv")
    assert "هذا ليس ملف" in boss.messages()[-2].text
    await boss.upload(b" " * (1024 * 1024 + 1), "big.json", "application/json")
    assert "كبير جدًا" in boss.messages()[-2].text
    await boss.send("2026-2027")
    assert "يرجى إرسال الخطة في ملف" in boss.messages()[-2].text
    await boss.upload(b'{"key": "2026-2027",', "broken.json", "application/json")
    assert "ليس JSON صالحًا (السطر 1، العمود 21)" in strip_bidi(boss.messages()[-2].text)

    bad = next_plan()
    del bad["items"][0]["title"]["en"]
    bad["events"][1]["item"] = 7
    bad["items"][1]["activities"][0]["actor"] = "states"
    await boss.upload(json.dumps(bad).encode(), "bad.json", "application/json")
    problems = strip_bidi(boss.messages()[-2].text)
    assert problems.startswith("لا يمكن استخدام ملف الخطة هذا؛ توجد 3 مشكلات:")
    assert "• items[1].title.en: مفقود" in problems
    assert "• items[2].activities[1].actor: يجب أن يكون أحد: secretariat, member_states, " \
           "both" in problems
    assert "• events[2].item: لا يوجد بند بهذا الرقم" in problems
    assert "أرسل خطة العمل الجديدة" in text(boss)  # still waiting for a good file
    await boss.press("‹ رجوع")
    assert "2024-2025" in text(boss) and "2026-2027" not in text(boss)


async def test_a_focal_point_cannot_import(tg, app):
    fp = await focal(tg, app, 6003, "KW")
    await fp.send("/menu")
    await fp.press("📋 Action plan")
    screen = fp.last_message()
    assert not any("Import" in label for label in labels(fp))
    intent = screen.keyboard[0][0].callback_data.split("\x1d")[0]
    await fp.press_data(f"{intent}\x1dimp", message=screen)
    assert fp.last_answer.text == "This is not available to you."
    assert all("Send the new action plan" not in m.text for m in fp.messages())
    await fp.upload(plan_file(), "plan.json", "application/json")
    assert "I did not understand that" in fp.messages()[-2].text
    await fp.send("/menu")
    await fp.press("📋 Action plan")
    assert "2026-2027" not in text(fp)
