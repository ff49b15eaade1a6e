"""Router filters that keep a dialog's buttons to the people its actions are for."""

from aiogram.filters import Filter
from aiogram.types import TelegramObject
from aiogram_dialog import Dialog

from services.permissions import Action, can
from storage.models import User


class Allowed(Filter):
    def __init__(self, action: Action):
        self.action = action

    async def __call__(self, event: TelegramObject, user: User | None = None) -> bool:
        return can(user, self.action)


def restrict(dialog: Dialog, action: Action) -> Dialog:
    """Only users allowed `action` reach this dialog; others fall through to the fallback."""
    for observer in (dialog.message, dialog.callback_query):
        observer.filter(Allowed(action))
    return dialog
