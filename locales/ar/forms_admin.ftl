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
# مشكلة واحدة في استبيان مرفوض: أين، وفي أي عمود، وما هي
forms-problem = • { $place ->
        [row] الصف { $row } ({ $name }){ $column ->
            [none] {""}
            [constraint] ، القيد (constraint)
            [relevant] ، شرط الظهور (relevant)
            [required] ، الإلزام (required)
           *[group-relevant] ، شرط الظهور مع شروط مجموعاته
        }:{" "}
        [name] { $name }:{" "}
       *[file] {""}
    }{ $code ->
        [repeat] المجموعات المتكررة (repeat) غير مدعومة.
        [unsupported-type] النوع «{ $type }» غير مدعوم.
        [unknown-reference] ${"{"}{ $reference }{"}"} لا يشير إلى أي سؤال في الاستبيان.
        [choices-from-file] الخيارات المأخوذة من ملف غير مدعومة.
        [calculation] الحسابات (calculate) غير مدعومة.
        [choice-filter] تصفية الخيارات (choice_filter) غير مدعومة.
        [default-not-select] القيمة الافتراضية مدعومة في أسئلة الاختيار فقط.
        [default-unknown] القيمة الافتراضية «{ $value }» ليست من خيارات القائمة.
        [no-label] السؤال بلا نص.
        [no-complete-language] لا توجد لغة لها نص لكل الأسئلة (الصفوف الناقصة: { $lacking }).
        [no-questions] لا يحتوي الاستبيان على أسئلة للإجابة.
        [duplicate-name] الاسم مستخدم من قبل في الصف { $first }؛ يحتاج كل سؤال إلى اسم خاص به.
        [translated-title] لا يمكن ترجمة form_title (تفشل pyxform مع form_title::<Language>)؛ اكتب اللغات الأخرى في title_translation::<Language>.
        [pyxform] { $message }
        [unreadable] تعذرت قراءة الملف بوصفه XLSForm ({ $error }).
        [not-xlsx] الملف ليس مصنف ‎.xlsx‎ صالحًا.
        [unpacks-too-large] حجم المصنف بعد فك ضغطه أكبر بكثير مما يحتاجه استبيان.
        [too-large] الملف أكبر من أن يكون استبيانًا.
        [wrong-type] يجب أن يكون الاستبيان ملف ‎.xlsx‎ (أو ‎.md‎)، لا «{ $file }».
        [xpath-path] مسارات XPath («/») غير مدعومة؛ أشر إلى السؤال بالصيغة ${"{"}name{"}"}.
        [xpath-attribute] السمات («@») غير مدعومة.
        [xpath-predicate] الشروط بين قوسين مربعين («[ ]») غير مدعومة.
        [xpath-union] اتحاد المجموعات («|») غير مدعوم.
        [xpath-variable] المتغيرات («$») غير مدعومة؛ أشر إلى السؤال بالصيغة ${"{"}name{"}"}.
        [xpath-parent] خطوات الرجوع إلى الأصل («..») غير مدعومة.
        [xpath-axis] محاور XPath («::») غير مدعومة.
        [xpath-step] خطوة المسار «{ $step }» غير مدعومة؛ أشر إلى السؤال بالصيغة ${"{"}{ $step }{"}"}.
        [unclosed-string] نص بين علامتي اقتباس لم يُغلق.
        [unexpected-character] حرف غير متوقع «{ $char }».
        [unclosed-reference] الإشارة «${"{"}» لم تُغلق.
        [bad-reference] «{ $reference }» ليس اسم سؤال صالحًا.
        [empty] التعبير فارغ.
        [unexpected] «{ $token }» غير متوقع.
        [too-deep] التعبير متداخل لأكثر من { $limit } مستوى.
        [ends-early] ينتهي التعبير حيث كان يُنتظر قيمة.
        [expected-value] كان يُنتظر قيمة، لا «{ $token }».
        [unclosed-parenthesis] قوس لم يُغلق.
        [expected-parenthesis] كان يُنتظر «)»، لا «{ $token }».
        [unsupported-function] الدالة «{ $function }» غير مدعومة.
        [arity] تأخذ الدالة «{ $function }» { $most ->
            [-1] { $fewest } من الوسائط على الأقل
           *[other] من { $fewest } إلى { $most } من الوسائط
        }، لا { $got }.
        [regex-pattern-not-string] تحتاج regex()‎ إلى نمطها نصًا بين علامتي اقتباس.
        [bad-date] تحتاج date()‎ إلى يوم حقيقي بالصيغة 'YYYY-MM-DD'.
        [not-text] التعبير ليس نصًا.
        [too-long] التعبير أطول من { $limit } حرف.
        [regex-too-long] نمط regex أطول من { $limit } حرف.
        [regex-invalid] نمط regex غير صالح ({ $error }).
        [regex-too-complex] نمط regex معقد أكثر من اللازم.
        [regex-refused] نمط regex مرفوض: { $why ->
            [backreference] الإشارات الخلفية والشروط غير مدعومة
            [alternatives-length] بدائل مختلفة الطول داخل تكرار
            [alternatives-alike] بدائل تبدأ بالشيء نفسه داخل تكرار
            [nested-quantifiers] تكرارات متداخلة مثل (a+)+
            [overlapping] تكرارات متداخلة كثيرة متتالية، مثل \d*\d*\d*
           *[unsafe] قد يستغرق التحقق من الإجابة وقتًا طويلًا
        }.
       *[invalid] لا يمكن استخدام هذا.
    }{ $at ->
        [none] {""}
       *[other] {" "}(عند الحرف { $at })
    }
forms-close-confirm = <b>إغلاق «{ $title }» الآن لجميع الدول الأعضاء؟</b> لن تتمكن أي دولة بعد ذلك من الإجابة أو تعديل إجاباتها؛ وتُحفظ الإجابات المقدمة.
forms-close-yes = 🔒 نعم، أغلقه لجميع الدول
forms-close-no = إلغاء
forms-version-unchanged = سبق نشر الاستبيان «{ $key }» بالإصدار { $version } بمحتوى مختلف، لذلك لم يُستخدم هذا الملف. غيّر الإصدار في ورقة settings (إلى رقم أعلى مثلًا) وأرسله مرة أخرى.
forms-replaced = { $count ->
    [one] كان الإصدار { $versions } من هذا الاستبيان مفتوحًا وقد أُغلق الآن (يُفتح إصدار واحد فقط في كل مرة)؛ وتُحفظ إجاباته.
   *[other] كانت الإصدارات { $versions } من هذا الاستبيان مفتوحة وقد أُغلقت الآن (يُفتح إصدار واحد فقط في كل مرة)؛ وتُحفظ إجاباتها.
}
