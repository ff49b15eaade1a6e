"""The button under a reminder: opens what the state owes, at that deadline."""

from aiogram import F, Router
from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager, ShowMode, StartMode

from dialogs.owed.notices import OPEN_PREFIX
from dialogs.states import OwedSG
from services.permissions import Action, require


def reminders_router() -> Router:
    router = Router(name=__name__)
    router.callback_query.register(on_open, F.data.startswith(OPEN_PREFIX))
    return router


async def on_open(callback: CallbackQuery, dialog_manager: DialogManager, user, l10n) -> None:
    require(user, Action.ANSWER_FORMS)  # refused politely by the errors router
    ref = callback.data.removeprefix(OPEN_PREFIX)
    if not ref.isdigit():
        await callback.answer(l10n.plain("owed-refused", reason="not-found"), show_alert=True)
        return
    await callback.answer()
    # The dialog checks the deadline concerns the person's state before showing anything.
    await dialog_manager.start(OwedSG.detail, data={"deadline_id": int(ref)},
                               mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)
