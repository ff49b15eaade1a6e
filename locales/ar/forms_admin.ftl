## الأمانة الفنية

menu-forms = 🗂 الاستبيانات
forms-list = <b>الاستبيانات</b>
    { $count ->
        [0] لا شيء بعد.
       *[other] 🟢 مفتوح · 📄 لم يُفتح بعد · 🔒 مغلق
    }
forms-upload = ⬆️ نشر استبيان جديد (.xlsx)
forms-ask-upload = أرسل الاستبيان في جدول XLSForm ‏(.xlsx، كما في KoBoToolbox وODK)، مع العناوين بالعربية والإنجليزية (label::Arabic (ar)، label::English (en)). سيُفحص ثم يُعرض هنا قبل فتحه.
forms-upload-refused = { $reason ->
    [too-big] هذا الملف كبير جدًا (2 ميغابايت على الأكثر).
   *[not-xlsx] يرجى إرسال ملف ‎.xlsx‎ كمستند.
}
forms-upload-problems = { $count ->
    [one] لا يمكن استخدام الاستبيان؛ توجد مشكلة واحدة:
    [two] لا يمكن استخدام الاستبيان؛ توجد مشكلتان:
    [few] لا يمكن استخدام الاستبيان؛ توجد { $count } مشكلات:
   *[other] لا يمكن استخدام الاستبيان؛ توجد { $count } مشكلة:
}
    { $problems }
forms-uploaded = فُحص الاستبيان «{ $title }» (الإصدار { $version }) وحُفظ. لم يُفتح بعد.
forms-upload-known = سبق نشر هذا الاستبيان («{ $title }»، الإصدار { $version }).
forms-detail =
    <b>{ $title }</b> · الإصدار { $version }
    { $status ->
        [open] 🟢 مفتوح
        [closed] 🔒 مغلق
       *[draft] 📄 لم يُفتح بعد
    } — عدد الأسئلة: { $questions }
    ✅ أرسلت ({ $submitted_count }): { $submitted }
    ✍️ قيد الإعداد ({ $in_progress_count }): { $in_progress }
    ⏳ لم تبدأ: { $not_started_count }
forms-open = 🟢 فتح حتى…
forms-close = 🔒 إغلاق الآن
forms-closed = أُغلق الاستبيان؛ والإجابات محفوظة.
forms-ask-close-date = حتى أي يوم يمكن للدول الأعضاء الإجابة عن «{ $title }»؟ (حتى 23:59 بتوقيت { $zone })
forms-refused = { $reason ->
    [not-in-future] يرجى اختيار يوم في المستقبل.
   *[other] لا يمكن القيام بذلك الآن.
}
forms-summaries = 📊 الملخصات والرسوم البيانية
forms-export-xlsx = ⬇️ ‏Excel ‏(.xlsx)
forms-export-csv = ⬇️ CSV
forms-summary-none = لم ترسل أي دولة إجاباتها بعد.
forms-summary-answered = { $count ->
    [one] أجابت دولة واحدة
    [two] أجابت دولتان
    [few] أجابت { $count } دول
   *[other] أجابت { $count } دولة
}
forms-summary-numbers = المتوسط { $mean } (الأدنى { $low }، الأعلى { $high })
forms-export-caption = { $count ->
    [one] إجابات دولة واحدة
    [two] إجابات دولتين
    [few] إجابات { $count } دول
   *[other] إجابات { $count } دولة
}، صف لكل دولة (مع الإشارة إلى المسودات).
forms-outline = 👁 معاينة الأسئلة
forms-type = { $type ->
    [integer] عدد صحيح
    [decimal] رقم
    [date] تاريخ
    [select_one] اختيار واحد
    [select_multiple] عدة اختيارات
    [note] ملاحظة
    [acknowledge] تأكيد
    [file] مستند
   *[text] نص
}
