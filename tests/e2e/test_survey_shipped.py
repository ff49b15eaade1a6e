"""The shipped questionnaires answered in full in the chat, as member states will answer them."""

from datetime import date
from zoneinfo import ZoneInfo

from sandbox.telegram import strip_bidi
from services import clock, form_catalog, registration, submissions
from storage.database import transaction
from storage.repositories import users
from tests.e2e.test_surveys import focal, text

ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


async def open_shipped(app, key: str, boss_id: int):
    """The form as `load-data` registers it, opened by the secretariat."""
    async with transaction(app.pool) as session:
        boss = await registration.bootstrap_secretariat(
            session, registration.Profile(boss_id, "Secretariat"), "en")
        loaded = await form_catalog.load_shipped(session)
        assert loaded.added == 0 and loaded.unchanged >= 2  # already there, as after load-data
        form = next(f for f in await form_catalog.list_forms(session, boss) if f.key == key)
        await form_catalog.open_form(session, boss, form.id, None)
    return form


async def start(person, menu: str, title_part: str) -> None:
    await person.send("/menu")
    await person.press(menu)
    await person.press(next(b for b in person.last_message().button_labels if title_part in b))


async def state_answers(app, person, form) -> tuple[str, dict]:
    async with transaction(app.pool) as session:
        owner = await users.by_telegram_id(session, person.id)
        submission = await submissions.state_submission(session, owner, form.id)
        values = submissions.values_of(await submissions.answers_of(session, submission))
        return str(submission.status), values


async def read_review(person, later: str) -> str:
    """Every page of the review, as one text."""
    pages = [text(person)]
    while later in person.last_message().button_labels:
        await person.press(later)
        pages.append(text(person))
    return "\n".join(pages)


def today_in(zone: str) -> date:
    return clock.now().astimezone(ZoneInfo(zone)).date()


async def test_the_arcp_evaluation_answered_in_english_and_in_arabic_by_two_states(tg, app):
    form = await open_shipped(app, "arcp_evaluation", 47)
    egypt = await focal(tg, app, 3301, "EG", name="Mona")
    morocco = await focal(tg, app, 3302, "MA", language="العربية", name="يوسف")

    # Egypt, in English: every question applies
    await start(egypt, "📝 Questionnaires", "Questionnaire evaluating")
    assert "item 9 of the 2024-2025 action plan" in text(egypt)
    await egypt.press("Next ›")
    assert "Participation in the Process" in text(egypt) and "1 / 13" in text(egypt)
    await egypt.press("⬜ 9th meeting (May 2023)")
    await egypt.press("⬜ 10th meeting (May 2024)")
    await egypt.press("Done ✓")
    assert "Who usually represented your state" in text(egypt) and "2 / 17" in text(egypt)
    await egypt.press("The national focal point of the Process")
    await egypt.press("Yes")
    await egypt.press("4 - Useful")
    assert "The meetings" in text(egypt)
    await egypt.press("5 - Very useful")
    await egypt.press("⬜ Labour migration")
    await egypt.press(">")
    await egypt.press("⬜ Follow-up of the Global Compact on Refugees")
    await egypt.press("<")
    assert "☑️ Labour migration" in egypt.last_message().button_labels
    await egypt.press("Done ✓")
    await egypt.press("To some extent")
    assert "Topics and outputs" in text(egypt)
    await egypt.press("⬜ Climate-related mobility")
    await egypt.press(">")
    await egypt.press("⬜ Other")
    await egypt.press("Done ✓")
    await egypt.send("Return and reintegration")
    await egypt.press("⬜ The annual World Refugee Day statement (20 June)")
    await egypt.press("Done ✓")
    assert "National coordination" in text(egypt)
    await egypt.press("Yes")
    assert "Briefly describe this mechanism" in text(egypt)
    assert "Type your answer and send it." in text(egypt)
    await egypt.send("A national committee chaired by the Ministry of Foreign Affairs.")
    await egypt.press("Yes")
    await egypt.press("4 - Good")
    await egypt.press("⬜ Email")
    await egypt.press("Done ✓")
    await egypt.press("An annual meeting plus extraordinary meetings when needed")
    await egypt.send("Joint training for border and labour officials.")
    await egypt.send("Mona Adel, focal point, mona@example.org")
    assert "Date of completion" in text(egypt) and "18 / 19" in text(egypt)
    await egypt.send(f"{today_in('Africa/Cairo'):%d/%m/%Y}")
    await egypt.press("✓ I confirm")
    review = await read_review(egypt, "Later questions ›")
    assert "(page 1 of 3)" in review and "(page 3 of 3)" in review
    assert "→ 9th meeting (May 2023), 10th meeting (May 2024)" in review
    assert "→ Climate-related mobility, Other: Return and reintegration" in review
    assert "All required questions are answered" in review
    await egypt.press("📨 Submit for my state")
    await egypt.press("✅ Yes, submit")
    assert egypt.last_answer.text == "Submitted. Thank you."

    # Morocco, in Arabic: took part in no meeting, so the questions about them do not apply
    await start(morocco, "📝 الاستبيانات", "استبيان تقييم")
    await morocco.press("التالي ›")
    assert "في أي من الاجتماعات السنوية لعملية التشاور شاركت دولتك؟" in text(morocco)
    assert "اختر كل ما ينطبق." in text(morocco)
    await morocco.press("⬜ الاجتماع العاشر (مايو/أيار 2024)")
    await morocco.press("⬜ لم تشارك في أي منها")
    await morocco.press("تم ✓")
    assert strip_bidi(morocco.messages()[-2].text) == (
        "لا يمكن الجمع بين «لم تشارك في أي منها» واجتماعات أخرى.")
    await morocco.press("☑️ الاجتماع العاشر (مايو/أيار 2024)")
    await morocco.press("تم ✓")
    assert "هل شارك مسؤولون من دولتك" in text(morocco) and "2 / 13" in text(morocco)
    await morocco.press("لا")
    assert "الموضوعات والمخرجات" in text(morocco)
    await morocco.press("⬜ الهجرة غير النظامية")
    await morocco.press(">")
    await morocco.press("⬜ مكافحة الاتجار بالبشر وتهريب المهاجرين")
    await morocco.press("تم ✓")
    await morocco.press("⬜ لم تستفد من أي منها")
    await morocco.press("تم ✓")
    await morocco.press("لا")  # no national mechanism: no description asked
    assert "هل سمّت دولتك رسمياً نقطة اتصال" in text(morocco)
    await morocco.press("نعم")
    await morocco.press("3 - مقبول")
    await morocco.press("تخطَّ ›")  # preferred channels are optional
    await morocco.press("اجتماعان في السنة")
    assert "اكتب إجابتك وأرسلها." in text(morocco)
    await morocco.send("عقد ورش عمل إقليمية حول إدارة الحدود.")
    await morocco.send("يوسف العلمي، نقطة الاتصال")
    await morocco.send("٣٠/٠٢/٢٠٢٤")  # no such day
    assert "اكتب التاريخ بالصيغة" in strip_bidi(morocco.messages()[-2].text)
    await morocco.send("2999-01-01")
    assert strip_bidi(morocco.messages()[-2].text) == (
        "لا يمكن أن يكون تاريخ الاستيفاء في المستقبل.")
    day = today_in("Africa/Casablanca")
    await morocco.send(f"{day.day}/{day.month}/{day.year}".translate(ARABIC_DIGITS))
    await morocco.press("✓ أؤكد")
    review = await read_review(morocco, "الأسئلة التالية ›")
    assert "← لم تشارك في أي منها" in review
    assert "← الهجرة غير النظامية، مكافحة الاتجار بالبشر وتهريب المهاجرين" in review
    await morocco.press("📨 إرسال باسم دولتي")
    await morocco.press("✅ نعم، أرسل")
    assert morocco.last_answer.text == "تم الإرسال. شكرًا لك."

    status, values = await state_answers(app, egypt, form)
    assert status == "submitted"
    assert values == {
        "meetings_attended": ["m9", "m10"],
        "delegation_level": "focal_point",
        "workshops_attended": "yes",
        "workshops_usefulness": "4",
        "meetings_usefulness": "5",
        "topics_covered": ["labour_migration", "gcr_follow_up"],
        "experience_exchange": "partly",
        "topics_missing": ["climate_mobility", "other"],
        "topics_missing_other": "Return and reintegration",
        "outputs_used": ["refugee_day_statement"],
        "national_mechanism": "yes",
        "mechanism_description":
            "A national committee chaired by the Ministry of Foreign Affairs.",
        "focal_point_designated": "yes",
        "secretariat_communication": "4",
        "preferred_channels": ["email"],
        "meeting_frequency": "annual_extraordinary",
        "suggestions": "Joint training for border and labour officials.",
        "contact": "Mona Adel, focal point, mona@example.org",
        "filled_on": today_in("Africa/Cairo").isoformat(),
        "confirmation": "OK",
    }
    status, values = await state_answers(app, morocco, form)
    assert status == "submitted"
    assert values == {
        "meetings_attended": ["none"],
        "workshops_attended": "no",
        "topics_missing": ["irregular_migration", "trafficking_smuggling"],
        "outputs_used": ["none"],
        "national_mechanism": "no",
        "focal_point_designated": "yes",
        "secretariat_communication": "3",
        "meeting_frequency": "twice_yearly",
        "suggestions": "عقد ورش عمل إقليمية حول إدارة الحدود.",
        "contact": "يوسف العلمي، نقطة الاتصال",
        "filled_on": today_in("Africa/Casablanca").isoformat(),
        "confirmation": "OK",
    }
    async with transaction(app.pool) as session:
        boss = await users.by_telegram_id(session, 47)
        progress = {p.code: p.status for p in await form_catalog.progress(session, boss, form.id)}
    assert progress["EG"] == progress["MA"] == "submitted"
    assert progress["JO"] == "not-started"


async def test_the_regional_processes_request_answered_in_arabic(tg, app):
    form = await open_shipped(app, "regional_processes", 48)
    saudi = await focal(tg, app, 3303, "SA", language="العربية", name="ريم")
    await start(saudi, "📝 الاستبيانات", "عمليات التشاور الإقليمية")
    assert "للبند الأول من خطة عمل 2024-2025" in text(saudi)
    await saudi.press("التالي ›")
    assert "التي تقترح دولتك دعوتها" in text(saudi) and "اختر كل ما ينطبق" in text(saudi)
    await saudi.press("تم ✓")
    assert strip_bidi(saudi.messages()[-2].text) == "اختر عملية واحدة على الأقل."
    await saudi.press("⬜ حوار أبو ظبي")
    await saudi.press("⬜ عملية الخرطوم")
    await saudi.press(">")
    await saudi.press("⬜ عملية بويبلا (المؤتمر الإقليمي حول الهجرة)")
    await saudi.press("تم ✓")
    assert "لماذا ترى أهمية دعوة هذه العمليات" in text(saudi)
    assert "اكتب إجابتك وأرسلها." in text(saudi)
    await saudi.send("لتبادل الخبرات في تنظيم هجرة العمالة.")
    await saudi.press("تخطَّ ›")
    await saudi.send("ريم الحربي، مديرة إدارة التعاون الدولي")
    await saudi.send("reem at example")
    assert strip_bidi(saudi.messages()[-2].text) == (
        "أدخل عنوان بريد إلكتروني صحيحًا، مثل name@example.org")
    await saudi.send("reem@example.org")
    review = text(saudi)
    assert ("← حوار أبو ظبي، عملية الخرطوم، عملية بويبلا (المؤتمر الإقليمي حول الهجرة)"
            in review)
    await saudi.press("📨 إرسال باسم دولتي")
    await saudi.press("✅ نعم، أرسل")
    status, values = await state_answers(app, saudi, form)
    assert status == "submitted"
    assert values == {
        "processes": ["abu_dhabi_dialogue", "khartoum_process", "puebla_process"],
        "reasons": "لتبادل الخبرات في تنظيم هجرة العمالة.",
        "contact_name": "ريم الحربي، مديرة إدارة التعاون الدولي",
        "contact_email": "reem@example.org",
    }
