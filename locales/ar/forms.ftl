menu-surveys = 📝 الاستبيانات

survey-list = <b>الاستبيانات</b>
    { $count ->
        [0] لا يوجد استبيان مفتوح حاليًا.
       *[other] الاستبيانات المفتوحة لدولتك (الإجابات حتى الآن / الأسئلة):
    }
survey-section = <b>{ $section }</b>
survey-question =
    <i>{ $form_title }</i> — { $number } / { $total }
    <b>{ $label }</b>
survey-hint = <i>{ $hint }</i>
survey-current = الإجابة الحالية: { $current }
survey-changed = آخر تعديل بواسطة { $changed_by }، { DATETIME($changed_at, dateStyle: "medium", timeStyle: "short") }.
survey-multi-done = تم ✓
survey-ack = ✓ أؤكد
survey-next = التالي ›
survey-prev = ‹ السابق
survey-skip = تخطَّ ›
survey-leave = 💾 حفظ والخروج
survey-other = <b>{ $label }</b>
    يرجى كتابة الإجابة الأخرى:
survey-review-head = <b>{ $form_title }</b> — { $status ->
        [submitted] أُرسلت في { DATETIME($submitted_at, dateStyle: "medium", timeStyle: "short") }
       *[other] إجابات دولتك
    }{ $pages ->
        [1] {""}
       *[other] {" "}(الصفحة { $page } من { $pages })
    }
survey-review-foot = { $missing ->
    [0] { $status ->
        [submitted] يمكنك إعادة فتحها لإجراء تعديلات حتى إغلاق الاستبيان.
       *[other] تمت الإجابة عن جميع الأسئلة الإلزامية. اضغط ✏️ ورقمًا لتعديل إجابة.
    }
    [one] ما زال سؤال إلزامي واحد دون إجابة.
    [two] ما زال سؤالان إلزاميان دون إجابة.
    [few] ما زالت { $missing } أسئلة إلزامية دون إجابة.
   *[other] ما زال { $missing } سؤالًا إلزاميًا دون إجابة.
}
survey-page-prev = ‹ الأسئلة السابقة
survey-page-next = الأسئلة التالية ›
survey-keep = إبقاء هذه الإجابة ›
survey-note =
    <i>{ $form_title }</i>
    <b>{ $label }</b>
forms-closes = مفتوح حتى { DATETIME($closes, dateStyle: "long", timeStyle: "short") } (بتوقيت { $zone }).
survey-submit = 📨 إرسال باسم دولتي
survey-reopen = ✏️ إعادة الفتح للتعديل
survey-confirm = هل تريد إرسال هذه الإجابات باسم دولتك؟ تطّلع نقاط الاتصال الأخرى في دولتك على الإجابات نفسها؛ ويمكن إعادة فتح الاستبيان حتى إغلاقه.
survey-confirm-yes = ✅ نعم، أرسل
survey-submitted = تم الإرسال. شكرًا لكم.
survey-saved = حُفظت إجاباتك. يمكنك العودة في أي وقت لتكمل من حيث توقفت.
survey-conflict = غيّرت نقطة اتصال أخرى في دولتك هذه الإجابة في الأثناء. أصبحت الآن: { $current }
    أجب مرة أخرى إذا أردت تغييرها.
survey-refused = { $reason ->
    [form-closed] هذا الاستبيان مغلق.
    [already-submitted] أُرسلت إجابات دولتك؛ أعد فتحها لإجراء تعديلات.
    [required] ما زالت هناك أسئلة إلزامية دون إجابة.
    [other-state] هذا يخص دولة عضوًا أخرى.
   *[other] هذا الاستبيان غير متاح.
}
survey-invalid = { $reason ->
    [type] { $type ->
        [integer] يرجى كتابة عدد صحيح، مثل 12.
        [decimal] يرجى كتابة رقم، مثل 12.5.
        [date] يرجى كتابة التاريخ بالصيغة YYYY-MM-DD، أو اختياره من التقويم.
       *[choice] يرجى اختيار أحد الأزرار.
    }
    [required] هذا السؤال يحتاج إلى إجابة.
    [too-long] هذه الإجابة طويلة جدًا (بحد أقصى { $limit } حرفًا).
    [constraint] هذه الإجابة غير مقبولة هنا.
    [want-document] يرجى إرسال الملف كمستند (📎 ← ملف).
    [file-too-big] حجم هذا الملف أكبر من { $limit } ميغابايت.
   *[use-buttons] يرجى الإجابة باستخدام الأزرار أدناه.
}
