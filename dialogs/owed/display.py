"""How a deadline reads, shared by the focal points' screens and the messages sent unasked."""

from datetime import datetime

from dialogs.formatting import zone_name
from services.deadlines import Stage, Standing
from services.timezones import local
from storage.models import Deadline, Form, User


def what(deadline: Deadline, form: Form | None, locale: str) -> str:
    """What is due, in the reader's language (a task written in one language only: that one)."""
    if form is not None:
        return form.title(locale)
    first, second = ((deadline.task_ar, deadline.task_en) if locale == "ar"
                     else (deadline.task_en, deadline.task_ar))
    return first or second or ""


def when(tr, days_left: int, late: bool = False) -> str:
    """"3 days left", "due today", "2 days overdue" ("overdue" already on the due day once
    its moment has passed)."""
    if days_left < 0 or late:
        return tr.plain("deadline-days-late", days=max(0, -days_left))
    return tr.plain("deadline-days-left", days=days_left)


def standing_when(tr, standing: Standing) -> str:
    """The days left for a state that still owes; nothing once it has submitted."""
    if standing.stage == Stage.SUBMITTED:
        return ""
    return when(tr, standing.days_left, late=standing.stage == Stage.LATE)


def due(tr, due_at: datetime, user: User | None) -> str:
    return tr.plain("deadline-due", due=local(due_at, user), zone=zone_name(user, tr.locale))


def stage(tr, standing: Standing) -> str:
    return stage_word(tr, standing.stage, task=standing.deadline.form_key is None)


def stage_word(tr, stage: Stage, *, task: bool = False) -> str:
    """"submitted" for a questionnaire, "done" for a task."""
    return tr.plain("deadline-stage-done" if task else "deadline-stage", stage=str(stage))


def item(tr, deadline: Deadline) -> tuple[str, str]:
    """("Action plan item 9", its title)."""
    return (tr.plain("deadline-item", number=str(deadline.item.number)),
            deadline.item.title(tr.locale))


def is_done(standing: Standing) -> bool:
    return standing.stage == Stage.SUBMITTED
