from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Back, Button, Cancel

from dialogs.access import restrict
from dialogs.states import UsersSG
from dialogs.users.getters import detail_getter, users_getter
from dialogs.users.handlers import on_reinstate, on_suspend, on_user
from dialogs.widgets import L, T, item_list, unexpected_input
from services.permissions import Action


def users_dialog() -> Dialog:
    return restrict(Dialog(
        Window(
            T("users-list"),
            item_list("u", "users", on_user),
            Cancel(L("common-back")),
            unexpected_input(),
            getter=users_getter,
            state=UsersSG.list,
        ),
        Window(
            T("users-detail"),
            Button(L("users-suspend"), id="sus", on_click=on_suspend, when="can_suspend"),
            Button(L("users-reinstate"), id="rei", on_click=on_reinstate, when="can_reinstate"),
            Back(L("common-back")),
            unexpected_input(),
            getter=detail_getter,
            state=UsersSG.detail,
        ),
    ), Action.MANAGE_USERS)
