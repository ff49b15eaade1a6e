# المستندات المرفقة بالإجابة (أسئلة الملفات).

files-prompt = أرسل كل مستند كملف (📎 ← ملف)، واحدًا تلو الآخر؛ { $files ->
    [0] لم يُرسل أي مستند بعد.
    [one] أُرسل مستند واحد حتى الآن.
    [two] أُرسل مستندان حتى الآن.
    [few] أُرسلت { $files } مستندات حتى الآن.
    [many] أُرسل { $files } مستندًا حتى الآن.
   *[other] أُرسل { $files } مستند حتى الآن.
} اضغط «تم» عند الانتهاء.
files-done = تم ✓
files-kind = { $kind ->
    [pdf] PDF
    [word] Word
    [sheet] جداول البيانات
    [slides] العروض التقديمية
    [image] الصور
   *[other] { $kind }
}
files-comma = {"، "}
files-list = { $first } أو { $last }
files-refused = { $reason ->
    [file-type] هذا النوع من الملفات غير مقبول هنا. الأنواع المقبولة: { $accepted }.
    [too-many-files] لا يمكن إرفاق أكثر من { $limit } مستندات هنا.
   *[file-too-big] حجم هذا الملف أكبر من { $limit } ميغابايت، وهو الحد الأقصى للمستند.
}
