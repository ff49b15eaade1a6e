from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Button, Select

from dialogs.states import UsersSG
from services import registration
from services.errors import NotAllowed, NotFound


async def on_user(callback: CallbackQuery, widget: Select, manager: DialogManager,
                  item_id: str) -> None:
    data = manager.middleware_data
    try:
        shown = await registration.get_user(data["session"], data["user"], int(item_id))
    except (ValueError, NotFound):  # forged or stale item id
        return await callback.answer(data["l10n"].plain("error-stale"), show_alert=True)
    manager.dialog_data["user_id"] = shown.id
    await manager.switch_to(UsersSG.detail)


async def on_suspend(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await _set_suspended(callback, manager, suspended=True)


async def on_reinstate(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await _set_suspended(callback, manager, suspended=False)


async def _set_suspended(callback: CallbackQuery, manager: DialogManager, suspended: bool) -> None:
    data = manager.middleware_data
    l10n = data["l10n"]
    try:
        await registration.set_suspended(
            data["session"], data["user"], manager.dialog_data["user_id"], suspended)
    except (NotFound, NotAllowed):
        return await callback.answer(l10n.plain("error-not-allowed"), show_alert=True)
    await callback.answer(l10n.plain("users-suspended" if suspended else "users-reinstated"))
