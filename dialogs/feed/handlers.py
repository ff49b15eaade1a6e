from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager, ShowMode
from aiogram_dialog.widgets.kbd import Select

from dialogs.announce.preview import send_message
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
    # the announcement again, exactly as it arrived (with its photo or document); the list
    # follows below it
    await send_message(data["bot"], callback.message.chat.id,
                       announcements.payload_for(ann, data["user"].locale))
    await callback.answer()
    manager.show_mode = ShowMode.SEND
