## The sandbox's web page (python -m bot sandbox); served by /api/strings.
## Ids sandbox-page-* are the page's own.

sandbox-title = ARCP bot sandbox
sandbox-notice = Everything here stays on this computer: a local copy of Telegram and a throwaway database.

sandbox-page-people = Who you are
sandbox-page-choose-person = Choose who you are
sandbox-page-choose-hint = Pick a person above to see their chat with the bot. Each chat is kept while you switch between people.
sandbox-page-role-secretariat = Secretariat
sandbox-page-role-focal-point = Focal point
sandbox-page-role-newcomer = Newcomer
sandbox-page-you-are = You are
sandbox-page-unread = New messages
sandbox-page-clock = Sandbox clock
sandbox-page-fast-forward = Fast-forward
sandbox-page-plus-hour = +1 hour
sandbox-page-plus-day = +1 day
sandbox-page-start = START
sandbox-page-message = Message
sandbox-page-send = Send
sandbox-page-attach = Attach a document
sandbox-page-edited = edited
sandbox-page-photo = Photo
sandbox-page-download = Download
sandbox-page-ok = OK
sandbox-page-offline = No connection to the sandbox. Trying again…
sandbox-page-error = Not done:
sandbox-page-too-big = This file is too big for the sandbox: at most 63 MB.
sandbox-page-empty-chat = No messages here yet. Press START to begin, as in Telegram.
