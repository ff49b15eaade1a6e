## The sandbox's web page (python -m bot sandbox); served by /api/strings.
## Ids sandbox-page-* are the page's own.

sandbox-title = تجربة بوت العملية التشاورية
sandbox-notice = كل ما هنا يبقى على هذا الحاسوب: نسخة محلية من تيليجرام وقاعدة بيانات مؤقتة.
