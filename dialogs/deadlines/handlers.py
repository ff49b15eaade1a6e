from datetime import date

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, ManagedMultiselect, Select

from dialogs.deadlines.draft import due_from, spec_from
from dialogs.states import DeadlinesSG
from services import action_plan, clock, deadlines
from services.errors import NotFound, ServiceError
from services.timezones import user_timezone

STATES_ID, NEW_OFFSETS_ID, OFFSETS_ID, EDIT_STATES_ID = "sts", "noff", "eoff", "ests"
DRAFT_KEYS = ("item_id", "form_key", "task_ar", "task_en", "states", "date", "due_at",
              "offsets")


def _ctx(manager: DialogManager):
    data = manager.middleware_data
    return data["session"], data["user"], data["l10n"]


def _hour(manager: DialogManager) -> int:
    return manager.middleware_data["settings"].reminder_hour


async def _refuse(event: CallbackQuery | Message, manager: DialogManager,
                  reason: str, **details) -> None:
    text = manager.middleware_data["l10n"].plain("deadlines-refused", reason=reason, **details)
    if isinstance(event, CallbackQuery):
        await event.answer(text, show_alert=True)
    else:
        await event.answer(text)
        manager.show_mode = ShowMode.SEND


async def on_pick(callback: CallbackQuery, widget: Select, manager: DialogManager,
                  item_id: str) -> None:
    session, user, _ = _ctx(manager)
    try:
        deadline = await deadlines.get(session, user, int(item_id))
    except (ValueError, NotFound):
        return await _refuse(callback, manager, "not-found")
    manager.dialog_data["deadline_id"] = deadline.id
    await manager.switch_to(DeadlinesSG.detail)


# -- an existing deadline -----------------------------------------------------------------------
def _on_day(then):
    """A day chosen in the calendar (not in the past), then the time on `then`."""
    async def on_day(callback: CallbackQuery, widget, manager: DialogManager,
                     chosen: date) -> None:
        if await _future_day(callback, manager, chosen):
            manager.dialog_data["date"] = chosen.isoformat()
            await manager.switch_to(then)

    return on_day


on_move_date = _on_day(DeadlinesSG.move_time)
on_new_date = _on_day(DeadlinesSG.new_time)


async def on_move_time(callback: CallbackQuery, widget: Select, manager: DialogManager,
                       item_id: str) -> None:
    session, user, l10n = _ctx(manager)
    due = await _due(callback, manager, item_id)
    if due is None:
        return
    try:
        await deadlines.move(session, user, manager.dialog_data["deadline_id"], due,
                             hour=_hour(manager))
    except ServiceError as refusal:
        return await _refuse(callback, manager, refusal.reason)
    await callback.answer(l10n.plain("deadlines-moved"))
    await manager.switch_to(DeadlinesSG.detail)


async def on_edit_offsets(callback: CallbackQuery, button: Button,
                          manager: DialogManager) -> None:
    session, user, _ = _ctx(manager)
    deadline = await deadlines.get(session, user, manager.dialog_data["deadline_id"])
    await _tick(manager, OFFSETS_ID, deadline.offsets)
    await manager.switch_to(DeadlinesSG.offsets)


async def on_save_offsets(callback: CallbackQuery, button: Button,
                          manager: DialogManager) -> None:
    session, user, l10n = _ctx(manager)
    offsets = _ticked(manager, OFFSETS_ID)
    try:
        await deadlines.set_offsets(session, user, manager.dialog_data["deadline_id"],
                                    offsets, hour=_hour(manager))
    except ServiceError as refusal:
        return await _refuse(callback, manager, refusal.reason)
    await callback.answer(l10n.plain("deadlines-saved"))
    await manager.switch_to(DeadlinesSG.detail)


async def on_edit_states(callback: CallbackQuery, button: Button,
                         manager: DialogManager) -> None:
    session, user, _ = _ctx(manager)
    deadline = await deadlines.get(session, user, manager.dialog_data["deadline_id"])
    widget: ManagedMultiselect = manager.find(EDIT_STATES_ID)
    await widget.reset_checked()
    for code in deadline.audience_states:
        await widget.set_checked(code, True)
    await manager.switch_to(DeadlinesSG.states)


async def on_save_states(callback: CallbackQuery, button: Button,
                         manager: DialogManager) -> None:
    session, user, l10n = _ctx(manager)
    widget: ManagedMultiselect = manager.find(EDIT_STATES_ID)
    chosen = () if button.widget_id == "sall" else tuple(widget.get_checked())
    if button.widget_id != "sall" and not chosen:
        return await _refuse(callback, manager, "no-states")
    try:
        await deadlines.set_states(session, user, manager.dialog_data["deadline_id"], chosen,
                                   hour=_hour(manager))
    except ServiceError as refusal:
        return await _refuse(callback, manager, refusal.reason)
    await callback.answer(l10n.plain("deadlines-saved"))
    await manager.switch_to(DeadlinesSG.detail)


async def on_close(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    session, user, l10n = _ctx(manager)
    deadline_id = manager.dialog_data["deadline_id"]
    if button.widget_id == "close":
        await deadlines.close(session, user, deadline_id)
    else:
        await deadlines.reopen(session, user, deadline_id, hour=_hour(manager))
    await callback.answer(l10n.plain("deadlines-saved"))


# -- a new deadline -----------------------------------------------------------------------------
async def on_new(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    for key in DRAFT_KEYS:
        manager.dialog_data.pop(key, None)
    await manager.switch_to(DeadlinesSG.new_item)


async def on_item(callback: CallbackQuery, widget: Select, manager: DialogManager,
                  item_id: str) -> None:
    session, _, _ = _ctx(manager)
    try:
        item = await action_plan.get_item(session, int(item_id))
    except (ValueError, NotFound):
        return await _refuse(callback, manager, "no-item")
    manager.dialog_data["item_id"] = item.id
    await manager.switch_to(DeadlinesSG.new_what)


async def on_form(callback: CallbackQuery, widget: Select, manager: DialogManager,
                  item_id: str) -> None:
    session, user, _ = _ctx(manager)
    form = next((f for f in await deadlines.form_choices(session, user)
                 if str(f.id) == item_id), None)
    if form is None:
        return await _refuse(callback, manager, "no-form")
    manager.dialog_data.update(form_key=form.key, task_ar=None, task_en=None)
    await manager.switch_to(DeadlinesSG.new_audience)


async def on_task(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    for key in ("form_key", "task_ar", "task_en"):
        manager.dialog_data.pop(key, None)
    await manager.switch_to(DeadlinesSG.new_task_ar)


async def on_task_text(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    text = (message.text or "").strip()
    if not text:
        return await _refuse(message, manager, "want-text")
    if len(text) > deadlines.TASK_LIMIT:
        return await _refuse(message, manager, "too-long", limit=deadlines.TASK_LIMIT)
    arabic = manager.current_context().state == DeadlinesSG.new_task_ar
    manager.dialog_data["task_ar" if arabic else "task_en"] = text
    manager.show_mode = ShowMode.SEND
    await _after_task(manager, arabic)


async def on_task_skip(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    arabic = manager.current_context().state == DeadlinesSG.new_task_ar
    manager.dialog_data["task_ar" if arabic else "task_en"] = None
    if not arabic and not manager.dialog_data.get("task_ar"):
        await _refuse(callback, manager, "no-task")
        await manager.switch_to(DeadlinesSG.new_task_ar)
        return
    await _after_task(manager, arabic)


async def _after_task(manager: DialogManager, arabic: bool) -> None:
    await manager.switch_to(DeadlinesSG.new_task_en if arabic else DeadlinesSG.new_audience)


async def on_all_states(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    manager.dialog_data["states"] = []
    await manager.switch_to(DeadlinesSG.new_date)


async def on_states_done(callback: CallbackQuery, button: Button,
                         manager: DialogManager) -> None:
    widget: ManagedMultiselect = manager.find(STATES_ID)
    chosen = list(widget.get_checked())
    if not chosen:
        return await _refuse(callback, manager, "no-states")
    manager.dialog_data["states"] = chosen
    await manager.switch_to(DeadlinesSG.new_date)


async def on_new_time(callback: CallbackQuery, widget: Select, manager: DialogManager,
                      item_id: str) -> None:
    due = await _due(callback, manager, item_id)
    if due is None:
        return
    manager.dialog_data["due_at"] = due.isoformat()
    await _tick(manager, NEW_OFFSETS_ID, manager.dialog_data.get(
        "offsets", deadlines.DEFAULT_OFFSETS))
    await manager.switch_to(DeadlinesSG.new_offsets)


async def on_new_offsets(callback: CallbackQuery, button: Button,
                         manager: DialogManager) -> None:
    manager.dialog_data["offsets"] = list(_ticked(manager, NEW_OFFSETS_ID))
    await manager.switch_to(DeadlinesSG.new_confirm)


async def on_create(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    session, user, l10n = _ctx(manager)
    try:
        deadline = await deadlines.create(session, user, spec_from(manager.dialog_data),
                                          hour=_hour(manager))
    except (KeyError, ValueError):  # a stale confirmation after the draft was dropped
        return await _refuse(callback, manager, "stale")
    except ServiceError as refusal:
        return await _refuse(callback, manager, refusal.reason)
    for key in DRAFT_KEYS:
        manager.dialog_data.pop(key, None)
    manager.dialog_data["deadline_id"] = deadline.id
    await callback.answer(l10n.plain("deadlines-created"))
    await manager.switch_to(DeadlinesSG.detail)


# -- shared steps -------------------------------------------------------------------------------
async def _future_day(callback: CallbackQuery, manager: DialogManager, chosen: date) -> bool:
    _, user, _ = _ctx(manager)
    if chosen < clock.now().astimezone(user_timezone(user)).date():
        await _refuse(callback, manager, "not-in-future")
        return False
    return True


async def _due(callback: CallbackQuery, manager: DialogManager, time_id: str):
    _, user, _ = _ctx(manager)
    try:
        due = due_from(manager.dialog_data["date"], time_id, user_timezone(user))
    except (KeyError, ValueError, IndexError):  # a forged or stale button
        await _refuse(callback, manager, "stale")
        return None
    if due <= clock.now():
        await _refuse(callback, manager, "not-in-future")
        return None
    return due


async def _tick(manager: DialogManager, widget_id: str, offsets) -> None:
    widget: ManagedMultiselect = manager.find(widget_id)
    await widget.reset_checked()
    for days in offsets:
        await widget.set_checked(str(days), True)


def _ticked(manager: DialogManager, widget_id: str) -> tuple[int, ...]:
    widget: ManagedMultiselect = manager.find(widget_id)
    return tuple(int(d) for d in widget.get_checked() if d.isdigit())
