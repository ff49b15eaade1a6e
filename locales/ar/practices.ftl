# الممارسات الوطنية للتنسيق (البند الثامن من خطة العمل): الإرسال والمراجعة والتعميم.

practices-menu = 🤝 الممارسات
practices-untitled = (ممارسة بلا عنوان)
practices-status = { $status ->
    [draft] مسودة
    [submitted] مُرسلة بانتظار المراجعة
    [returned] مُعادة لإدخال تعديلات
    [accepted] مقبولة
    [circulated] مُعمّمة على الدول الأعضاء
   *[other] { $status }
}
practices-own-head = <b>🤝 الممارسات الوطنية للتنسيق في { $state }</b>
    التنسيق الأفقي (بين الوزارات والمؤسسات) والتنسيق الرأسي (بين الحكومة المركزية والإدارة المحلية) في مجالات الهجرة واللجوء، تنفيذًا للبند الثامن من خطة العمل. أرسل كل ممارسات دولتك، لكل ممارسة استمارة.

    { $count ->
        [0] لا توجد ممارسات بعد: ابدأ بزر «ممارسة جديدة».
        [one] ممارسة واحدة:
        [two] ممارستان:
        [few] { $count } ممارسات:
        [many] { $count } ممارسة:
       *[other] { $count } ممارسة:
    }
practices-new = ➕ ممارسة جديدة
practices-shared-menu = 🌍 ممارسات الدول الأخرى
practices-detail = <b>{ $title }</b>
    { $state } · { $status ->
        [draft] 📝 مسودة
        [submitted] 📨 مُرسلة بانتظار المراجعة
        [returned] ↩️ مُعادة لإدخال تعديلات
        [accepted] ✅ مقبولة
        [circulated] 🌍 مُعمّمة
       *[other] { $status }
    }
practices-comment = 💬 <b>ملاحظة الأمانة العامة:</b> { $comment }
practices-edit = ✏️ تعديل وإرسال
practices-view = 👁 عرض
practices-closed-note = 🔒 أغلقت الأمانة العامة استمارة الممارسات: لا يمكن تعديل هذه الممارسة حتى يُعاد فتحها.
practices-review-head = <b>🤝 الممارسات الواردة من الدول الأعضاء</b>
    { $count ->
        [0] لم تُرسل أي ممارسة بعد.
        [one] ممارسة واحدة
        [two] ممارستان
        [few] { $count } ممارسات
        [many] { $count } ممارسة
       *[other] { $count } ممارسة
    }{ $waiting ->
        [0] {""}
        [one] ، منها واحدة بانتظار مراجعتك (في أول القائمة).
        [two] ، منها اثنتان بانتظار مراجعتك (في أول القائمة).
        [few] ، منها { $waiting } بانتظار مراجعتك (في أول القائمة).
        [many] ، منها { $waiting } بانتظار مراجعتك (في أول القائمة).
       *[other] ، منها { $waiting } بانتظار مراجعتك (في أول القائمة).
    }
practices-circulate = 📣 تعميم الممارسات المقبولة
practices-export-xlsx = 📊 إكسل (.xlsx)
practices-export-docx = 📄 وورد للتعميم (.docx)
practices-export-docx-all = 🗂 وورد، كل ما أُرسل (داخلي)
practices-cleared = { $cleared ->
    [yes] 🔓 توافق الدولة على تعميمها على الدول الأعضاء الأخرى.
   *[no] 🔒 لا توافق الدولة على تعميمها: تبقى لدى الأمانة العامة.
}
practices-documents = 📎 المستندات
practices-accept = ✅ قبول
practices-return = ↩️ إعادة مع ملاحظة
practices-comment-prompt = اكتب ملاحظتك إلى { $state } على «{ $title }». تعود الممارسة إلى نقاط الاتصال في الدولة، ويرون ملاحظتك بجانبها.
practices-comment-invalid = اكتب الملاحظة نصًّا (بحد أقصى { $limit } حرف).
practices-decided = { $decision ->
    [accepted] قُبلت الممارسة، وأُبلغت نقاط الاتصال في الدولة.
   *[returned] أُعيدت الممارسة مع ملاحظتك، وأُبلغت نقاط الاتصال في الدولة.
}
practices-circulate-confirm = { $count ->
    [0] لا توجد ممارسات مقبولة بانتظار التعميم. لا تُعمَّم إلا الممارسات التي توافق دولها على تعميمها.
    [one] ستُرسل ممارسة مقبولة واحدة إلى نقاط الاتصال في الدول الأعضاء الأخرى، كلٌّ بلغته.
    [two] ستُرسل ممارستان مقبولتان إلى نقاط الاتصال في الدول الأعضاء الأخرى، كلٌّ بلغته.
    [few] ستُرسل { $count } ممارسات مقبولة إلى نقاط الاتصال في الدول الأعضاء الأخرى، كلٌّ بلغته.
    [many] ستُرسل { $count } ممارسة مقبولة إلى نقاط الاتصال في الدول الأعضاء الأخرى، كلٌّ بلغته.
   *[other] ستُرسل { $count } ممارسة مقبولة إلى نقاط الاتصال في الدول الأعضاء الأخرى، كلٌّ بلغته.
}
practices-circulate-yes = 📣 عمّم الآن
practices-circulated = عُمّمت { $count ->
    [one] ممارسة واحدة
    [two] ممارستان
    [few] { $count } ممارسات
    [many] { $count } ممارسة
   *[other] { $count } ممارسة
} وأُرسلت إلى { $people ->
    [one] نقطة اتصال واحدة
    [two] نقطتي اتصال
    [few] { $people } نقاط اتصال
    [many] { $people } نقطة اتصال
   *[other] { $people } نقطة اتصال
}.
practices-refused = { $reason ->
    [no-form] لا تستقبل الأمانة العامة ممارسات جديدة حاليًا (استمارة الممارسات مغلقة).
    [wrong-status] لم تعد هذه الممارسة بانتظار قرار.
    [nothing-to-circulate] لا توجد ممارسات مقبولة للتعميم.
    [other-state] هذه الممارسة غير متاحة لك.
    [form-closed] استمارة الممارسات مغلقة.
   *[other] هذه الممارسة غير متاحة.
}
practices-file-name = { $internal ->
    [yes] الممارسات-داخلي
   *[no] الممارسات
}
practices-export-caption = { $count ->
    [0] لم تُرسل أي ممارسة بعد.
    [one] ممارسة واحدة.
    [two] ممارستان.
    [few] { $count } ممارسات.
    [many] { $count } ممارسة.
   *[other] { $count } ممارسة.
}
practices-doc-title = { $internal ->
    [yes] الممارسات الوطنية للتنسيق التي أرسلتها الدول الأعضاء (داخلي: ليس للتعميم)
   *[no] الممارسات الوطنية للتنسيق في مجالات الهجرة واللجوء
}
practices-doc-state = الدولة
practices-doc-status = الحالة
practices-doc-none = { $internal ->
    [yes] لم تُرسل أي ممارسة بعد.
   *[no] لا توجد بعد ممارسة مقبولة يجوز تعميمها.
}
practices-document-caption = 📎 { $name } · { $title }
practices-shared-head = <b>🌍 الممارسات التي عمّمتها الدول الأعضاء الأخرى</b>
    { $count ->
        [0] لا توجد ممارسة مطابقة بعد.
        [one] ممارسة واحدة:
        [two] ممارستان:
        [few] { $count } ممارسات:
        [many] { $count } ممارسة:
       *[other] { $count } ممارسة:
    }
practices-filter-state = الدولة: { $state }
practices-filter-kind = التنسيق: { $kind }
practices-filter-objective = الهدف: { $objective }
practices-by-state = 🏳️ حسب الدولة
practices-by-kind = 🔀 حسب نوع التنسيق
practices-by-objective = 🎯 حسب هدف الاتفاق العالمي
practices-clear-filters = ✖️ كل الممارسات
practices-pick-state = ممارسات أي دولة؟
practices-pick-kind = أي نوع من التنسيق؟
practices-pick-objective = أي هدف من أهداف الاتفاق العالمي من أجل الهجرة؟
practices-notice-submitted = 🤝 { $again ->
    [yes] أعادت { $state } إرسال ممارسة بعد ملاحظتك
   *[no] أرسلت { $state } ممارسة
}: «{ $title }». راجعها من 🤝 الممارسات.
practices-notice-decided = 🤝 { $decision ->
    [accepted] قبلت الأمانة العامة ممارسة دولتك «{ $title }».
    [circulated] عمّمت الأمانة العامة ممارسة دولتك «{ $title }» على الدول الأعضاء الأخرى.
   *[returned] أعادت الأمانة العامة ممارسة دولتك «{ $title }» لإدخال تعديلات: { $comment }
    عدّلها وأعد إرسالها من 🤝 الممارسات.
}
practices-digest-head = <b>🌍 ممارسات التنسيق التي عمّمتها الأمانة العامة</b>
    { $count ->
        [one] ممارسة واحدة من دولة عضو أخرى:
        [two] ممارستان من دول أعضاء أخرى:
        [few] { $count } ممارسات من دول أعضاء أخرى:
        [many] { $count } ممارسة من دول أعضاء أخرى:
       *[other] { $count } ممارسة من دول أعضاء أخرى:
    }
practices-digest-line = • { $state }: { $title } ({ $kind })
practices-digest-more = … و{ $count } غيرها.
practices-digest-foot = اقرأها ونزّل مستنداتها من 🤝 الممارسات ← 🌍 ممارسات الدول الأخرى.
practices-review-foot = { $missing ->
    [0] { $status ->
        [submitted] أُرسلت إلى الأمانة العامة، وهي بانتظار المراجعة.
        [accepted] قبلتها الأمانة العامة.
        [circulated] عُمّمت على الدول الأعضاء الأخرى.
       *[other] تمت الإجابة عن جميع الأسئلة الإلزامية: زر «إرسال» يرسل الممارسة إلى الأمانة العامة. لتعديل إجابة، اضغط ✏️ مع رقم سؤالها.
    }
    [one] لم تتم الإجابة بعد عن سؤال إلزامي واحد.
    [two] لم تتم الإجابة بعد عن سؤالين إلزاميين.
    [few] لم تتم الإجابة بعد عن { $missing } أسئلة إلزامية.
    [many] لم تتم الإجابة بعد عن { $missing } سؤالًا إلزاميًا.
   *[other] لم تتم الإجابة بعد عن { $missing } سؤال إلزامي.
}
practices-confirm = هل ترسل هذه الممارسة إلى الأمانة العامة باسم دولتك؟ لن يمكن تعديلها بعد ذلك إلا إذا أعادتها الأمانة العامة مع ملاحظة.
practices-history-entry = { $action ->
    [create] <b>🆕 بدء الممارسة</b>
    [return] <b>↩️ أعادتها الأمانة العامة:</b> { $comment }
    [accept] <b>✅ قبلتها الأمانة العامة</b>
   *[circulate] <b>🌍 عُمّمت على الدول الأعضاء الأخرى</b>
}
    <i>{ $name }، { DATETIME($at, dateStyle: "medium", timeStyle: "short") }</i>
practices-history = 🕓 السجل
practices-admin-detail =
    <b>{ $title }</b> · الإصدار { $version }
    { $status ->
        [open] 🟢 مفتوحة: ترسل الدول ممارساتها طوال العام
       *[other] 🔒 مغلقة: لا يمكن بدء ممارسة جديدة
    } — عدد الأسئلة: { $questions }
    { $sent ->
        [0] لم تُرسل أي ممارسة بعد.
        [one] أُرسلت ممارسة واحدة؛ راجعها من 🤝 الممارسات.
        [two] أُرسلت ممارستان؛ راجعهما من 🤝 الممارسات.
        [few] أُرسلت { $sent } ممارسات؛ راجعها من 🤝 الممارسات.
       *[other] أُرسلت { $sent } ممارسة؛ راجعها من 🤝 الممارسات.
    }
    { $board }
practices-admin-reopen = 🟢 فتحها من جديد للممارسات
