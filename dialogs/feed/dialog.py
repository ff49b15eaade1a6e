from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Cancel

from dialogs.access import restrict
from dialogs.feed.getters import feed_getter
from dialogs.feed.handlers import on_pick
from dialogs.states import FeedSG
from dialogs.widgets import L, T, item_list, unexpected_input
from services.permissions import Action


def feed_dialog() -> Dialog:
    return restrict(Dialog(
        Window(
            T("feed-list"),
            item_list("a", "items", on_pick, height=10),
            Cancel(L("common-back")),
            unexpected_input(),
            getter=feed_getter,
            state=FeedSG.list,
        ),
    ), Action.READ_ANNOUNCEMENTS)
