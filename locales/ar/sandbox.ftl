## The sandbox's web page (python -m bot sandbox); served by /api/strings.
## Ids sandbox-page-* are the page's own.

sandbox-title = تجربة بوت العملية التشاورية
sandbox-notice = كل ما هنا يبقى على هذا الحاسوب: نسخة محلية من تيليجرام وقاعدة بيانات مؤقتة.

sandbox-page-people = من أنت
sandbox-page-choose-person = اختر من أنت
sandbox-page-choose-hint = اختر شخصًا من الأعلى لترى محادثته مع البوت. تبقى كل محادثة كما هي عند التنقل بين الأشخاص.
sandbox-page-role-secretariat = الأمانة الفنية
sandbox-page-role-focal-point = نقطة اتصال
sandbox-page-role-newcomer = منضم جديد
sandbox-page-you-are = أنت
sandbox-page-unread = رسائل جديدة
sandbox-page-clock = ساعة التجربة
sandbox-page-fast-forward = تقديم الوقت
sandbox-page-plus-hour = + ساعة
sandbox-page-plus-day = + يوم
sandbox-page-start = ابدأ
sandbox-page-message = رسالة
sandbox-page-send = إرسال
sandbox-page-attach = إرفاق مستند
sandbox-page-edited = معدّلة
sandbox-page-photo = صورة
sandbox-page-download = تنزيل
sandbox-page-ok = حسنًا
sandbox-page-offline = لا اتصال ببيئة التجربة. نحاول من جديد…
sandbox-page-error = لم يتم:
sandbox-page-too-big = هذا الملف أكبر مما تقبله بيئة التجربة: 63 ميغابايت على الأكثر.
sandbox-page-empty-chat = لا رسائل هنا بعد. اضغط «ابدأ» للبدء، كما في تيليجرام.
