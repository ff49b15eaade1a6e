from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Button, Cancel, SwitchTo

from dialogs.access import restrict
from dialogs.owed import handlers as h
from dialogs.owed.getters import detail_getter, owed_getter
from dialogs.states import OwedSG
from dialogs.widgets import L, T, item_list, unexpected_input
from services.permissions import Action


def owed_dialog() -> Dialog:
    return restrict(Dialog(
        Window(
            T("owed-title"),
            T("owed-lines", when="count"),
            T("owed-empty", when=lambda data, *_: not data["count"]),
            item_list("d", "deadlines", h.on_pick, height=8),
            Cancel(L("common-back")),
            unexpected_input(),
            getter=owed_getter,
            state=OwedSG.list,
        ),
        Window(
            T("owed-detail", when=lambda data, *_: not data["gone"]),
            T("owed-task-hint", when="is_task"),
            T("owed-form-closed", when="form_closed"),
            T("owed-refused", when="gone"),
            Button(L("owed-answer"), id="answer", on_click=h.on_answer, when="can_answer"),
            Button(L("owed-mark-done"), id="done", on_click=h.on_mark,
                   when=lambda data, *_: data["is_task"] and not data["done"]),
            Button(L("owed-undo-done"), id="undo", on_click=h.on_mark,
                   when=lambda data, *_: data["is_task"] and data["done"]),
            SwitchTo(L("owed-all"), id="all", state=OwedSG.list),
            unexpected_input(),
            getter=detail_getter,
            state=OwedSG.detail,
        ),
        on_start=h.on_start,
    ), Action.ANSWER_FORMS)
