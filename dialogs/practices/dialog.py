from aiogram.enums import ContentType
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Cancel, Row, Start, SwitchTo
from aiogram_dialog.widgets.text import Format

from dialogs.access import restrict
from dialogs.practices import getters as g
from dialogs.practices import handlers as h
from dialogs.states import PracticeReviewSG, PracticesSG, SharedPracticesSG
from dialogs.survey.getters import history_getter
from dialogs.survey.handlers import on_history_page
from dialogs.widgets import L, T, item_list, unexpected_input
from services.permissions import Action


def _filter_window(msg_id: str, widget_id: str, on_pick, getter, state, width: int = 1) -> Window:
    """One filter of the practices from other states: pick a value, back to the list."""
    return Window(
        T(msg_id),
        item_list(widget_id, "items", on_pick, width=width),
        SwitchTo(L("common-back"), id="back", state=SharedPracticesSG.list),
        unexpected_input(),
        getter=getter,
        state=state,
    )

def practices_dialog() -> Dialog:
    """A focal point's own state's practices: new, edit, submit, resubmit."""
    return restrict(Dialog(
        Window(
            T("practices-own-head"),
            item_list(h.OWN_ID, "items", h.on_own_pick),
            Button(L("practices-new"), id="new", on_click=h.on_new),
            Start(L("practices-shared-menu"), id="shared", state=SharedPracticesSG.list),
            Cancel(L("common-back")),
            unexpected_input(),
            getter=g.own_list_getter,
            state=PracticesSG.list,
        ),
        Window(
            T("practices-detail"),
            T("practices-comment", when="returned"),
            T("practices-closed-note", when="closed"),
            Button(L("practices-edit"), id="edit", on_click=h.on_open, when="editable"),
            Button(L("practices-view"), id="view", on_click=h.on_open,
                   when=lambda data, *_: not data["editable"]),
            SwitchTo(L("common-back"), id="back", state=PracticesSG.list),
            unexpected_input(),
            getter=g.own_detail_getter,
            state=PracticesSG.detail,
        ),
    ), Action.ANSWER_FORMS)


def practice_review_dialog() -> Dialog:
    """The secretariat: read, accept or return with a comment, circulate, export."""
    return restrict(Dialog(
        Window(
            T("practices-review-head"),
            item_list(h.REVIEW_ID, "items", h.on_review_pick),
            SwitchTo(L("practices-circulate"), id="circ", state=PracticeReviewSG.circulate),
            Row(
                Button(L("practices-export-xlsx"), id="xlsx", on_click=h.on_export),
                Button(L("practices-export-docx"), id="docx", on_click=h.on_export),
            ),
            Button(L("practices-export-docx-all"), id="docx_all", on_click=h.on_export),
            Cancel(L("common-back")),
            unexpected_input(),
            getter=g.review_list_getter,
            state=PracticeReviewSG.list,
        ),
        Window(
            T("practices-detail"),
            T("practices-comment", when="comment"),
            T("practices-cleared"),
            Format("\n{answers}"),
            Row(
                Button(L("practices-documents"), id="docs", on_click=h.on_documents,
                       when="has_documents"),
                Button(L("practices-history"), id="hist", on_click=h.on_history),
            ),
            Row(
                Button(L("practices-accept"), id="acc", on_click=h.on_accept, when="can_decide"),
                SwitchTo(L("practices-return"), id="ret", state=PracticeReviewSG.comment,
                         when="can_decide"),
            ),
            SwitchTo(L("common-back"), id="back", state=PracticeReviewSG.list),
            unexpected_input(),
            getter=g.review_detail_getter,
            state=PracticeReviewSG.detail,
        ),
        Window(
            T("practices-comment-prompt"),
            MessageInput(h.on_comment, content_types=[ContentType.TEXT]),
            MessageInput(h.on_not_text),
            SwitchTo(L("common-back"), id="cback", state=PracticeReviewSG.detail),
            getter=g.review_detail_getter,
            state=PracticeReviewSG.comment,
        ),
        Window(
            T("survey-history-head"),
            Format("\n{entries}", when="count"),
            Row(
                Button(L("survey-history-newer"), id="h_newer", on_click=on_history_page,
                       when="has_newer"),
                Button(L("survey-history-older"), id="h_older", on_click=on_history_page,
                       when="has_older"),
            ),
            SwitchTo(L("common-back"), id="hback", state=PracticeReviewSG.detail),
            unexpected_input(),
            getter=history_getter,
            state=PracticeReviewSG.history,
        ),
        Window(
            T("practices-circulate-confirm"),
            Button(L("practices-circulate-yes"), id="circ_yes", on_click=h.on_circulate,
                   when="count"),
            SwitchTo(L("common-back"), id="back", state=PracticeReviewSG.list),
            unexpected_input(),
            getter=g.circulate_getter,
            state=PracticeReviewSG.circulate,
        ),
    ), Action.REVIEW_PRACTICES)


def shared_practices_dialog() -> Dialog:
    """Practices circulated from other states: by state, coordination type and objective."""
    return restrict(Dialog(
        Window(
            T("practices-shared-head"),
            T("practices-filter-state", when="state"),
            T("practices-filter-kind", when="kind"),
            T("practices-filter-objective", when="objective"),
            item_list(h.SHARED_ID, "items", h.on_shared_pick),
            Row(
                SwitchTo(L("practices-by-state"), id="by_st", state=SharedPracticesSG.states),
                SwitchTo(L("practices-by-kind"), id="by_ct",
                         state=SharedPracticesSG.coordination),
            ),
            SwitchTo(L("practices-by-objective"), id="by_ob",
                     state=SharedPracticesSG.objectives),
            Button(L("practices-clear-filters"), id="clear", on_click=h.on_clear_filters,
                   when="filtered"),
            Cancel(L("common-back")),
            unexpected_input(),
            getter=g.shared_list_getter,
            state=SharedPracticesSG.list,
        ),
        _filter_window("practices-pick-state", h.STATES_ID, h.on_filter_state,
                       g.shared_states_getter, SharedPracticesSG.states, width=2),
        _filter_window("practices-pick-kind", h.KINDS_ID, h.on_filter_kind,
                       g.shared_coordination_getter, SharedPracticesSG.coordination),
        _filter_window("practices-pick-objective", h.OBJECTIVES_ID, h.on_filter_objective,
                       g.shared_objectives_getter, SharedPracticesSG.objectives),
        Window(
            T("practices-detail"),
            Format("\n{answers}"),
            Button(L("practices-documents"), id="docs", on_click=h.on_documents,
                   when="has_documents"),
            SwitchTo(L("common-back"), id="back", state=SharedPracticesSG.list),
            unexpected_input(),
            getter=g.shared_detail_getter,
            state=SharedPracticesSG.detail,
        ),
    ), Action.READ_PRACTICES)
