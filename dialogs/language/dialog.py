from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Button, Cancel, Row
from aiogram_dialog.widgets.text import Const

from dialogs.access import restrict
from dialogs.language.handlers import on_language
from dialogs.states import LanguageSG
from dialogs.widgets import L, T, unexpected_input
from services.permissions import Action


def language_dialog() -> Dialog:
    return restrict(Dialog(
        Window(
            T("language-choose"),
            Row(
                Button(Const("العربية"), id="ar", on_click=on_language),
                Button(Const("English"), id="en", on_click=on_language),
            ),
            Cancel(L("common-back")),
            unexpected_input(),
            state=LanguageSG.choose,
        ),
    ), Action.USE_MENU)
