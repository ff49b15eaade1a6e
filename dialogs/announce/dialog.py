from aiogram.enums import ContentType
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import (
    Back,
    Button,
    Cancel,
    Column,
    Group,
    Multiselect,
    Next,
    Row,
    Select,
    SwitchTo,
)
from aiogram_dialog.widgets.text import Format

from dialogs.access import restrict
from dialogs.announce import handlers as h
from dialogs.announce.getters import draft_getter, hours_getter, states_getter
from dialogs.calendar import LocalCalendar
from dialogs.states import AnnounceSG
from dialogs.widgets import L, T
from services.permissions import Action


def _text_window(state, locale: str) -> Window:
    return Window(
        T("announce-ask-text", lang=locale),
        MessageInput(h.on_text, content_types=[ContentType.TEXT]),
        MessageInput(h.on_not_text),
        Button(L("announce-skip"), id="skip", on_click=h.on_skip_text
               if locale == "ar" else h.on_after_texts),
        Back(L("common-back"), when=lambda *_: locale == "en"),
        Button(L("announce-discard"), id="discard", on_click=h.on_discard),
        getter=draft_getter,
        state=state,
    )


def announce_dialog() -> Dialog:
    return restrict(Dialog(
        _text_window(AnnounceSG.text_ar, "ar"),
        _text_window(AnnounceSG.text_en, "en"),
        Window(
            T("announce-ask-media"),
            MessageInput(h.on_media, content_types=[ContentType.PHOTO, ContentType.DOCUMENT]),
            MessageInput(h.on_not_media),
            Next(L("announce-no-media"), when=lambda d, *_: not d["has_media"]),
            Next(L("announce-keep-media"), when="has_media"),
            Button(L("announce-remove-media"), id="rm", on_click=h.on_remove_media,
                   when="has_media"),
            Back(L("common-back")),
            getter=draft_getter,
            state=AnnounceSG.media,
        ),
        Window(
            T("announce-ask-audience"),
            Column(
                Button(L("announce-audience-all"), id="all", on_click=h.on_all),
                SwitchTo(L("announce-audience-states"), id="pick", state=AnnounceSG.states),
                Button(L("announce-audience-ar"), id="lang_ar", on_click=h.on_language),
                Button(L("announce-audience-en"), id="lang_en", on_click=h.on_language),
            ),
            Back(L("common-back")),
            getter=draft_getter,
            state=AnnounceSG.audience,
        ),
        Window(
            T("announce-ask-states"),
            Group(
                Multiselect(Format("✓ {item[1]}"), Format("{item[1]}"), id=h.STATES_ID,
                            item_id_getter=lambda item: item[0], items="states"),
                width=2,
            ),
            Button(L("announce-states-done"), id="ok", on_click=h.on_states_done),
            Back(L("common-back")),
            getter=states_getter,
            state=AnnounceSG.states,
        ),
        Window(
            T("announce-confirm"),
            Row(
                Button(L("announce-send-now"), id="send", on_click=h.on_send_now),
                SwitchTo(L("announce-schedule"), id="later", state=AnnounceSG.date),
            ),
            Row(
                SwitchTo(L("announce-edit"), id="edit", state=AnnounceSG.text_ar),
                Button(L("announce-discard"), id="discard", on_click=h.on_discard),
            ),
            getter=draft_getter,
            state=AnnounceSG.confirm,
        ),
        Window(
            T("announce-ask-date"),
            LocalCalendar(id="cal", on_click=h.on_date),
            SwitchTo(L("common-back"), id="back", state=AnnounceSG.confirm),
            getter=draft_getter,
            state=AnnounceSG.date,
        ),
        Window(
            T("announce-ask-time"),
            Group(
                Select(Format("{item[1]}"), id="hr", item_id_getter=lambda item: item[0],
                       items="hours", on_click=h.on_time),
                width=4,
            ),
            Back(L("common-back")),
            getter=hours_getter,
            state=AnnounceSG.time,
        ),
        Window(
            T("announce-done"),
            Cancel(L("common-done")),
            # never shown: answers a second tap on the confirmation's "send" (a double tap)
            Button(L("announce-send-now"), id="send", on_click=h.on_already_sent,
                   when=lambda *_: False),
            getter=draft_getter,
            state=AnnounceSG.done,
        ),
        on_start=h.on_start,
    ), Action.ANNOUNCE)
