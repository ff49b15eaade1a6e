"""The messages the scheduler sends: a reminder to a focal point, the weekly digest."""

from datetime import datetime

from dialogs.owed import display
from services.deadlines import Stage
from services.outbox import TEXT_LIMIT, telegram_length, visible_text
from services.reminders import DigestLine, Notice
from services.timezones import local
from storage.models import Form, User

OPEN_PREFIX = "owe:"  # callback data of the button under a reminder: "owe:<deadline id>"


def reminder_payload(tr, notice: Notice, user: User) -> dict:
    standing, deadline = notice.standing, notice.standing.deadline
    number, title = display.item(tr, deadline)
    text = tr("reminder-text", days_text=display.standing_when(tr, standing),
              what=display.what(deadline, notice.form, tr.locale), item=number,
              item_title=title, due=display.due(tr, deadline.due_at, user),
              stage=display.stage(tr, standing))
    label = tr.plain("reminder-open-form" if deadline.form_key else "reminder-open-task")
    return {"text": text, "buttons": [[[label, f"{OPEN_PREFIX}{deadline.id}"]]]}


def digest_payload(tr, user: User, lines: list[DigestLine], forms: dict[str, Form],
                   names: dict[str, str], now: datetime) -> dict:
    """One message, cut before Telegram's limit with a count of what did not fit."""
    parts = [tr("digest-title", today=local(now, user))]
    for shown, line in enumerate(lines):
        deadline, stages = line.deadline, line.stages
        part = tr("digest-line", what=display.what(deadline, forms.get(deadline.form_key),
                                                   tr.locale),
                  item=display.item(tr, deadline)[0], due=local(deadline.due_at, user),
                  submitted=len(stages[Stage.SUBMITTED]), draft=len(stages[Stage.DRAFT]),
                  not_started=len(stages[Stage.NOT_STARTED]), late=len(stages[Stage.LATE]))
        for stage, msg_id in ((Stage.SUBMITTED, "digest-submitted"), (Stage.LATE, "digest-late")):
            if stages[stage]:
                found = sorted(names[code] for code in stages[stage])
                part += "\n" + tr(msg_id, states=("، " if tr.locale == "ar" else ", ").join(found))
        more = tr("digest-more", count=len(lines) - shown)
        if _length(parts + [part, more]) > TEXT_LIMIT:
            parts.append(more)
            break
        parts.append(part)
    return {"text": "\n\n".join(parts)}


def _length(parts: list[str]) -> int:
    return telegram_length(visible_text("\n\n".join(parts)))
