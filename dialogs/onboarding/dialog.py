from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Button, Cancel, Row
from aiogram_dialog.widgets.text import Const, Format

from dialogs.onboarding.getters import confirm_getter, refused_getter, welcome_getter
from dialogs.onboarding.handlers import on_cancel, on_join, on_language
from dialogs.states import OnboardingSG
from dialogs.widgets import L, T, unexpected_input


def onboarding_dialog() -> Dialog:
    return Dialog(
        Window(
            Format("{welcome}"),
            Row(
                Button(Const("العربية"), id="ar", on_click=on_language),
                Button(Const("English"), id="en", on_click=on_language),
            ),
            unexpected_input(),
            getter=welcome_getter,
            state=OnboardingSG.language,
        ),
        Window(
            T("onboarding-confirm", when="valid"),
            T("invite-refused", when=lambda data, *_: not data["valid"]),
            Button(L("onboarding-join"), id="join", on_click=on_join, when="valid"),
            Cancel(L("onboarding-cancel"), on_click=on_cancel),
            unexpected_input(),
            getter=confirm_getter,
            state=OnboardingSG.confirm,
        ),
        Window(
            T("invite-refused"),
            Cancel(L("common-close")),
            unexpected_input(),
            getter=refused_getter,
            state=OnboardingSG.refused,
        ),
    )
