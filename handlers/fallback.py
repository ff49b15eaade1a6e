"""Whatever no other handler took: unknown text, and buttons no dialog knows."""

from aiogram import F, Router
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode, StartMode

from dialogs.states import MainSG
from handlers.replies import not_registered_text
from services.permissions import Action, can


def fallback_router() -> Router:
    router = Router(name=__name__)
    router.message.register(on_unknown_message, F.chat.type == "private")
    router.callback_query.register(on_unknown_button)
    return router


async def on_unknown_message(message: Message, dialog_manager: DialogManager, user, l10n,
                             locales) -> None:
    if not can(user, Action.USE_MENU):
        await message.answer(not_registered_text(locales, user))
        return
    await message.answer(l10n("error-unknown-message"))
    await dialog_manager.start(MainSG.main, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)


async def on_unknown_button(callback: CallbackQuery, dialog_manager: DialogManager, user, l10n,
                            locales) -> None:
    if not can(user, Action.USE_MENU):
        await callback.answer(l10n.plain("error-not-allowed"), show_alert=True)
        return
    await callback.answer(l10n.plain("error-stale"), show_alert=True)
    await dialog_manager.start(MainSG.main, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)
