"""Errors: expired menus get the current one; Telegram's harmless refusals are logged only."""

import logging

from aiogram import Router
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError
from aiogram.filters import ExceptionTypeFilter
from aiogram.types import ErrorEvent
from aiogram_dialog import DialogManager, ShowMode, StartMode
from aiogram_dialog.api.exceptions import OutdatedIntent, UnknownIntent, UnknownState

from dialogs.states import MainSG
from services.errors import NotAllowed
from services.permissions import Action, can

log = logging.getLogger(__name__)

HARMLESS = ("message is not modified", "query is too old", "message to edit not found",
            "message to delete not found", "message can't be deleted")


def errors_router() -> Router:
    router = Router(name=__name__)
    router.errors.register(on_expired_menu,
                           ExceptionTypeFilter(UnknownIntent, OutdatedIntent, UnknownState))
    router.errors.register(on_not_allowed, ExceptionTypeFilter(NotAllowed))
    router.errors.register(on_telegram_refusal,
                           ExceptionTypeFilter(TelegramBadRequest, TelegramForbiddenError))
    router.errors.register(on_error)
    return router


async def on_expired_menu(event: ErrorEvent, dialog_manager: DialogManager, user=None,
                          l10n=None, **_) -> None:
    log.info("expired menu: %s", event.exception)
    callback = event.update.callback_query
    allowed = can(user, Action.USE_MENU)
    if callback and l10n:
        await _quietly(callback.answer(l10n.plain("error-stale" if allowed else "error-expired"),
                                       show_alert=True))
    if not allowed:
        return
    await dialog_manager.start(MainSG.main, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)


async def on_not_allowed(event: ErrorEvent, l10n=None, **_) -> None:
    """A forged button or a role taken away meanwhile: refused, nothing shown."""
    log.warning("refused update %s: %s", event.update.update_id, event.exception)
    callback = event.update.callback_query
    if callback and l10n:
        await _quietly(callback.answer(l10n.plain("error-not-allowed"), show_alert=True))
    elif event.update.message and l10n:
        await _quietly(event.update.message.answer(l10n("error-not-allowed")))


async def on_telegram_refusal(event: ErrorEvent) -> None:
    text = str(event.exception)
    if any(harmless in text for harmless in HARMLESS):
        log.debug("telegram: %s", text)
    else:
        log.warning("telegram refused a request while handling update %s: %s",
                    event.update.update_id, text)


async def on_error(event: ErrorEvent, l10n=None, **_) -> None:
    # The update's own transaction was rolled back: nothing half-done is kept.
    log.exception("update %s failed", event.update.update_id, exc_info=event.exception)
    if l10n is None:
        return
    if event.update.callback_query:
        await _quietly(event.update.callback_query.answer(l10n.plain("error-internal"),
                                                          show_alert=True))
    elif event.update.message:
        await _quietly(event.update.message.answer(l10n("error-internal")))


async def _quietly(call) -> None:
    try:
        await call
    except (TelegramBadRequest, TelegramForbiddenError) as error:
        log.debug("telegram: %s", error)

