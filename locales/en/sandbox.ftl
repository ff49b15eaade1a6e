## The sandbox's web page (python -m bot sandbox); served by /api/strings.
## Ids sandbox-page-* are the page's own.

sandbox-title = ARCP bot sandbox
sandbox-notice = Everything here stays on this computer: a local copy of Telegram and a throwaway database.
