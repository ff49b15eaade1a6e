from aiogram.enums import ContentType
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Back, Button, Cancel, Row, SwitchTo
from aiogram_dialog.widgets.text import Format

from dialogs.access import restrict
from dialogs.calendar import LocalCalendar
from dialogs.states import SurveySG
from dialogs.survey import handlers as h
from dialogs.survey.callbacks import AnsweringDialog
from dialogs.survey.getters import (
    history_getter,
    list_getter,
    other_getter,
    question_getter,
    review_getter,
)
from dialogs.widgets import L, T, item_list, unexpected_input
from services.permissions import Action


def survey_dialog() -> Dialog:
    return restrict(AnsweringDialog(
        Window(
            T("survey-list"),
            item_list("f", "items", h.on_pick_form),
            Cancel(L("common-back")),
            unexpected_input(),
            getter=list_getter,
            state=SurveySG.list,
        ),
        Window(
            T("survey-section", when="section"),
            T("survey-question", when="number"),
            T("survey-note", when=lambda data, *_: not data["number"]),
            T("survey-hint", when="hint"),
            T("survey-type-prompt", when="is_typed"),
            T("survey-current", when="current"),
            T("survey-changed", when="changed_by"),
            item_list(h.CHOICES_ID, "choices", h.on_choice, height=10, when="is_select"),
            item_list(h.TICKS_ID, "ticks", h.on_tick, height=8, when="is_multi"),
            Button(L("survey-multi-done"), id="mdone", on_click=h.on_multi_done,
                   when="is_multi"),
            LocalCalendar(id=h.CALENDAR_ID, on_click=h.on_date, future_only=False,
                          when="is_date"),
            T("files-prompt", when="is_many_files"),
            Button(L("files-done"), id="fdone", on_click=h.on_files_done, when="files_done"),
            Button(L("survey-ack"), id="ack", on_click=h.on_ack, when="is_ack"),
            Button(L("survey-next"), id="next", on_click=h.on_next, when="is_note"),
            Button(L("survey-keep"), id="keep", on_click=h.on_next, when="can_keep"),
            Row(
                Button(L("survey-prev"), id="prev", on_click=h.on_prev, when="has_prev"),
                Button(L("survey-skip"), id="skip", on_click=h.on_skip, when="can_skip"),
            ),
            Button(L("survey-leave"), id="leave", on_click=h.on_leave),
            MessageInput(h.on_typed, content_types=[ContentType.TEXT]),
            MessageInput(h.on_file, content_types=[ContentType.DOCUMENT, ContentType.PHOTO]),
            MessageInput(h.on_wrong_input),
            getter=question_getter,
            state=SurveySG.question,
        ),
        Window(
            T("survey-other"),
            MessageInput(h.on_other_text, content_types=[ContentType.TEXT]),
            MessageInput(h.on_wrong_input),
            Back(L("common-back")),
            getter=other_getter,
            state=SurveySG.other,
        ),
        Window(
            T("survey-review-head"),
            T("practices-comment", when="has_comment"),  # why the Secretariat returned it
            Format("{answers}"),
            T("survey-closed-notice", when="closed"),
            T("survey-review-foot",
              when=lambda data, *_: not data["is_practice"] and not data["closed"]),
            T("practices-review-foot", when="is_practice"),
            item_list("e", "items", h.on_edit, width=4, height=2),
            Row(
                Button(L("survey-page-prev"), id="pprev", on_click=h.on_page,
                       when="has_prev_page"),
                Button(L("survey-page-next"), id="pnext", on_click=h.on_page,
                       when="has_next_page"),
            ),
            Button(L("survey-fix"), id="fix", on_click=h.on_fix, when="broken"),
            SwitchTo(L("survey-submit"), id="submit", state=SurveySG.confirm, when="can_submit"),
            Button(L("survey-reopen"), id="reopen", on_click=h.on_reopen, when="can_reopen"),
            Button(L("survey-history"), id="history", on_click=h.on_history),
            Cancel(L("survey-leave")),
            unexpected_input(),
            getter=review_getter,
            state=SurveySG.review,
        ),
        Window(
            T("survey-confirm", when=lambda data, *_: not data["is_practice"]),
            T("practices-confirm", when="is_practice"),
            Button(L("survey-confirm-yes"), id="yes", on_click=h.on_submit),
            Back(L("common-back")),
            unexpected_input(),
            getter=review_getter,
            state=SurveySG.confirm,
        ),
        Window(
            T("survey-history-head"),
            Format("\n{entries}", when="count"),  # a blank line under the heading
            Row(
                Button(L("survey-history-newer"), id="h_newer", on_click=h.on_history_page,
                       when="has_newer"),
                Button(L("survey-history-older"), id="h_older", on_click=h.on_history_page,
                       when="has_older"),
            ),
            SwitchTo(L("common-back"), id="hback", state=SurveySG.review),
            unexpected_input(),
            getter=history_getter,
            state=SurveySG.history,
        ),
        on_start=h.on_start,
    ), Action.ANSWER_FORMS)

