from aiogram_dialog import DialogManager

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
