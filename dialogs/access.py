"""Keeping a dialog to the people its actions are for.

aiogram-dialog does not check a button's `when` on a press, so hiding a Start button is not
enough: a restricted dialog refuses to start for anyone else, and its updates are filtered.
"""

from aiogram.filters import Filter
from aiogram.types import TelegramObject
from aiogram_dialog import Dialog, DialogManager

from services.permissions import Action, can, require
from storage.models import User


class Allowed(Filter):
    def __init__(self, action: Action):
        self.action = action

    async def __call__(self, event: TelegramObject, user: User | None = None) -> bool:
        return can(user, self.action)


def restrict(dialog: Dialog, action: Action) -> Dialog:
    """Only users allowed `action` start or reach this dialog (NotAllowed otherwise)."""
    for observer in (dialog.message, dialog.callback_query):
        observer.filter(Allowed(action))
    on_start = dialog.on_start

    async def checked_start(start_data: object, manager: DialogManager) -> None:
        require(manager.middleware_data.get("user"), action)
        if on_start:
            await on_start(start_data, manager)

    dialog.on_start = checked_start
    return dialog
