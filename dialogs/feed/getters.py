from aiogram.enums import ContentType
from aiogram_dialog import DialogManager
from aiogram_dialog.api.entities import MediaAttachment, MediaId

from dialogs.formatting import excerpt
from services import announcements
from services.timezones import local


async def feed_getter(dialog_manager: DialogManager, session, user, **_) -> dict:
    items = []
    for ann in await announcements.latest_for(session, user):
        payload = announcements.payload_for(ann, user.locale)
        text = payload.get("text") or payload.get("caption")
        items.append((str(ann.id), f"{local(ann.queued_at, user):%d.%m} · {excerpt(text, 34)}"))
    return {"items": items, "count": len(items)}


async def item_getter(dialog_manager: DialogManager, session, user, **_) -> dict:
    ann = await announcements.read(session, user, dialog_manager.dialog_data["ann_id"])
    payload = announcements.payload_for(ann, user.locale)
    media = None
    if ann.media_kind:
        kind = ContentType.PHOTO if ann.media_kind == "photo" else ContentType.DOCUMENT
        media = MediaAttachment(type=kind, file_id=MediaId(ann.media_file_id))
    return {"body": payload.get("text") or payload.get("caption") or "", "media": media,
            "when": local(ann.queued_at, user)}
