"""The phone's side of the emulator: what a person sees in their chat, as JSON for the sandbox
page, and what they do (type, press, upload) queued as their updates without waiting for the
bot, the way a Telegram app sends and then shows whatever arrives."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from .html import entities_to_html
from .state import Message

if TYPE_CHECKING:
    from .server import FakeTelegram
    from .user import FakeUser

TOAST_SECONDS = 10.0  # a callback answer older than this is no longer shown
MAX_WAIT = 25.0  # longest long poll of the page
MAX_TEXT = 4096  # Telegram's limit on a message's text


def iso(unix: int | float) -> str:
    return datetime.fromtimestamp(unix, UTC).isoformat().replace("+00:00", "Z")


def file_url(file_id: str) -> str:
    return f"/api/files/{file_id}"


def message_view(msg: Message) -> dict[str, Any]:
    document = photo = None
    if msg.document is not None:
        stored = msg.document
        document = {"name": stored.file_name or "file", "size": stored.size,
                    "mime": stored.mime_type or "application/octet-stream",
                    "url": file_url(stored.file_id)}
    if msg.photo is not None:
        photo = {"url": file_url(msg.photo.file_id)}
    text = msg.text
    if not msg.from_bot and text.startswith("/start "):
        text = "/start"  # as Telegram shows a deep link's start: its payload is for the bot only
    return {
        "id": msg.message_id,
        "from_bot": msg.from_bot,
        "html": entities_to_html(text, msg.entities),
        "text": text,
        "date": iso(msg.date),
        "edited": msg.edited,
        "album": msg.media_group_id,
        "buttons": [[{"text": b.text, "url": b.url} for b in row] for row in msg.keyboard],
        "document": document,
        "photo": photo,
    }


class PhoneClient:
    """Every person's chat with the bot as the page shows it; one per emulator."""

    def __init__(self, server: FakeTelegram):
        self.server = server

    def user(self, user_id: int) -> FakeUser:
        return self.server.user(user_id)

    def messages(self, user_id: int) -> list[dict[str, Any]]:
        chat = self.server.world.chats.get(user_id)
        if chat is None:
            return []
        return [message_view(m) for m in chat.messages if not m.deleted]

    def toasts(self, user_id: int) -> list[dict[str, Any]]:
        """The bot's recent answers to this person's button presses that carry a text."""
        fresh = time.monotonic() - TOAST_SECONDS
        shown = []
        for query in self.server.world.callbacks.values():
            answer = query.answer
            if query.user_id == user_id and answer and answer.text and answer.at >= fresh:
                shown.append({"id": int(query.id), "text": answer.text,
                              "alert": answer.show_alert})
        return shown

    async def chat(self, user_id: int, after: int = 0, wait: float = 0.0) -> dict[str, Any]:
        """The chat now, once the world changed since version `after` (or `wait` s passed)."""
        world = self.server.world
        if after and wait > 0:
            await world.changed_since(after, min(wait, MAX_WAIT))
        return {
            "version": world.version,
            "clock": iso(world.now()),
            "messages": self.messages(user_id),
            "toasts": self.toasts(user_id),
        }

    # -- acting: queued as updates, not waited for -------------------------------------------
    async def type(self, user_id: int, text: str) -> int:
        return await self.user(user_id).send(text, wait=False)

    async def press(self, user_id: int, message_id: int, row: int, column: int) -> int:
        """Raises LookupError when there is no such callback button."""
        return await self.user(user_id).press_at(message_id, row, column, wait=False)

    async def upload(self, user_id: int, content: bytes, name: str, mime: str,
                     caption: str | None = None) -> int:
        return await self.user(user_id).upload(content, name, mime, caption or None, wait=False)

    def file(self, file_id: str):
        return self.server.world.files.get(file_id)
