from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager, StartMode
from aiogram_dialog.widgets.kbd import Button

from dialogs.commands import set_chat_commands
from dialogs.states import MainSG
from services import registration


async def on_language(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    data = manager.middleware_data
    locale = button.widget_id
    await registration.set_locale(data["session"], data["user"], locale)
    data["l10n"] = data["locales"].get(locale)
    await set_chat_commands(data["bot"], data["l10n"], callback.from_user.id)
    await callback.answer(data["l10n"].plain("language-changed"))
    await manager.start(MainSG.main, mode=StartMode.RESET_STACK)
