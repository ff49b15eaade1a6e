"""A preview is the very message recipients will get, sent to the secretariat's chat."""

from services import announcements
from storage.models import Announcement


async def send_message(bot, chat_id: int, payload: dict) -> None:
    """Send an outbox payload through aiogram (the preview path)."""
    if "photo" in payload:
        await bot.send_photo(chat_id, payload["photo"], caption=payload["caption"] or None)
    elif "document" in payload:
        await bot.send_document(chat_id, payload["document"], caption=payload["caption"] or None)
    else:
        await bot.send_message(chat_id, payload["text"])


async def send_preview(data: dict, announcement: Announcement, chat_id: int) -> None:
    l10n, bot = data["l10n"], data["bot"]
    for locale in ("ar", "en"):
        if getattr(announcement, f"text_{locale}"):
            await bot.send_message(chat_id, l10n("announce-preview", lang=locale))
            await send_message(bot, chat_id, announcements.payload_for(announcement, locale))
