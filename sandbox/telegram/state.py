"""The simulated world: the bot, private chats, their messages, files and callback queries."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .bidi import strip_bidi

BOT_ID = 999000


@dataclass
class Button:
    text: str
    callback_data: str | None = None
    url: str | None = None
    raw: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return strip_bidi(self.text)


@dataclass
class StoredFile:
    file_id: str
    file_unique_id: str
    content: bytes
    file_name: str | None = None
    mime_type: str | None = None
    file_path: str = ""
    width: int = 640  # only meaningful for photos
    height: int = 480

    @property
    def size(self) -> int:
        return len(self.content)

    def as_document(self) -> dict[str, Any]:
        doc = {"file_id": self.file_id, "file_unique_id": self.file_unique_id}
        doc |= {"file_name": self.file_name, "mime_type": self.mime_type, "file_size": self.size}
        return {k: v for k, v in doc.items() if v is not None}

    def as_photo(self) -> list[dict[str, Any]]:
        return [
            {
                "file_id": self.file_id,
                "file_unique_id": self.file_unique_id,
                "width": self.width,
                "height": self.height,
                "file_size": self.size,
            }
        ]

    def as_file(self) -> dict[str, Any]:
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": self.size,
            "file_path": self.file_path,
        }


@dataclass
class CallbackAnswer:
    text: str | None = None
    show_alert: bool = False
    url: str | None = None
    cache_time: int | None = None
    at: float = field(default_factory=time.monotonic)  # when the bot answered (toasts expire)


@dataclass
class CallbackQuery:
    id: str
    user_id: int
    data: str | None
    message_id: int
    answer: CallbackAnswer | None = None


@dataclass
class Message:
    """One message as the user sees it; text is the text or the caption, in plain form."""

    chat_id: int
    message_id: int
    from_bot: bool
    sender: dict[str, Any]
    text: str = ""
    html: str = ""  # as sent (raw markup), for assertions about escaping
    entities: list[dict[str, Any]] = field(default_factory=list)
    keyboard: list[list[Button]] = field(default_factory=list)
    reply_keyboard: list[list[str]] | None = None
    document: StoredFile | None = None
    photo: StoredFile | None = None
    forward_origin: dict[str, Any] | None = None
    media_group_id: str | None = None  # the album the message belongs to
    date: int = field(default_factory=lambda: int(time.time()))
    edit_date: int | None = None
    deleted: bool = False

    @property
    def edited(self) -> bool:
        return self.edit_date is not None

    @property
    def caption(self) -> str | None:
        return self.text if self.has_media else None

    @property
    def has_media(self) -> bool:
        return self.document is not None or self.photo is not None

    @property
    def buttons(self) -> list[list[str]]:
        return [[b.label for b in row] for row in self.keyboard]

    @property
    def button_labels(self) -> list[str]:
        return [label for row in self.buttons for label in row]

    def find_button(self, label: str) -> Button | None:
        wanted = strip_bidi(label)
        return next((b for row in self.keyboard for b in row if b.label == wanted), None)

    def to_api(self, chat: dict[str, Any]) -> dict[str, Any]:
        msg: dict[str, Any] = {
            "message_id": self.message_id,
            "from": self.sender,
            "chat": chat,
            "date": self.date,
        }
        if self.edit_date is not None:
            msg["edit_date"] = self.edit_date
        if self.forward_origin:
            msg["forward_origin"] = self.forward_origin
        if self.media_group_id:
            msg["media_group_id"] = self.media_group_id
        if self.document:
            msg["document"] = self.document.as_document()
        if self.photo:
            msg["photo"] = self.photo.as_photo()
        key = "caption" if self.has_media else "text"
        if self.text:
            msg[key] = self.text
            if self.entities:
                msg[f"{key}_entities" if self.has_media else "entities"] = self.entities
        if self.keyboard:
            msg["reply_markup"] = {"inline_keyboard": [[b.raw for b in r] for r in self.keyboard]}
        return msg

    def summary(self) -> str:
        who = "bot" if self.from_bot else "user"
        flags = "".join([" (edited)" if self.edited else "", " (deleted)" if self.deleted else ""])
        body = self.text
        if self.document:
            body = f"[document {self.document.file_name}] {body}"
        if self.photo:
            body = f"[photo] {body}"
        if self.media_group_id:
            body = f"[album {self.media_group_id}] {body}"
        line = f"#{self.message_id} {who}{flags}: {body}"
        if self.keyboard:
            line += "\n    buttons: " + " | ".join(
                " ".join(f"[{label}]" for label in row) for row in self.buttons
            )
        return line


@dataclass
class Chat:
    """A private chat: its id is the user's id."""

    id: int
    user: dict[str, Any]
    started: bool = False  # the user has written to the bot, so the bot may message them
    messages: list[Message] = field(default_factory=list)
    clock: Callable[[], int] = field(default=lambda: int(time.time()))  # message dates
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    def to_api(self) -> dict[str, Any]:
        chat = {"id": self.id, "type": "private", "first_name": self.user["first_name"]}
        for key in ("last_name", "username"):
            if self.user.get(key):
                chat[key] = self.user[key]
        return chat

    def add(self, **fields: Any) -> Message:
        fields.setdefault("date", self.clock())
        msg = Message(chat_id=self.id, message_id=next(self._ids), **fields)
        self.messages.append(msg)
        return msg

    def find(self, message_id: int) -> Message | None:
        return next((m for m in self.messages if m.message_id == message_id), None)

    def transcript(self, last: int | None = None) -> str:
        shown = self.messages[-last:] if last else self.messages
        return "\n".join(m.summary() for m in shown) or "(no messages)"


class World:
    def __init__(
        self, bot_username: str = "arcp_test_bot", now: Callable[[], int] | None = None
    ):
        self.now = now or (lambda: int(time.time()))  # unix time of message dates and edits
        self.version = 0  # bumped by every change a client could see (see touch)
        self._changed = asyncio.Event()
        self.bot_user = {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "ARCP",
            "username": bot_username,
            "can_join_groups": False,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }
        self.chats: dict[int, Chat] = {}
        self.files: dict[str, StoredFile] = {}
        self.callbacks: dict[str, CallbackQuery] = {}
        self.commands: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.menu_buttons: dict[int | None, dict[str, Any]] = {}
        self.profile: dict[str, dict[str, str]] = {}  # "name"/"description"/... -> lang -> value
        self.webhook_url = ""
        self._file_ids = itertools.count(1)
        self._media_group_ids = itertools.count(1)

    def chat(self, user: dict[str, Any]) -> Chat:
        if user["id"] not in self.chats:
            self.chats[user["id"]] = Chat(id=user["id"], user=user, clock=lambda: self.now())
        return self.chats[user["id"]]

    # -- change feed (the sandbox page long-polls it) -----------------------------------------
    def touch(self) -> None:
        """Something may have changed: a new version, and every waiter wakes up."""
        self.version += 1
        self._changed.set()
        self._changed = asyncio.Event()

    async def changed_since(self, version: int, timeout: float) -> bool:
        """Wait up to `timeout` seconds for a version newer than `version`."""
        if self.version > version:
            return True
        event = self._changed
        try:
            await asyncio.wait_for(event.wait(), timeout)
        except TimeoutError:
            pass
        return self.version > version

    def find_chat(self, chat_id: int | str) -> Chat | None:
        if isinstance(chat_id, str):  # "@username"
            name = chat_id.removeprefix("@").lower()
            return next(
                (c for c in self.chats.values() if (c.user.get("username") or "").lower() == name),
                None,
            )
        return self.chats.get(chat_id)

    def store_file(
        self, content: bytes, file_name: str | None, mime_type: str | None, kind: str
    ) -> StoredFile:
        n = next(self._file_ids)
        suffix = f".{file_name.rsplit('.', 1)[-1]}" if file_name and "." in file_name else ""
        stored = StoredFile(
            file_id=f"{kind.upper()}-{n:06d}-fake-file-id",
            file_unique_id=f"U{n:06d}",
            content=content,
            file_name=file_name,
            mime_type=mime_type,
            file_path=f"{kind}s/file_{n}{suffix}",
        )
        self.files[stored.file_id] = stored
        return stored

    def next_media_group_id(self) -> str:
        return str(13_000_000_000_000_000 + next(self._media_group_ids))

    def file_by_path(self, file_path: str) -> StoredFile | None:
        return next((f for f in self.files.values() if f.file_path == file_path), None)
