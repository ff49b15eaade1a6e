"""/menu, /language and /help."""

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import Message
from aiogram_dialog import DialogManager, StartMode

from dialogs.states import LanguageSG, MainSG
from handlers.replies import not_registered_text
from services.permissions import Action, can


def commands_router() -> Router:
    router = Router(name=__name__)
    router.message.filter(F.chat.type == "private")
    router.message.register(cmd_menu, Command("menu"))
    router.message.register(cmd_language, Command("language"))
    router.message.register(cmd_help, Command("help"))
    return router


async def cmd_menu(message: Message, dialog_manager: DialogManager, user, locales) -> None:
    if not can(user, Action.USE_MENU):
        await message.answer(not_registered_text(locales, user))
        return
    await dialog_manager.start(MainSG.main, mode=StartMode.RESET_STACK)


async def cmd_language(message: Message, dialog_manager: DialogManager, user, locales) -> None:
    if not can(user, Action.USE_MENU):
        await message.answer(not_registered_text(locales, user))
        return
    await dialog_manager.start(LanguageSG.choose, mode=StartMode.RESET_STACK)


async def cmd_help(message: Message, dialog_manager: DialogManager, user, locales) -> None:
    if not can(user, Action.USE_MENU):
        await message.answer(not_registered_text(locales, user))
        return
    await dialog_manager.start(MainSG.help, mode=StartMode.RESET_STACK)
