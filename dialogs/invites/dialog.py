from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import (
    Back,
    Button,
    Cancel,
    Radio,
    SwitchTo,
    Url,
)
from aiogram_dialog.widgets.text import Format

from dialogs.access import restrict
from dialogs.invites import handlers as h
from dialogs.invites.getters import created_getter, options_getter, states_getter
from dialogs.states import InviteSG
from dialogs.widgets import L, T, item_list, unexpected_input
from services.permissions import Action


def invites_dialog() -> Dialog:
    return restrict(Dialog(
        Window(
            T("invite-choose-state"),
            item_list("st", "states", h.on_state, width=2, height=11),  # all 22 on one page
            Button(L("invite-target-secretariat"), id="sec", on_click=h.on_secretariat),
            Cancel(L("common-back")),
            unexpected_input(),
            getter=states_getter,
            state=InviteSG.state,
        ),
        Window(
            T("invite-options"),
            Radio(Format("● {item[1]}"), Format("○ {item[1]}"), id=h.USES_ID,
                  item_id_getter=lambda item: item[0], items="uses_options"),
            Radio(Format("● {item[1]}"), Format("○ {item[1]}"), id=h.DAYS_ID,
                  item_id_getter=lambda item: item[0], items="days_options"),
            Button(L("invite-create"), id="mk", on_click=h.on_create),
            Back(L("common-back")),
            unexpected_input(),
            getter=options_getter,
            state=InviteSG.options,
        ),
        Window(
            T("invite-created"),
            # the link stays outside the translation: no bidi marks may stick to it
            Format("\n<code>{link}</code>"),
            Url(L("invite-share"), Format("{share_url}")),
            SwitchTo(L("invite-another"), id="again", state=InviteSG.state,
                     on_click=h.on_leave_created),
            Cancel(L("common-done"), on_click=h.on_leave_created),
            unexpected_input(),
            getter=created_getter,
            state=InviteSG.created,
        ),
        on_start=h.on_start,
    ), Action.INVITE)
