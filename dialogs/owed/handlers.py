from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Button, Select

from dialogs.states import OwedSG, SurveySG
from services import deadlines
from services.deadlines import DeadlineRefused
from services.errors import NotFound


async def on_start(start_data: object, manager: DialogManager) -> None:
    if isinstance(start_data, dict) and "deadline_id" in start_data:
        manager.dialog_data["deadline_id"] = int(start_data["deadline_id"])


async def on_pick(callback: CallbackQuery, widget: Select, manager: DialogManager,
                  item_id: str) -> None:
    if not item_id.isdigit():
        await callback.answer(manager.middleware_data["l10n"].plain("owed-refused",
                                                                    reason="not-found"))
        return
    manager.dialog_data["deadline_id"] = int(item_id)
    await manager.switch_to(OwedSG.detail)


async def on_answer(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    session, user = manager.middleware_data["session"], manager.middleware_data["user"]
    try:
        standing = await deadlines.standing_for(session, user,
                                                manager.dialog_data["deadline_id"])
    except (NotFound, DeadlineRefused) as refusal:
        await callback.answer(manager.middleware_data["l10n"].plain(
            "owed-refused", reason=refusal.reason), show_alert=True)
        return
    form = await deadlines.form_for(session, standing.deadline)
    if form is not None:
        await manager.start(SurveySG.list, data={"form_id": form.id})


async def on_mark(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    session, user = manager.middleware_data["session"], manager.middleware_data["user"]
    l10n, done = manager.middleware_data["l10n"], button.widget_id == "done"
    try:
        await deadlines.mark_done(session, user, manager.dialog_data["deadline_id"], done)
    except (NotFound, DeadlineRefused) as refusal:
        await callback.answer(l10n.plain("owed-refused", reason=refusal.reason),
                              show_alert=True)
        return
    await callback.answer(l10n.plain("owed-marked", done="yes" if done else "no"))
