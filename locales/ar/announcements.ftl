menu-announce = 📣 الإعلانات
menu-feed = 📣 الإعلانات

## إعداد إعلان

announce-ask-text = { $lang ->
    [ar] <b>إعلان جديد</b> — الخطوة 1 من 4
        أرسل النسخة <b>العربية</b> من النص (يُحتفظ بالخط العريض والروابط وسائر التنسيقات)، أو تخطَّها.
   *[en] <b>إعلان جديد</b> — الخطوة 2 من 4
        أرسل النسخة <b>الإنجليزية</b> من النص، أو تخطَّها. تتلقى كل نقطة اتصال النسخة بلغتها؛ وإذا وُجدت نسخة واحدة فقط فسيتلقاها الجميع.
}
announce-skip = تخطَّ ›
announce-discard = 🗑 حذف المسودة
announce-ask-media =
    <b>الخطوة 3 من 4</b> — لإرفاق صورة أو مستند (PDF أو Word أو Excel أو PowerPoint أو صورة) أرسله الآن؛ أو تابع دون مرفق.
    { $media_kind ->
        [photo] المرفق: صورة.
        [document] المرفق: { $media_name }.
       *[none] لا يوجد مرفق.
    }
announce-no-media = متابعة دون مرفق ›
announce-keep-media = متابعة ›
announce-remove-media = ✖ إزالة المرفق
announce-ask-audience = <b>الخطوة 4 من 4</b> — إلى من يُرسل؟
announce-audience-all = جميع نقاط الاتصال
announce-audience-states = دول أعضاء مختارة…
announce-audience-ar = نقاط الاتصال التي تستخدم العربية
announce-audience-en = نقاط الاتصال التي تستخدم الإنجليزية
announce-ask-states = اختر الدول الأعضاء (اضغط مرة أخرى لإزالة دولة)، ثم اضغط «تم».
announce-states-done = تم ✓
announce-preview = { $lang ->
    [ar] 👁 معاينة النسخة العربية كما ستصل إلى نقاط الاتصال تمامًا:
   *[en] 👁 معاينة النسخة الإنجليزية كما ستصل إلى نقاط الاتصال تمامًا:
}
announce-confirm =
    <b>جاهز للإرسال</b>
    { $versions ->
        [both] نسختان عربية وإنجليزية.
        [ar] نسخة عربية فقط: سيتلقاها الجميع.
       *[en] نسخة إنجليزية فقط: سيتلقاها الجميع.
    }
    الجمهور: { $audience ->
        [states] نقاط اتصال { $state_count ->
            [one] دولة عضو واحدة
            [two] دولتين عضوين
            [few] { $state_count } دول أعضاء
           *[other] { $state_count } دولة عضوًا
        }
        [language-ar] نقاط الاتصال التي تستخدم العربية
        [language-en] نقاط الاتصال التي تستخدم الإنجليزية
       *[all] جميع نقاط الاتصال
    } — { $recipients ->
        [one] شخص واحد
        [two] شخصان
        [few] { $recipients } أشخاص
       *[other] { $recipients } شخصًا
    }.
announce-send-now = 📤 إرسال الآن
announce-schedule = 🕒 جدولة…
announce-edit = ✏️ تعديل
announce-ask-date = اختر يوم الإرسال (بتوقيت { $zone }).
announce-ask-time = اختر الساعة يوم { $date } (بتوقيت { $zone }).
announce-done = { $sent ->
    [yes] 📤 في طريقه إلى { $recipients ->
            [one] نقطة اتصال واحدة
            [two] نقطتي اتصال
            [few] { $recipients } نقاط اتصال
           *[other] { $recipients } نقطة اتصال
        }. تُرسل الرسائل بالوتيرة التي يسمح بها تيليجرام؛ وتقرير التسليم في «📣 الإعلانات».
   *[no] 🕒 مجدول في { DATETIME($when, dateStyle: "long", timeStyle: "short") } (بتوقيت { $zone }). يمكنك إلغاؤه حتى ذلك الحين من «📣 الإعلانات».
}
announce-refused = { $reason ->
    [too-long] النص أطول مما يسمح به تيليجرام: { $length } حرفًا، والحد الأقصى { $limit }{ $limit ->
        [1024] {" "}(عند إرفاق صورة أو مستند)
       *[other] {""}
    }. يرجى اختصاره وإرساله مرة أخرى.
    [no-text] يحتاج الإعلان إلى نص بلغة واحدة على الأقل.
    [want-text] يرجى إرسال النص في رسالة.
    [unsupported-file] لا يمكن إرفاق هذا النوع من الملفات. أرسل صورة، أو مستند PDF أو Word أو Excel أو PowerPoint أو صورة.
    [file-too-big] حجم هذا الملف أكبر من { $limit } ميغابايت.
    [no-recipients] لا توجد نقطة اتصال ضمن هذا الجمهور بعد: لن يتلقاه أحد.
    [already-sent] تم إرسال هذا الإعلان بالفعل.
    [not-in-future] يرجى اختيار وقت في المستقبل.
   *[other] لا يمكن القيام بذلك الآن.
}

## الإعلانات المرسلة (الأمانة الفنية)

announcements-list = <b>الإعلانات</b>
    { $count ->
        [0] لا شيء بعد.
       *[other] الأحدث أولًا:
    }
announcements-new = ➕ إعلان جديد
announcements-report =
    <b>إعلان</b> — { $status ->
        [queued] مُرسل
        [scheduled] مجدول
        [cancelled] ملغى
       *[draft] مسودة
    }، { DATETIME($when, dateStyle: "medium", timeStyle: "short") } (بتوقيت { $zone })
    { $excerpt }

    المستلمون: { $recipients }
    ✅ تم التسليم: { $sent }
    ⏳ في الانتظار: { $pending } (قيد الإرسال: { $sending })
    ⚠️ تعذّر الإرسال: { $failed }
    ⛔ لا يمكن الوصول (حظروا البوت): { $blocked }
    ❓ غير مؤكد (ربما وصل): { $doubt }

    <b>حسب الدولة العضو</b>
    { $by_state }

    <b>لم يُسلَّم</b>
    { $problems }
delivery-status = { $status ->
    [sent] سُلّم
    [pending] في الانتظار
    [sending] قيد الإرسال
    [failed] تعذّر الإرسال
    [dropped] لم يعد لازمًا
    [blocked] لا يمكن الوصول
   *[doubt] غير مؤكد
}
announcements-refresh = 🔄 تحديث
announcements-resend-doubt = ↻ إعادة الإرسال لغير المؤكد
announcements-cancel = ✖ إلغاء الإرسال المجدول
announce-refreshed = تم التحديث.
announce-cancelled = تم إلغاء الإعلان المجدول.
announce-resent = { $count ->
    [one] أُعيدت رسالة واحدة إلى قائمة الإرسال.
    [two] أُعيدت رسالتان إلى قائمة الإرسال.
    [few] أُعيدت { $count } رسائل إلى قائمة الإرسال.
   *[other] أُعيدت { $count } رسالة إلى قائمة الإرسال.
}

## نقاط الاتصال

feed-list = <b>إعلانات الأمانة الفنية</b>
    { $count ->
        [0] لا شيء بعد.
       *[other] الأحدث أولًا:
    }
