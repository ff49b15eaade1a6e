from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Select

from dialogs.states import FeedSG
from services import announcements
from services.errors import NotFound


async def on_pick(callback: CallbackQuery, widget: Select, manager: DialogManager,
                  item_id: str) -> None:
    data = manager.middleware_data
    try:
        ann = await announcements.read(data["session"], data["user"], int(item_id))
    except (ValueError, NotFound):  # forged, or not meant for this state
        await callback.answer(data["l10n"].plain("error-stale"), show_alert=True)
        return
    manager.dialog_data["ann_id"] = ann.id
    await manager.switch_to(FeedSG.item)
