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
    [many] لا يمكن استخدام الاستبيان؛ توجد { $count } مشكلةً:
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
    ⏳ لم تبدأ ({ $not_started_count }): { $not_started }
# between the names of states in a list
forms-list-separator = {"، "}
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
    [zero] لم تُجب أي دولة
    [one] أجابت دولة واحدة
    [two] أجابت دولتان
    [few] أجابت { $count } دول
    [many] أجابت { $count } دولةً
   *[other] أجابت { $count } دولة
}
forms-summary-numbers = المتوسط { $mean } (الأدنى { $low }، الأعلى { $high })
forms-summary-dates = الأقدم { DATETIME($earliest, dateStyle: "long") }، الأحدث { DATETIME($latest, dateStyle: "long") }
# below a chart's caption when a question has too many options to draw them all
forms-chart-top = الخيارات الأكثر اختيارًا: { $shown } من { $count }.
forms-export-caption = { $count ->
    [zero] لم تبدأ أي دولة بعد: يحتوي الملف على العناوين فقط.
    [one] إجابات دولة واحدة، صف لكل دولة (مع الإشارة إلى المسودات).
    [two] إجابات دولتين، صف لكل دولة (مع الإشارة إلى المسودات).
    [few] إجابات { $count } دول، صف لكل دولة (مع الإشارة إلى المسودات).
    [many] إجابات { $count } دولةً، صف لكل دولة (مع الإشارة إلى المسودات).
   *[other] إجابات { $count } دولة، صف لكل دولة (مع الإشارة إلى المسودات).
} يذكر صف العناوين الثاني اسم كل عمود، وهو نفسه في كل اللغات.
# headers and words inside exported files
forms-export-column = { $column ->
    [state_code] رمز الدولة
    [state] الدولة
    [status] الحالة
   *[submitted_at] تاريخ الإرسال (UTC)
}
forms-export-status = { $status ->
    [submitted] أُرسلت
    [returned] أُعيدت
    [accepted] قُبلت
    [circulated] عُمِّمت
   *[draft] مسودة
}
forms-export-other = (أخرى)
forms-export-ok = موافق
forms-export-separator = {"، "}
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
