from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Cancel, Group, Multiselect, Row, Select, SwitchTo
from aiogram_dialog.widgets.text import Format

from dialogs.access import restrict
from dialogs.calendar import LocalCalendar
from dialogs.deadlines import getters as g
from dialogs.deadlines import handlers as h
from dialogs.states import DeadlinesSG
from dialogs.widgets import L, T, item_list, unexpected_input
from services.permissions import Action


def _back(state) -> SwitchTo:
    return SwitchTo(L("common-back"), id=f"b_{state.state.split(':')[1]}", state=state)


def _times(on_click) -> Group:
    return Group(Select(Format("{item[1]}"), id="tm", item_id_getter=lambda item: item[0],
                        items="times", on_click=on_click), width=3)


def _states(widget_id: str) -> Group:
    return Group(Multiselect(Format("✓ {item[1]}"), Format("{item[1]}"), id=widget_id,
                             item_id_getter=lambda item: item[0], items="states"), width=2)


def _due_windows(cal_id: str, date_state, time_state, on_date, on_time, *,
                 back) -> tuple[Window, Window]:
    """A day in the calendar, then a time: for a new deadline and for moving one."""
    return (
        Window(T("deadlines-ask-date"),
               LocalCalendar(id=cal_id, on_click=on_date), _back(back),
               unexpected_input(), getter=g.date_getter, state=date_state),
        Window(T("deadlines-ask-time"), _times(on_time), _back(date_state), unexpected_input(),
               getter=g.date_getter, state=time_state),
    )


def _offsets_window(state, widget_id: str, done: Button, *, back) -> Window:
    """The reminder days, ticked: for a new deadline and for changing one."""
    return Window(
        T("deadlines-ask-offsets"),
        Group(Multiselect(Format("✓ {item[1]}"), Format("{item[1]}"), id=widget_id,
                          item_id_getter=lambda item: item[0], items="offsets"), width=2),
        done, _back(back), unexpected_input(), getter=g.offsets_getter, state=state,
    )


def deadlines_dialog() -> Dialog:
    return restrict(Dialog(
        Window(
            T("deadlines-list"),
            Button(L("deadlines-new"), id="new", on_click=h.on_new),
            item_list("d", "deadlines", h.on_pick, height=8),
            Cancel(L("common-back")),
            unexpected_input(),
            getter=g.list_getter,
            state=DeadlinesSG.list,
        ),
        Window(
            T("deadlines-detail"),
            T("deadlines-stages", when="stages"),
            Row(SwitchTo(L("deadlines-move"), id="mv", state=DeadlinesSG.move_date),
                Button(L("deadlines-set-offsets"), id="off", on_click=h.on_edit_offsets),
                when="is_open"),
            Button(L("deadlines-set-states"), id="aud", on_click=h.on_edit_states,
                   when="is_open"),
            SwitchTo(L("deadlines-history"), id="hist", state=DeadlinesSG.history),
            Button(L("deadlines-close"), id="close", on_click=h.on_close, when="is_open"),
            Button(L("deadlines-reopen"), id="reopen", on_click=h.on_close,
                   when=lambda data, *_: not data["is_open"]),
            _back(DeadlinesSG.list),
            unexpected_input(),
            getter=g.detail_getter,
            state=DeadlinesSG.detail,
        ),
        *_due_windows("mcal", DeadlinesSG.move_date, DeadlinesSG.move_time, h.on_move_date,
                      h.on_move_time, back=DeadlinesSG.detail),
        _offsets_window(DeadlinesSG.offsets, h.OFFSETS_ID,
                        Button(L("deadlines-save"), id="save", on_click=h.on_save_offsets),
                        back=DeadlinesSG.detail),
        Window(
            T("deadlines-ask-states"),
            _states(h.EDIT_STATES_ID),
            Row(Button(L("deadlines-audience-all"), id="sall", on_click=h.on_save_states),
                Button(L("deadlines-save"), id="save", on_click=h.on_save_states)),
            _back(DeadlinesSG.detail),
            unexpected_input(),
            getter=g.states_getter,
            state=DeadlinesSG.states,
        ),
        Window(
            T("deadlines-history-title"),
            T("deadlines-history-lines", when="count"),
            T("deadlines-history-empty", when=lambda data, *_: not data["count"]),
            _back(DeadlinesSG.detail),
            unexpected_input(),
            getter=g.history_getter,
            state=DeadlinesSG.history,
        ),
        # -- a new deadline, step by step
        Window(
            T("deadlines-ask-item"),
            item_list("it", "items", h.on_item, height=9),
            _back(DeadlinesSG.list),
            unexpected_input(),
            getter=g.items_getter,
            state=DeadlinesSG.new_item,
        ),
        Window(
            T("deadlines-ask-what"),
            item_list("fm", "forms", h.on_form, height=6),
            Button(L("deadlines-task"), id="task", on_click=h.on_task),
            _back(DeadlinesSG.new_item),
            unexpected_input(),
            getter=g.forms_getter,
            state=DeadlinesSG.new_what,
        ),
        *(Window(
            T("deadlines-ask-task"),
            Button(L("deadlines-skip"), id="skip", on_click=h.on_task_skip),
            _back(back),
            MessageInput(h.on_task_text),
            getter=g.task_getter,
            state=state,
        ) for state, back in ((DeadlinesSG.new_task_ar, DeadlinesSG.new_what),
                              (DeadlinesSG.new_task_en, DeadlinesSG.new_task_ar))),
        Window(
            T("deadlines-ask-audience"),
            Button(L("deadlines-audience-all"), id="all", on_click=h.on_all_states),
            SwitchTo(L("deadlines-some-states"), id="some", state=DeadlinesSG.new_states),
            _back(DeadlinesSG.new_what),
            unexpected_input(),
            state=DeadlinesSG.new_audience,
        ),
        Window(
            T("deadlines-ask-states"),
            _states(h.STATES_ID),
            Button(L("deadlines-states-done"), id="ok", on_click=h.on_states_done),
            _back(DeadlinesSG.new_audience),
            unexpected_input(),
            getter=g.states_getter,
            state=DeadlinesSG.new_states,
        ),
        *_due_windows("ncal", DeadlinesSG.new_date, DeadlinesSG.new_time, h.on_new_date,
                      h.on_new_time, back=DeadlinesSG.new_audience),
        _offsets_window(DeadlinesSG.new_offsets, h.NEW_OFFSETS_ID,
                        Button(L("deadlines-next"), id="next", on_click=h.on_new_offsets),
                        back=DeadlinesSG.new_time),
        Window(
            T("deadlines-confirm"),
            Button(L("deadlines-create"), id="create", on_click=h.on_create),
            _back(DeadlinesSG.new_offsets),
            Cancel(L("deadlines-discard")),
            unexpected_input(),
            getter=g.confirm_getter,
            state=DeadlinesSG.new_confirm,
        ),
    ), Action.MANAGE_DEADLINES)
