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
survey-type-prompt = { $type ->
    [date] ✍️ اختر اليوم من التقويم، أو اكتب التاريخ وأرسله (مثل 20/06/2025).
   *[other] ✍️ اكتب إجابتك وأرسلها.
}
survey-current = الإجابة الحالية: { $current }
survey-changed = آخر تعديل: { $changed_by }، { DATETIME($changed_at, dateStyle: "medium", timeStyle: "short") }.
survey-multi-done = تم ✓
survey-ack = ✓ أؤكد
survey-next = التالي ›
survey-prev = ‹ السابق
survey-skip = تخطَّ ›
survey-leave = 💾 حفظ وخروج
survey-other = <b>{ $label }</b>
    اكتب الإجابة الأخرى وأرسلها:
survey-review-head = <b>{ $form_title }</b> — { $status ->
        [submitted] أُرسلت في { DATETIME($submitted_at, dateStyle: "medium", timeStyle: "short") }
       *[other] إجابات دولتك
    }{ $pages ->
        [1] {""}
       *[other] {" "}(الصفحة { $page } من { $pages })
    }
survey-review-line =
    { $number }. { $label }
    {"   "}← { $value }
survey-review-foot = { $missing ->
    [0] { $status ->
        [submitted] يمكنك إعادة فتحها لتعديلها حتى يُغلق الاستبيان.
       *[other] تمت الإجابة عن جميع الأسئلة الإلزامية. لتعديل إجابة، اضغط ✏️ مع رقم سؤالها.
    }
    [one] ما زال سؤال إلزامي واحد دون إجابة.
    [two] ما زال سؤالان إلزاميان دون إجابة.
    [few] ما زالت { $missing } أسئلة إلزامية دون إجابة.
    [many] ما زال { $missing } سؤالًا إلزاميًا دون إجابة.
   *[other] ما زال { $missing } سؤال إلزامي دون إجابة.
}
survey-page-prev = ‹ الأسئلة السابقة
survey-page-next = الأسئلة التالية ›
survey-history = 🕓 سجل التعديلات
survey-history-head =
    <b>{ $form_title }</b> — سجل التعديلات
    { $count ->
        [0] لم تُسجَّل أي إجابة بعد.
       *[other] { $pages ->
            [1] الأحدث أولًا:
           *[other] الأحدث أولًا (الصفحة { $page } من { $pages }):
        }
    }
survey-history-entry = { $action ->
    [answer] <b>{ $number }. { $label }</b>
        ← { $value }
    [clear] <b>{ $number }. { $label }</b>
        ← تُخطّي (دون إجابة)
    [submit] <b>📨 أُرسلت باسم الدولة</b>
    [reopen] <b>✏️ أُعيد فتحها للتعديل</b>
   *[other] <b>{ $number }. { $label }</b>
}
    <i>{ $name }، { DATETIME($at, dateStyle: "medium", timeStyle: "short") }</i>
survey-history-newer = ‹ الأحدث
survey-history-older = الأقدم ›
survey-keep = إبقاء هذه الإجابة ›
survey-note =
    <i>{ $form_title }</i>
    <b>{ $label }</b>
forms-closes = مفتوح حتى { DATETIME($closes, dateStyle: "long", timeStyle: "short") } (بتوقيت { $zone }).
survey-submit = 📨 إرسال باسم دولتي
survey-reopen = ✏️ إعادة الفتح للتعديل
survey-confirm = هل تريد إرسال هذه الإجابات باسم دولتك؟ تطّلع نقاط الاتصال الأخرى في دولتك على الإجابات نفسها؛ ويمكن إعادة فتح الاستبيان حتى إغلاقه.
survey-confirm-yes = ✅ نعم، أرسل
survey-submitted = تم الإرسال. شكرًا لك.
survey-saved = حُفظت إجاباتك. يمكنك العودة في أي وقت لتكمل من حيث توقفت.
survey-conflict = غيّرت نقطة اتصال أخرى في دولتك هذه الإجابة في هذه الأثناء، وأصبحت الآن: { $current }
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
        [integer] اكتب عددًا صحيحًا، مثل 12.
        [decimal] اكتب رقمًا دون فواصل للآلاف، مثل 1500 أو 12.5 (الفاصلة فقط قبل رقم أو رقمين عشريين: 12,5 أو 12٫5).
        [date] اكتب التاريخ بالصيغة DD/MM/YYYY أو YYYY-MM-DD (مثل 20/06/2025)، أو اختره من التقويم.
       *[choice] اختر أحد الأزرار.
    }
    [required] هذا السؤال يحتاج إلى إجابة.
    [too-long] هذه الإجابة طويلة جدًا (الحد الأقصى { $limit ->
        [one] حرف واحد
        [two] حرفان
        [few] { $limit } أحرف
        [many] { $limit } حرفًا
       *[other] { $limit } حرف
    }).
    [constraint] هذه الإجابة غير مقبولة هنا.
    [want-document] أرسل الملف كمستند (📎 ← ملف).
    [type-it] { $type ->
        [date] اكتب التاريخ وأرسله، أو اختر اليوم من التقويم.
       *[other] اكتب إجابتك وأرسلها في رسالة.
    }
    [file-too-big] حجم هذا الملف أكبر من { $limit } ميغابايت.
   *[use-buttons] أجب باستخدام الأزرار أدناه.
}
survey-broken = لم يتم الإرسال: إجابة السؤال { $number } ({ $label }) لم تعد مقبولة مع الإجابات الأخرى. { $why }
    عدّلها (أو الإجابات التي تعتمد عليها)، ثم أرسل مرة أخرى.
survey-fix = ✏️ الانتقال إلى السؤال { $broken }
survey-closed-notice = 🔒 هذا الاستبيان مغلق: يمكن قراءة إجابات دولتك، ولم يعد تعديلها ممكنًا.
