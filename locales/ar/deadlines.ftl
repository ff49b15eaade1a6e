## ما على الدولة، والتذكيرات

deadline-stage = { $stage ->
    [submitted] ✅ أُرسل
    [draft] ✏️ قيد الإعداد
    [late] ⚠️ متأخر
   *[not-started] ⭕ لم يبدأ
}
deadline-stage-done = { $stage ->
    [submitted] ✅ أُنجز
    [late] ⚠️ متأخر
   *[other] ⭕ لم يُنجز بعد
}
deadline-days-left = { $days ->
    [0] الموعد اليوم
    [one] بقي يوم واحد
    [two] بقي يومان
    [few] بقيت { $days } أيام
    [many] بقي { $days } يومًا
   *[other] بقي { $days } يوم
}
deadline-days-late = { $days ->
    [0] انقضى الموعد اليوم
    [one] متأخر يومًا واحدًا
    [two] متأخر يومين
    [few] متأخر { $days } أيام
    [many] متأخر { $days } يومًا
   *[other] متأخر { $days } يوم
}
deadline-due = الموعد: { DATETIME($due, dateStyle: "long", timeStyle: "short") } (بتوقيت { $zone })
deadline-item = البند { $number } من خطة العمل

reminder-text =
    ⏰ <b>تذكير</b> — { $days_text }
    <b>{ $what }</b>
    { $item }: { $item_title }
    { $due }
    وضع دولتك: { $stage }
reminder-open-form = 📝 افتح الاستبيان
reminder-open-task = 📋 افتح

owed-menu = 📅 ما على دولتي
owed-title = <b>ما على { $state }</b>
owed-empty = لا يوجد شيء مستحق حاليًا.
owed-line = { $stage } · { $what }{ $has_when ->
        [yes] {" "}— { $when }
       *[no] {""}
    }
owed-detail =
    <b>{ $what }</b>
    { $item }: { $item_title }
    { $due }{ $has_when ->
        [yes] {" "}— { $when }
       *[no] {""}
    }
    الوضع بالنسبة إلى { $state }: { $stage }
owed-task-hint = عندما تنجز دولتك هذا، اضغط «تم الإنجاز»؛ ويمكن لأي نقطة اتصال في دولتك التراجع عن ذلك.
owed-form-closed = الاستبيان غير مفتوح للإجابة حاليًا.
owed-answer = 📝 أجب عن الاستبيان
owed-review = 📄 اطلع على إجابات دولتك
owed-mark-done = ✅ تم الإنجاز
owed-undo-done = ↩️ لم يُنجز بعد
owed-marked = { $done ->
    [yes] سُجّل الإنجاز لدولتك.
   *[no] سُجّل أنه لم يُنجز بعد.
}
owed-refused = { $reason ->
    [not-concerned] هذا الموعد لا يخص دولتك.
    [not-a-task] تتم الإجابة عن هذا من خلال استبيانه.
   *[other] هذا الموعد مغلق أو لم يعد موجودًا.
}

## الملخص الأسبوعي للأمانة الفنية

digest-title = 🗓 <b>الملخص الأسبوعي</b> — { DATETIME($today, dateStyle: "long") }
digest-line =
    <b>{ $what }</b> ({ $item }) — { DATETIME($due, dateStyle: "medium") }
    ✅ { $submitted } · ✏️ { $draft } · ⭕ { $not_started } · ⚠️ { $late }
digest-late = المتأخرة: { $states }
digest-submitted = أرسلت: { $states }
digest-more = …و{ $count ->
    [one] موعد آخر
    [two] موعدان آخران
    [few] { $count } مواعيد أخرى
    [many] { $count } موعدًا آخر
   *[other] { $count } موعد آخر
} في «📅 المواعيد النهائية».
owed-lines = { $lines }
owed-all = ‹ كل ما على دولتي

## مواعيد الأمانة الفنية

deadlines-menu = 📅 المواعيد النهائية
deadlines-list = <b>المواعيد النهائية</b>
    { $count ->
        [0] لا توجد مواعيد بعد. اضغط «موعد جديد» لتحديد أول موعد.
       *[other] المفتوحة أولًا، والأقرب في الأعلى:
    }
deadlines-new = ➕ موعد جديد
deadlines-detail =
    <b>{ $what }</b>
    { $item }: { $item_title }
    { $due } — { $when }
    الدول المعنية: { $audience }
    التذكيرات في الساعة { $hour } بالتوقيت المحلي لكل دولة: { $offsets }{ $overdue ->
        [0] .
       *[other] ؛ ثم كل { $overdue } أيام ما دام الموعد متجاوزًا، بحد أقصى { $overdue_max } مرات.
    }
    { $status ->
        [closed] 🔒 مغلق: لا تذكيرات، ولم يعد يظهر للدول.
       *[open] ✅ أرسلت { $submitted } · ✏️ قيد الإعداد { $draft } · ⭕ لم تبدأ { $not_started } · ⚠️ متأخرة { $late }
    }
deadlines-stages = { $stages }
deadlines-stage-line = { $stage }: { $states }
deadlines-all-states = جميع الدول الأعضاء
deadlines-offset = { $days ->
    [0] في يوم الموعد
    [one] قبل يوم واحد
    [two] قبل يومين
    [few] قبل { $days } أيام
    [many] قبل { $days } يومًا
   *[other] قبل { $days } يوم
}
deadlines-no-offsets = لا تذكير قبل الموعد
deadlines-move = 📅 تغيير الموعد
deadlines-set-offsets = ⏰ أيام التذكير
deadlines-set-states = 👥 الدول الأعضاء
deadlines-history = 📜 التذكيرات
deadlines-close = 🔒 إغلاق هذا الموعد
deadlines-reopen = 🔓 إعادة الفتح
deadlines-saved = تم الحفظ.
deadlines-moved = تم تغيير الموعد، وأُعيد تخطيط التذكيرات.
deadlines-ask-date = اختر يوم الموعد (بتوقيت { $zone }).
deadlines-ask-time = في أي ساعة من يوم { DATETIME($date, dateStyle: "long") } ينتهي الموعد؟ (بتوقيت { $zone })
deadlines-ask-offsets = في أي أيام قبل الموعد تُرسل التذكيرات؟ اضغط على يوم لتحديده أو إلغاء تحديده.
deadlines-save = حفظ ✓
deadlines-next = التالي ›
deadlines-history-title = <b>التذكيرات — { $what }</b>
deadlines-history-lines = { $lines }
deadlines-history-empty = لم يُخطط أي تذكير.
deadlines-history-line = { $offset } · { DATETIME($at, dateStyle: "medium") }{ $old ->
        [yes] {" "}(قبل التعديل)
       *[no] {""}
    }: { $outcomes }{ $people ->
        [0] {""}
        [one] {" "}— وصل إلى شخص واحد
        [two] {" "}— وصل إلى شخصين
        [few] {" "}— وصل إلى { $people } أشخاص
        [many] {" "}— وصل إلى { $people } شخصًا
       *[other] {" "}— وصل إلى { $people } شخص
    }
deadlines-history-sent = أُرسل إلى: { $states }
deadlines-outcome = { $outcome ->
    [sent] أُرسل
    [planned] مخطط
    [submitted] غير لازم (أُرسلت الإجابة)
    [missed] فات وقته (لم يكن البوت يعمل في حينه)
    [nobody] لا توجد نقطة اتصال
    [not-open] لم يُرسل (الاستبيان لم يكن مفتوحًا)
    [moved] أُلغي (تغيّر الموعد)
    [changed] أُلغي (تغيّرت الأيام)
    [reopened] أُلغي (أُعيد الفتح)
   *[closed] أُلغي (أُغلق الموعد)
} { $count }
deadlines-ask-item = <b>موعد جديد</b> — لأي بند من بنود خطة العمل؟
deadlines-ask-what = ما الذي يجب أن تقدمه الدول الأعضاء: أحد هذه الاستبيانات (🟢 مفتوح، ⚪ لم يُفتح بعد، 🔒 مغلق)، أم مهمة تُوصف بالكلمات؟
deadlines-task = ✍️ مهمة تُوصف بالكلمات
deadlines-ask-task = { $lang ->
    [ar] اكتب المهمة <b>بالعربية</b> (500 حرف على الأكثر)، أو تخطَّ لكتابتها بالإنجليزية فقط.
   *[en] اكتب المهمة <b>بالإنجليزية</b> (500 حرف على الأكثر)، أو تخطَّ.
}
deadlines-skip = تخطَّ ›
deadlines-ask-audience = ما الدول الأعضاء المعنية؟
deadlines-audience-all = جميع الدول الأعضاء
deadlines-some-states = دول أعضاء مختارة…
deadlines-ask-states = اختر الدول الأعضاء (اضغط مرة أخرى لإزالة دولة)، ثم اضغط «تم».
deadlines-states-done = تم ✓
deadlines-confirm =
    <b>موعد جديد</b>
    <b>{ $what }</b>
    { $item }: { $item_title }
    { $due }
    الدول المعنية: { $audience }
    التذكيرات في الساعة { $hour } بالتوقيت المحلي لكل دولة: { $offsets }؛ ثم أسبوعيًا ما دام الموعد متجاوزًا، بحد أقصى 4 مرات، وللدول التي لم ترسل فقط.{ $form_open ->
        [no] {"\u000A"}⚪ هذا الاستبيان غير مفتوح: لن يُرسل أي تذكير حتى تفتحه من «🗂 الاستبيانات».
       *[yes] {""}
    }
deadlines-create = ✅ تحديد الموعد
deadlines-discard = ✖ تجاهل
deadlines-created = تم تحديد الموعد وتخطيط تذكيراته.
deadlines-refused = { $reason ->
    [not-in-future] يرجى اختيار وقت في المستقبل.
    [no-item] هذا البند من خطة العمل لم يعد موجودًا.
    [no-form] هذا الاستبيان لم يعد موجودًا.
    [no-task] يرجى وصف المهمة بلغة واحدة على الأقل.
    [no-states] يرجى اختيار دولة عضو واحدة على الأقل.
    [too-long] النص طويل جدًا ({ $limit } حرف على الأكثر).
    [want-text] يرجى كتابة المهمة نصًا.
    [bad-offsets] لا يمكن استخدام أيام التذكير هذه.
    [stale] هذا الزر لم يعد صالحًا؛ يرجى البدء من جديد.
   *[not-found] هذا الموعد لم يعد موجودًا.
}
