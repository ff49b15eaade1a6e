from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Back, Button, Cancel, Start

from dialogs.access import restrict
from dialogs.announcements import handlers as h
from dialogs.announcements.getters import list_getter, report_getter
from dialogs.states import AnnouncementsSG, AnnounceSG
from dialogs.widgets import L, T, item_list, unexpected_input
from services.permissions import Action


def announcements_dialog() -> Dialog:
    return restrict(Dialog(
        Window(
            T("announcements-list"),
            Start(L("announcements-new"), id="new", state=AnnounceSG.text_ar),
            item_list("a", "items", h.on_pick),
            Cancel(L("common-back")),
            unexpected_input(),
            getter=list_getter,
            state=AnnouncementsSG.list,
        ),
        Window(
            T("announcements-report"),
            Button(L("announcements-refresh"), id="rf", on_click=h.on_refresh),
            Button(L("announcements-resend-doubt"), id="rs", on_click=h.on_resend_doubtful,
                   when="has_doubt"),
            Button(L("announcements-cancel"), id="cx", on_click=h.on_cancel_scheduled,
                   when="is_scheduled"),
            Back(L("common-back")),
            unexpected_input(),
            getter=report_getter,
            state=AnnouncementsSG.detail,
        ),
        on_start=h.on_start,
    ), Action.ANNOUNCE)
