## خطة العمل

plan-menu = 📋 خطة العمل
plan-none =
    <b>خطة العمل</b>
    لم تُحمَّل أي خطة عمل بعد.
plan-main =
    📋 <b>{ $title }</b>
    { $period }
plan-upcoming-head = <b>المواعيد القادمة</b>
plan-upcoming-none = لا مواعيد قادمة في هذه الخطة.
plan-event = • { $when } — { $title }{ $has_place ->
    [yes] ، { $place }
   *[no] {""}
}{ $yearly ->
    [yes] {" "}(كل عام)
   *[no] {""}
}
plan-items-head = { $count ->
    [zero] لا تتضمن الخطة أي بند.
    [one] للخطة بند واحد — اضغطه لقراءة أنشطته:
    [two] للخطة بندان — اضغط أحدهما لقراءة أنشطته:
    [few] للخطة { $count } بنود — اضغط أحدها لقراءة أنشطته:
    [many] للخطة { $count } بندًا — اضغط أحدها لقراءة أنشطته:
   *[other] للخطة { $count } بند — اضغط أحدها لقراءة أنشطته:
}
plan-item-head =
    <b>البند { $number }</b> — { $title }{ $pages ->
        [1] {""}
       *[other] {" "}· الصفحة { $page }/{ $pages }
    }
plan-item-gone = لم يعد هذا البند جزءًا من الخطة.
plan-activities-head = { $count ->
    [zero] <b>لا أنشطة</b>
    [one] <b>النشاط</b>
    [two] <b>النشاطان</b>
    [few] <b>الأنشطة ({ $count })</b>
    [many] <b>الأنشطة ({ $count } نشاطًا)</b>
   *[other] <b>الأنشطة ({ $count } نشاط)</b>
}
plan-activity =
    <b>{ $number }.</b> { $actor ->
        [secretariat] 🏛 الأمانة العامة
        [member_states] 🌍 الدول الأعضاء
       *[both] 🤝 الدول الأعضاء والأمانة العامة
    } · { $when }
    { $text }
plan-year = { $year }
plan-years = { $first }–{ $last }
plan-events-head = <b>المواعيد</b>
plan-page-prev = ‹ الصفحة السابقة
plan-page-next = الصفحة التالية ›
plan-all-items = ‹ كل البنود

## استيراد خطة (الأمانة الفنية)

plan-import = ⬆️ استيراد خطة (.json)
plan-ask-upload =
    أرسل خطة العمل الجديدة في ملف <b>‎.json‎</b> (كمستند، 1 ميغابايت على الأكثر) على شكل الخطة المرفقة بالبوت (انظر README): المفتاح، والعنوان بالعربية والإنجليزية، وتاريخا البداية والنهاية، والبنود مع أنشطتها، والمواعيد.
    يُفحص الملف أولًا، وترى محتواه قبل أي تغيير.
plan-upload-refused = { $reason ->
    [photo] هذه صورة. يرجى إرسال الخطة في ملف ‎.json‎ كمستند.
    [too-big] هذا الملف كبير جدًا (1 ميغابايت على الأكثر).
    [not-json] هذا ليس ملف ‎.json‎. يرجى إرسال الخطة في ملف ‎.json‎ كمستند.
   *[not-document] يرجى إرسال الخطة في ملف ‎.json‎ كمستند.
}
plan-upload-problems = { $count ->
    [one] لا يمكن استخدام ملف الخطة هذا؛ توجد مشكلة واحدة:
    [two] لا يمكن استخدام ملف الخطة هذا؛ توجد مشكلتان:
    [few] لا يمكن استخدام ملف الخطة هذا؛ توجد { $count } مشكلات:
    [many] لا يمكن استخدام ملف الخطة هذا؛ توجد { $count } مشكلةً:
   *[other] لا يمكن استخدام ملف الخطة هذا؛ توجد { $count } مشكلة:
}
    { $problems }
plan-problems-more = … ومشكلات أخرى عددها { $count }.
# موضع مشكلة تخص الملف كله
plan-problem-file = الملف
plan-problem = • { $where }: { $code ->
    [not-utf8] ليس نصًا بترميز UTF-8
    [not-json] ليس JSON صالحًا (السطر { $line }، العمود { $column })
    [too-big] أكبر من 1 ميغابايت
    [not-object] يجب أن يكون كائنًا {"{"} … {"}"}
    [not-list] يجب أن يكون قائمة [ … ]
    [not-text] يجب أن يكون نصًا بين علامتي تنصيص مزدوجتين
    [not-integer] يجب أن يكون عددًا صحيحًا
    [not-boolean] يجب أن يكون true أو false
    [not-date] يجب أن يكون تاريخًا بالصيغة YYYY-MM-DD
    [missing] مفقود
    [unknown] ليس من حقول ملف الخطة (خطأ إملائي؟)
    [empty] فارغ
    [too-long] طويل جدًا ({ $detail } حرف على الأكثر)
    [bad-key] مفتاح غير صالح (حروف لاتينية وأرقام و- و_ دون مسافات)
    [bad-choice] يجب أن يكون أحد: { $detail }
    [bad-period] يجب أن يكون أحد: { $detail }
    [not-positive] يجب أن يكون 1 أو أكثر
    [duplicate] مكرر
    [before-start] قبل تاريخ البداية
    [unknown-item] لا يوجد بند بهذا الرقم
   *[other] غير صالح
}
plan-preview =
    <b>{ $title }</b> (المفتاح { $key })
    { $period }
    { $items ->
        [zero] دون بنود
        [one] بند واحد
        [two] بندان
        [few] { $items } بنود
        [many] { $items } بندًا
       *[other] { $items } بند
    }، { $activities ->
        [zero] دون أنشطة
        [one] نشاط واحد
        [two] نشاطان
        [few] { $activities } أنشطة
        [many] { $activities } نشاطًا
       *[other] { $activities } نشاط
    }، { $events ->
        [zero] دون مواعيد
        [one] موعد واحد
        [two] موعدان
        [few] { $events } مواعيد
        [many] { $events } موعدًا
       *[other] { $events } موعد
    }.
plan-preview-new = هذه خطة جديدة. هل تريد استيرادها؟
plan-preview-same = الخطة الموجودة في البوت مطابقة لهذا الملف تمامًا؛ الاستيراد لا يغيّر شيئًا.
plan-preview-changes =
    توجد في البوت خطة بهذا المفتاح؛ الاستيراد يجعلها مطابقة لهذا الملف:
    • عنوان الخطة وتاريخاها: { $plan_changed ->
        [yes] تتغير
       *[no] دون تغيير
    }
    • البنود — جديدة: { $items_added }، معدّلة: { $items_updated }، محذوفة: { $items_removed }
    • المواعيد — جديدة: { $events_added }، معدّلة: { $events_updated }، محذوفة: { $events_removed }
    هل تريد استيرادها؟
plan-preview-kept = { $kept ->
    [one] يبقى بند واحد غير موجود في الملف لأن مواعيد نهائية تشير إليه.
    [two] يبقى بندان غير موجودين في الملف لأن مواعيد نهائية تشير إليهما.
    [few] تبقى { $kept } بنود غير موجودة في الملف لأن مواعيد نهائية تشير إليها.
    [many] يبقى { $kept } بندًا غير موجود في الملف لأن مواعيد نهائية تشير إليها.
   *[other] يبقى { $kept } بند غير موجود في الملف لأن مواعيد نهائية تشير إليها.
}
plan-import-confirm = ✅ استيراد
plan-import-cancel = إلغاء
plan-imported = ✅ استُوردت خطة العمل: «{ $title }».
plan-import-failed = تعذرت قراءة الملف مرة أخرى؛ لم يُستورد شيء. يرجى إرساله مرة أخرى.
plan-deadlines-head = <b>المواعيد النهائية</b>
plan-deadline = • { $what } — { $due }{ $has_stage ->
        [yes] {" "}· { $stage }
       *[no] {""}
    }
