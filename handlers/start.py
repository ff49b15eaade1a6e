"""/start, with or without an invite link."""

from aiogram import F, Router
from aiogram.filters import CommandObject, CommandStart
from aiogram.types import Message
from aiogram_dialog import DialogManager, StartMode

from dialogs.states import MainSG, OnboardingSG
from handlers.replies import not_registered_text
from services import registration
from services.errors import InviteRefused
from services.permissions import Action, can


def start_router() -> Router:
    router = Router(name=__name__)
    router.message.filter(F.chat.type == "private")
    router.message.register(cmd_start, CommandStart())
    return router


async def cmd_start(
    message: Message, command: CommandObject, dialog_manager: DialogManager,
    session, user, l10n, locales,
) -> None:
    token = registration.token_from_payload(command.args)
    if can(user, Action.USE_MENU):
        if token:
            await message.answer(l10n("invite-refused", reason="registered"))
        await dialog_manager.start(MainSG.main, mode=StartMode.RESET_STACK)
        return
    if token is None:
        if command.args:  # a payload that is no invite at all: a forged or mistyped link
            await message.answer(l10n("invite-refused", reason="unknown"))
        await message.answer(not_registered_text(locales, user))
        return
    try:
        await registration.check_invite(session, token, user)
    except InviteRefused as refusal:
        await message.answer(l10n("invite-refused", reason=refusal.reason))
        return
    await dialog_manager.start(OnboardingSG.language, data={"token": token},
                               mode=StartMode.RESET_STACK)
