from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Button, Select

from dialogs.states import AnnouncementsSG
from services import announcements, outbox
from services.errors import NotFound, ServiceError


async def on_pick(callback: CallbackQuery, widget: Select, manager: DialogManager,
                  item_id: str) -> None:
    data = manager.middleware_data
    try:
        ann = await announcements.get_for_secretariat(data["session"], data["user"],
                                                      int(item_id))
    except (ValueError, NotFound):
        await callback.answer(data["l10n"].plain("error-stale"), show_alert=True)
        return
    manager.dialog_data["ann_id"] = ann.id
    await manager.switch_to(AnnouncementsSG.detail)


async def on_start(start_data: dict | None, manager: DialogManager) -> None:
    if start_data and "ann_id" in start_data:
        manager.dialog_data["ann_id"] = start_data["ann_id"]
        await manager.switch_to(AnnouncementsSG.detail)


async def on_refresh(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await callback.answer(manager.middleware_data["l10n"].plain("announce-refreshed"))


async def on_cancel_scheduled(callback: CallbackQuery, button: Button,
                              manager: DialogManager) -> None:
    data = manager.middleware_data
    ann_id = manager.dialog_data["ann_id"]
    try:
        await announcements.cancel(data["session"], data["user"], ann_id)
    except ServiceError as refusal:
        await callback.answer(data["l10n"].plain("announce-refused", reason=refusal.reason),
                              show_alert=True)
        return
    data["planner"].unplan_announcement(ann_id)
    await callback.answer(data["l10n"].plain("announce-cancelled"))
    await manager.switch_to(AnnouncementsSG.list)


async def on_resend_doubtful(callback: CallbackQuery, button: Button,
                             manager: DialogManager) -> None:
    data = manager.middleware_data
    count = await outbox.resend_doubtful(data["session"], data["user"], announcements.KIND,
                                         str(manager.dialog_data["ann_id"]))
    await callback.answer(data["l10n"].plain("announce-resent", count=count))
