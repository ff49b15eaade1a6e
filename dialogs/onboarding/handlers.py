from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager, StartMode
from aiogram_dialog.widgets.kbd import Button

from dialogs.commands import set_chat_commands
from dialogs.notify import tell_secretariat_joined
from dialogs.states import MainSG, OnboardingSG
from services import registration
from services.errors import InviteRefused


def profile_of(callback: CallbackQuery) -> registration.Profile:
    person = callback.from_user
    return registration.Profile(person.id, person.full_name, person.username)


async def on_language(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    data = manager.middleware_data
    locale = button.widget_id
    try:
        await registration.check_invite(data["session"], manager.start_data["token"], data["user"])
    except InviteRefused as refusal:
        return await _refuse(manager, refusal.reason)
    data["user"] = await registration.begin_joining(
        data["session"], profile_of(callback), locale, data["user"])
    data["l10n"] = data["locales"].get(locale)  # the next screens speak the chosen language
    await set_chat_commands(data["bot"], data["l10n"], callback.from_user.id)
    await manager.switch_to(OnboardingSG.confirm)


async def on_join(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    data = manager.middleware_data
    try:
        user = await registration.accept_invite(
            data["session"], manager.start_data["token"], data["user"])
    except InviteRefused as refusal:
        return await _refuse(manager, refusal.reason)
    data["user"] = user
    await tell_secretariat_joined(data, user)
    await manager.start(MainSG.main, mode=StartMode.RESET_STACK)


async def on_cancel(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await callback.message.answer(manager.middleware_data["l10n"]("onboarding-cancelled"))


async def _refuse(manager: DialogManager, reason: str) -> None:
    manager.dialog_data["reason"] = reason
    await manager.switch_to(OnboardingSG.refused)
