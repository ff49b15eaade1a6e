from aiogram_dialog import DialogManager

from dialogs.formatting import clip
from dialogs.owed import display
from services import deadlines, submissions
from services.deadlines import DeadlineRefused, Stage
from services.errors import NotFound

STAGE_MARK = {Stage.SUBMITTED: "✅", Stage.DRAFT: "✏️", Stage.LATE: "⚠️", Stage.NOT_STARTED: "⭕"}


async def owed_getter(dialog_manager: DialogManager, session, user, l10n, **_) -> dict:
    lines, buttons = [], []
    for standing in await deadlines.owed(session, user):
        deadline = standing.deadline
        what = display.what(deadline, await deadlines.form_for(session, deadline), l10n.locale)
        when = display.standing_when(l10n, standing)
        lines.append(l10n.plain("owed-line", stage=display.stage(l10n, standing), what=what,
                                when=when, has_when="yes" if when else "no"))
        buttons.append((str(deadline.id), f"{STAGE_MARK[standing.stage]} {clip(what, 40)}"))
    return {"state": user.member_state.name(l10n.locale), "lines": "\n".join(lines),
            "deadlines": buttons, "count": len(buttons)}


async def detail_getter(dialog_manager: DialogManager, session, user, l10n, **_) -> dict:
    try:
        standing = await deadlines.standing_for(session, user,
                                                dialog_manager.dialog_data["deadline_id"])
    except (NotFound, DeadlineRefused) as refusal:
        return {"gone": True, "reason": refusal.reason, "is_form": False, "is_task": False,
                "can_answer": False, "form_closed": False, "done": False}
    deadline = standing.deadline
    form = await deadlines.form_for(session, deadline)
    number, title = display.item(l10n, deadline)
    answerable = form is not None and submissions.is_open(form)
    return {
        "gone": False,
        "what": display.what(deadline, form, l10n.locale),
        "item": number,
        "item_title": title,
        "due": display.due(l10n, deadline.due_at, user),
        "when": display.standing_when(l10n, standing),
        "has_when": "yes" if display.standing_when(l10n, standing) else "no",
        "state": user.member_state.name(l10n.locale),
        "stage": display.stage(l10n, standing),
        "is_form": deadline.form_key is not None,
        "is_task": deadline.form_key is None,
        "can_answer": answerable,
        "form_closed": deadline.form_key is not None and not answerable,
        "done": display.is_done(standing),
    }
