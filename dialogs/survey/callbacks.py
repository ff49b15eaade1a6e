"""Button presses in the answering dialogs: a stale button said at all.

A button the current window does not have (an old review's ✏️, forged data) was only redrawn
over, with nothing said. Handlers here answer through `alert`, which marks the press answered,
so a refusal is not taken for a stale button. (That a press is answered once, whatever answers
it, is the Bot API session's rule: bot/session.py.)
"""

from aiogram.types import CallbackQuery
from aiogram_dialog import Dialog, DialogManager
from aiogram_dialog.api.protocols import CancelEventProcessing
from aiogram_dialog.utils import remove_intent_id

ANSWERED = "callback_answered"  # middleware data: this update's callback has its answer


async def alert(callback: CallbackQuery, manager: DialogManager, text: str | None = None, *,
                show_alert: bool = True) -> None:
    """Answer the press, by default with a pop-up (not taken for a stale button after)."""
    manager.middleware_data[ANSWERED] = True
    await callback.answer(text, show_alert=show_alert)


class AnsweringDialog(Dialog):
    """A dialog that tells a stale or forged button apart and answers each press once."""

    async def _callback_handler(self, callback: CallbackQuery,
                                dialog_manager: DialogManager) -> None:
        old_context = dialog_manager.current_context()
        _, data = remove_intent_id(callback.data)
        cleaned = callback.model_copy(update={"data": data})
        window = await self._current_window(dialog_manager)
        try:
            processed = await window.process_callback(cleaned, self, dialog_manager)
        except CancelEventProcessing:
            processed = False
        if not processed and not dialog_manager.middleware_data.get(ANSWERED):
            l10n = dialog_manager.middleware_data["l10n"]  # no button of this screen
            await alert(callback, dialog_manager, l10n.plain("error-stale"))
        if self._need_refresh(processed, old_context, dialog_manager):
            await dialog_manager.show()
        await dialog_manager.answer_callback()  # not sent when the press has its answer
