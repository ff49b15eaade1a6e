from datetime import date, datetime, time

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, ManagedMultiselect, Select

from dialogs.announce.preview import send_preview
from dialogs.states import AnnounceSG
from services import announcements, clock
from services.errors import ServiceError
from services.timezones import user_timezone
from storage.models import Audience

STATES_ID = "sts"
DOCUMENT_TYPES = {
    "application/pdf", "application/msword", "application/vnd.ms-excel",
    "application/vnd.ms-powerpoint", "image/jpeg", "image/png",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
DOCUMENT_MAX_BYTES = 20 * 1024 * 1024


def _ctx(manager: DialogManager):
    data = manager.middleware_data
    return data["session"], data["user"], data["l10n"], manager.dialog_data["ann_id"]


async def on_start(start_data: object, manager: DialogManager) -> None:
    data = manager.middleware_data
    draft = await announcements.create_draft(data["session"], data["user"])
    manager.dialog_data["ann_id"] = draft.id


async def _refuse(message: Message, manager: DialogManager, refusal: ServiceError) -> None:
    l10n = manager.middleware_data["l10n"]
    await message.answer(l10n("announce-refused", reason=refusal.reason,
                              **{k: v for k, v in refusal.details.items()
                                 if isinstance(v, int)}))
    manager.show_mode = ShowMode.SEND


async def on_text(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    session, user, l10n, ann_id = _ctx(manager)
    locale = "ar" if manager.current_context().state == AnnounceSG.text_ar else "en"
    if not (message.text or "").strip():
        return await _refuse(message, manager, announcements.NoText())
    try:
        await announcements.set_text(session, user, ann_id, locale, message.html_text)
    except ServiceError as refusal:
        return await _refuse(message, manager, refusal)
    manager.show_mode = ShowMode.SEND
    await manager.next()


async def on_not_text(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    await _refuse(message, manager, ServiceError("want-text"))


async def on_skip_text(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await manager.next()


async def on_after_texts(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    session, user, l10n, ann_id = _ctx(manager)
    draft = await announcements.get_for_secretariat(session, user, ann_id)
    if not (draft.text_ar or draft.text_en):
        await callback.answer(l10n.plain("announce-refused", reason="no-text"), show_alert=True)
        await manager.switch_to(AnnounceSG.text_ar)
        return
    await manager.next()


async def on_media(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    session, user, l10n, ann_id = _ctx(manager)
    if message.photo:
        kind, file_id, name = "photo", message.photo[-1].file_id, "photo"
    else:
        document = message.document
        if document.mime_type not in DOCUMENT_TYPES:
            return await _refuse(message, manager, ServiceError("unsupported-file"))
        if (document.file_size or 0) > DOCUMENT_MAX_BYTES:
            return await _refuse(message, manager, ServiceError("file-too-big", limit=20))
        kind, file_id, name = "document", document.file_id, document.file_name or "document"
    try:
        await announcements.set_media(session, user, ann_id, kind, file_id, name)
    except ServiceError as refusal:
        return await _refuse(message, manager, refusal)
    manager.show_mode = ShowMode.SEND
    await manager.next()


async def on_not_media(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    await _refuse(message, manager, ServiceError("unsupported-file"))


async def on_remove_media(callback: CallbackQuery, button: Button,
                          manager: DialogManager) -> None:
    session, user, l10n, ann_id = _ctx(manager)
    await announcements.set_media(session, user, ann_id, None)


async def _audience(callback: CallbackQuery, manager: DialogManager, audience: Audience,
                    **choice) -> None:
    session, user, l10n, ann_id = _ctx(manager)
    count = await announcements.set_audience(session, user, ann_id, audience, **choice)
    if count == 0:
        await callback.answer(l10n.plain("announce-refused", reason="no-recipients"),
                              show_alert=True)
        return
    manager.dialog_data["recipients"] = count
    draft = await announcements.get_for_secretariat(session, user, ann_id)
    await send_preview(manager.middleware_data, draft, callback.message.chat.id)
    manager.show_mode = ShowMode.SEND  # the confirmation comes below the preview
    await manager.switch_to(AnnounceSG.confirm)


async def on_all(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await _audience(callback, manager, Audience.ALL)


async def on_language(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await _audience(callback, manager, Audience.LANGUAGE, locale=button.widget_id[-2:])


async def on_states_done(callback: CallbackQuery, button: Button,
                         manager: DialogManager) -> None:
    chosen: ManagedMultiselect = manager.find(STATES_ID)
    codes = list(chosen.get_checked())
    if not codes:
        l10n = manager.middleware_data["l10n"]
        await callback.answer(l10n.plain("announce-refused", reason="no-recipients"),
                              show_alert=True)
        return
    await _audience(callback, manager, Audience.STATES, states=codes)


async def on_send_now(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    session, user, l10n, ann_id = _ctx(manager)
    try:
        queued = await announcements.send_now(session, user, ann_id)
    except ServiceError as refusal:
        await callback.answer(l10n.plain("announce-refused", reason=refusal.reason),
                              show_alert=True)
        return
    manager.dialog_data.update(sent=True, recipients=queued.recipients)
    await manager.switch_to(AnnounceSG.done)


async def on_already_sent(callback: CallbackQuery, button: Button,
                          manager: DialogManager) -> None:
    l10n = manager.middleware_data["l10n"]
    await callback.answer(l10n.plain("announce-refused", reason="already-sent"), show_alert=True)


async def on_date(callback: CallbackQuery, widget, manager: DialogManager,
                  chosen: date) -> None:
    session, user, l10n, ann_id = _ctx(manager)
    if chosen < clock.now().astimezone(user_timezone(user)).date():
        await callback.answer(l10n.plain("announce-refused", reason="not-in-future"),
                              show_alert=True)
        return
    manager.dialog_data["date"] = chosen.isoformat()
    await manager.switch_to(AnnounceSG.time)


async def on_time(callback: CallbackQuery, widget: Select, manager: DialogManager,
                  item_id: str) -> None:
    session, user, l10n, ann_id = _ctx(manager)
    try:
        at = time(int(item_id[:2]), int(item_id[2:]))
        day = date.fromisoformat(manager.dialog_data["date"])
    except (ValueError, KeyError):  # forged or stale button
        await callback.answer(l10n.plain("error-stale"), show_alert=True)
        return
    when = datetime.combine(day, at, tzinfo=user_timezone(user))
    try:
        draft = await announcements.schedule(session, user, ann_id, when)
    except ServiceError as refusal:
        await callback.answer(l10n.plain("announce-refused", reason=refusal.reason),
                              show_alert=True)
        return
    manager.middleware_data["planner"].plan_announcement(draft.id, draft.scheduled_at)
    manager.dialog_data["sent"] = False
    await manager.switch_to(AnnounceSG.done)


async def on_discard(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    session, user, l10n, ann_id = _ctx(manager)
    try:
        await announcements.cancel(session, user, ann_id)
    except ServiceError:
        pass  # already sent or scheduled: nothing to discard
    await manager.done()
