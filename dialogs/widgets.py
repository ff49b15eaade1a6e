"""Fluent text for aiogram-dialog windows.

The translator comes from middleware data (`l10n`), so a background redraw renders in the
user's language too. Getter data are the message's arguments.
"""

from operator import itemgetter
from typing import Any

from aiogram.types import Message
from aiogram_dialog import DialogManager, ShowMode
from aiogram_dialog.widgets.common import WhenCondition
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import ScrollingGroup, Select
from aiogram_dialog.widgets.text import Format, Text


class T(Text):
    """A message body: arguments are HTML-escaped (messages are sent as HTML)."""

    escape = True

    def __init__(self, msg_id: str, when: WhenCondition = None, **fixed: Any):
        super().__init__(when=when)
        self.msg_id = msg_id
        self.fixed = fixed

    async def _render_text(self, data: dict, manager: DialogManager) -> str:
        l10n = manager.middleware_data["l10n"]
        args = {**data, **self.fixed}
        return l10n(self.msg_id, **args) if self.escape else l10n.plain(self.msg_id, **args)


class L(T):
    """A button label: shown as plain text, so nothing is escaped."""

    escape = False


async def on_unexpected_input(message: Message, widget: MessageInput,
                              manager: DialogManager) -> None:
    await message.answer(manager.middleware_data["l10n"]("error-unknown-message"))
    manager.show_mode = ShowMode.SEND  # the menu again, below the note


def unexpected_input() -> MessageInput:
    """For windows that take no typed answer: a note, then the same window again."""
    return MessageInput(on_unexpected_input)


def item_list(widget_id: str, items: str, on_click, *, width: int = 1,
              height: int = 8, when: WhenCondition = None) -> ScrollingGroup:
    """Getter items given as (id, label) pairs, as buttons, paged when there are many."""
    return ScrollingGroup(
        Select(Format("{item[1]}"), id=widget_id, item_id_getter=itemgetter(0), items=items,
               on_click=on_click),
        id=f"{widget_id}_p", width=width, height=height, hide_on_single_page=True, when=when,
    )
