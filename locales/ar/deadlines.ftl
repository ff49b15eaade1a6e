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
owed-line = { $stage } · { $what } — { $when }
owed-detail =
    <b>{ $what }</b>
    { $item }: { $item_title }
    { $due } — { $when }
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
digest-more = …و{ $count ->
    [one] موعد آخر
    [two] موعدان آخران
    [few] { $count } مواعيد أخرى
    [many] { $count } موعدًا آخر
   *[other] { $count } موعد آخر
} في «📅 المواعيد».
