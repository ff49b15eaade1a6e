from datetime import date

from aiogram_dialog import DialogManager

from dialogs.deadlines.draft import spec_from
from dialogs.formatting import clip, zone_name
from dialogs.owed import display
from services import action_plan, clock, deadlines, form_catalog, member_states, reminders
from services.deadlines import Stage
from services.timezones import local, user_timezone
from storage.models import DeadlineStatus

DUE_TIMES = [("0900", "09:00"), ("1200", "12:00"), ("1500", "15:00"), ("1800", "18:00"),
             ("2359", "23:59")]


def offsets_text(l10n, offsets: list[int]) -> str:
    if not offsets:
        return l10n.plain("deadlines-no-offsets")
    parts = [l10n.plain("deadlines-offset", days=d) for d in sorted(offsets, reverse=True)]
    return ("، " if l10n.locale == "ar" else ", ").join(parts)


async def _names(session, l10n) -> dict[str, str]:
    return {s.code: s.name(l10n.locale) for s in await member_states.list_states(
        session, l10n.locale)}


def _join(l10n, names: list[str]) -> str:
    return ("، " if l10n.locale == "ar" else ", ").join(names)


async def list_getter(dialog_manager: DialogManager, session, user, l10n, **_) -> dict:
    items = []
    for deadline in await deadlines.list_all(session, user):
        form = await deadlines.form_for(session, deadline)
        mark = "🔒" if deadline.status == DeadlineStatus.CLOSED else "📅"
        day = local(deadline.due_at, user)
        items.append((str(deadline.id), f"{mark} {day:%d.%m} · "
                      f"{clip(display.what(deadline, form, l10n.locale), 36)}"))
    return {"deadlines": items, "count": len(items)}


async def detail_getter(dialog_manager: DialogManager, session, user, l10n, settings,
                        **_) -> dict:
    deadline = await deadlines.get(session, user, dialog_manager.dialog_data["deadline_id"])
    form = await deadlines.form_for(session, deadline)
    names = await _names(session, l10n)
    board = await deadlines.board(session, user, deadline.id)
    by_stage = {stage: sorted(names[s.state] for s in board if s.stage == stage)
                for stage in Stage}
    number, title = display.item(l10n, deadline)
    days = deadlines.days_left(clock.now(), deadline.due_at, user_timezone(user))
    task = deadline.form_key is None
    stage_lines = [l10n.plain("deadlines-stage-line",
                              stage=display.stage_word(l10n, stage, task=task),
                              states=_join(l10n, by_stage[stage]))
                   for stage in Stage if by_stage[stage]]
    return {
        "what": display.what(deadline, form, l10n.locale),
        "item": number, "item_title": title,
        "due": display.due(l10n, deadline.due_at, user),
        "when": display.when(l10n, days, late=deadline.due_at <= clock.now()),
        "has_when": "yes",
        "audience": (_join(l10n, sorted(names[c] for c in deadline.audience_states))
                     if deadline.audience_states else l10n.plain("deadlines-all-states")),
        "offsets": offsets_text(l10n, deadline.offsets),
        "hour": f"{settings.reminder_hour:02d}:00",
        "overdue": deadline.overdue_every, "overdue_max": deadline.overdue_max,
        "status": str(deadline.status),
        "is_open": deadline.status == DeadlineStatus.OPEN,
        "submitted": len(by_stage[Stage.SUBMITTED]), "draft": len(by_stage[Stage.DRAFT]),
        "not_started": len(by_stage[Stage.NOT_STARTED]), "late": len(by_stage[Stage.LATE]),
        "stages": "\n".join(stage_lines),
    }


async def history_getter(dialog_manager: DialogManager, session, user, l10n, **_) -> dict:
    deadline_id = dialog_manager.dialog_data["deadline_id"]
    deadline = await deadlines.get(session, user, deadline_id)
    names = await _names(session, l10n)
    lines = []
    for slot in await reminders.history(session, user, deadline_id):
        old = slot.revision != deadline.revision
        if old and not slot.states_sent:  # dropped by a change before it went: nothing to tell
            continue
        outcomes = [l10n.plain("deadlines-outcome", outcome=outcome, count=count)
                    for outcome, count in sorted(slot.outcomes.items())]
        line = l10n.plain("deadlines-history-line", offset=_slot_name(l10n, slot.days),
                          at=local(slot.first_at, user), people=slot.people,
                          old="yes" if old else "no",
                          outcomes=_join(l10n, outcomes))
        if slot.states_sent:
            line += "\n" + l10n.plain("deadlines-history-sent", states=_join(
                l10n, sorted(names[c] for c in slot.states_sent)))
        lines.append(line)
    form = await deadlines.form_for(session, deadline)
    text = "\n\n".join(lines)
    return {"what": display.what(deadline, form, l10n.locale), "lines": clip(text, 3500),
            "count": len(lines)}


def _slot_name(l10n, days: int) -> str:
    if days < 0:
        return l10n.plain("deadline-days-late", days=-days)
    return l10n.plain("deadlines-offset", days=days)


# -- a new deadline -----------------------------------------------------------------------------
async def items_getter(dialog_manager: DialogManager, session, l10n, **_) -> dict:
    plan = await action_plan.current_plan(session, clock.now().date())
    items = await action_plan.plan_items(session, plan.id) if plan else []
    return {"items": [(str(i.id), f"{i.number}. {clip(i.title(l10n.locale), 50)}")
                      for i in items], "count": len(items)}


FORM_MARKS = {"open": "🟢", "draft": "⚪", "closed": "🔒"}


async def forms_getter(dialog_manager: DialogManager, session, user, l10n, **_) -> dict:
    forms = await deadlines.form_choices(session, user)
    return {"forms": [(str(f.id), f"{FORM_MARKS[form_catalog.status_of(f)]} "
                                  f"{clip(f.title(l10n.locale), 50)}") for f in forms]}


async def task_getter(dialog_manager: DialogManager, **_) -> dict:
    return {"lang": "ar" if "task_ar" not in dialog_manager.dialog_data else "en"}


async def states_getter(dialog_manager: DialogManager, session, l10n, **_) -> dict:
    states = await member_states.list_states(session, l10n.locale)
    return {"states": [(s.code, s.name(l10n.locale)) for s in states]}


async def date_getter(dialog_manager: DialogManager, user, l10n, **_) -> dict:
    chosen = dialog_manager.dialog_data.get("date")
    return {"zone": zone_name(user, l10n.locale), "times": DUE_TIMES,
            "date": date.fromisoformat(chosen) if chosen else ""}


async def offsets_getter(dialog_manager: DialogManager, l10n, **_) -> dict:
    return {"offsets": [(str(d), l10n.plain("deadlines-offset", days=d))
                        for d in deadlines.OFFSET_CHOICES]}


async def confirm_getter(dialog_manager: DialogManager, session, user, l10n, settings,
                         **_) -> dict:
    data = dialog_manager.dialog_data
    spec = spec_from(data)
    item = await action_plan.get_item(session, spec.item_id)
    names = await _names(session, l10n)
    form = None
    if spec.form_key:
        form = next((f for f in await deadlines.form_choices(session, user)
                     if f.key == spec.form_key), None)
    due = display.due(l10n, spec.due_at, user)
    return {
        "form_open": "no" if form is not None and form_catalog.status_of(form) != "open"
        else "yes",
        "what": form.title(l10n.locale) if form else (
            (spec.task_ar if l10n.locale == "ar" else spec.task_en)
            or spec.task_ar or spec.task_en or ""),
        "item": l10n.plain("deadline-item", number=str(item.number)),
        "item_title": item.title(l10n.locale),
        "due": due,
        "audience": (_join(l10n, sorted(names[c] for c in spec.states)) if spec.states
                     else l10n.plain("deadlines-all-states")),
        "offsets": offsets_text(l10n, list(spec.offsets)),
        "hour": f"{settings.reminder_hour:02d}:00",
    }
