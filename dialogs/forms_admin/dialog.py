from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Back, Button, Cancel, Group, Row, SwitchTo

from dialogs.access import restrict
from dialogs.calendar import LocalCalendar
from dialogs.forms_admin import handlers as h
from dialogs.forms_admin.getters import form_getter, forms_getter
from dialogs.states import FormsAdminSG
from dialogs.survey.callbacks import AnsweringDialog
from dialogs.widgets import L, T, item_list, unexpected_input
from services.permissions import Action


def forms_admin_dialog() -> Dialog:
    return restrict(AnsweringDialog(
        Window(
            T("forms-list"),
            SwitchTo(L("forms-upload"), id="up", state=FormsAdminSG.upload),
            item_list("fm", "items", h.on_pick),
            Cancel(L("common-back")),
            unexpected_input(),
            getter=forms_getter,
            state=FormsAdminSG.list,
        ),
        Window(
            T("forms-detail", when="survey"),
            T("practices-admin-detail", when="practice"),
            T("forms-closes", when="closes"),
            T("forms-close-confirm", when="closing"),
            Row(
                Button(L("forms-close-yes"), id="closeyes", on_click=h.on_close_now),
                Button(L("forms-close-no"), id="closeno", on_click=h.on_close_cancel),
                when="closing",
            ),
            Group(
                SwitchTo(L("forms-open"), id="open", state=FormsAdminSG.close_date,
                         when="can_open"),
                Button(L("forms-close"), id="close", on_click=h.on_close_ask, when="can_close"),
                Button(L("practices-admin-reopen"), id="reopen", on_click=h.on_reopen_practice,
                       when="reopen"),
                Button(L("forms-outline"), id="out", on_click=h.on_outline),
                Button(L("forms-summaries"), id="sum", on_click=h.on_summaries),
                Row(
                    Button(L("forms-export-xlsx"), id="xlsx", on_click=h.on_export),
                    Button(L("forms-export-csv"), id="csv", on_click=h.on_export),
                ),
                Button(L("announcements-refresh"), id="rf", on_click=h.on_refresh),
                SwitchTo(L("common-back"), id="back", state=FormsAdminSG.list),
                when=lambda data, *_: not data["closing"],
            ),
            unexpected_input(),
            getter=form_getter,
            state=FormsAdminSG.detail,
        ),
        Window(
            T("forms-ask-upload"),
            MessageInput(h.on_upload),
            Back(L("common-back")),
            state=FormsAdminSG.upload,
        ),
        Window(
            T("forms-ask-close-date"),
            LocalCalendar(id="cal", on_click=h.on_close_date),
            SwitchTo(L("common-back"), id="back", state=FormsAdminSG.detail),
            getter=form_getter,
            state=FormsAdminSG.close_date,
        ),
    ), Action.MANAGE_FORMS)
