"""Registry of simulated Bot API methods and the helpers they share."""

from __future__ import annotations

import mimetypes
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from .errors import CHAT_NOT_FOUND, NOT_MODIFIED, bad_request
from .html import parse_html
from .params import FilePart, Params
from .state import Button, Chat, Message, StoredFile

if TYPE_CHECKING:
    from .server import FakeTelegram

Handler = Callable[["FakeTelegram", Params], Awaitable[Any] | Any]
HANDLERS: dict[str, Handler] = {}


def api(*names: str) -> Callable[[Handler], Handler]:
    def register(func: Handler) -> Handler:
        for name in names:
            HANDLERS[name] = func
        return func

    return register


def find_chat(srv: FakeTelegram, p: Params, field: str = "chat_id") -> Chat:
    chat = srv.world.find_chat(p.chat_id(field))
    if chat is None or not chat.started:
        raise bad_request(CHAT_NOT_FOUND)  # the user never wrote to the bot
    return chat


def target_chat(srv: FakeTelegram, p: Params) -> Chat:
    """The chat a send/edit goes to, refusing blocked and deactivated users."""
    chat = find_chat(srv, p)
    srv.faults.check_access(chat.id)
    return chat


def render(p: Params, field: str, entities_field: str, mode_field: str = "parse_mode"):
    """(plain text, raw text, entities) of a text/caption parameter; validation already ran."""
    raw = p.string(field) or ""
    mode = (p.string(mode_field) or "").lower()
    if mode == "html":
        plain, entities = parse_html(raw)
        return plain, raw, entities
    return raw, raw, p.json_value(entities_field) or []


def keyboard(markup: dict[str, Any] | None) -> list[list[Button]]:
    rows = (markup or {}).get("inline_keyboard") or []
    return [
        [Button(b["text"], b.get("callback_data"), b.get("url"), raw=b) for b in row]
        for row in rows
    ]


def reply_keyboard(markup: dict[str, Any] | None) -> list[list[str]] | None:
    rows = (markup or {}).get("keyboard")
    if rows is None:
        return None
    return [[b if isinstance(b, str) else b["text"] for b in row] for row in rows]


def deliver(srv: FakeTelegram, method: str, chat: Chat, **fields: Any) -> Message:
    """Create a bot message, subject to flood limits, and record the send."""
    markup = fields.pop("markup", None)
    srv.faults.check_rate(method, chat.id)
    msg = chat.add(
        from_bot=True,
        sender=srv.world.bot_user,
        keyboard=keyboard(markup),
        reply_keyboard=reply_keyboard(markup),
        **fields,
    )
    srv.faults.record_send(method, chat.id, msg.message_id)
    return msg


def editable(srv: FakeTelegram, p: Params, verb: str = "edit") -> tuple[Chat, Message]:
    if p.get("inline_message_id"):
        raise srv.unsupported("inline messages (inline_message_id)")
    chat = target_chat(srv, p) if verb == "edit" else find_chat(srv, p)
    msg = chat.find(p.integer("message_id") or 0)
    if msg is None or msg.deleted:
        raise bad_request(f"message to {verb} not found")
    if verb == "edit" and not msg.from_bot:
        raise bad_request("message can't be edited")
    return chat, msg


def apply_edit(srv: FakeTelegram, chat: Chat, msg: Message, **changes: Any) -> dict[str, Any]:
    """Change a message in place; Telegram refuses an edit that changes nothing."""
    if all(getattr(msg, key) == value for key, value in changes.items()):
        raise bad_request(NOT_MODIFIED)
    for key, value in changes.items():
        setattr(msg, key, value)
    msg.edit_date = srv.now()
    return msg.to_api(chat.to_api())


def incoming_file(srv: FakeTelegram, p: Params, value: str | FilePart | None, kind: str):
    """A StoredFile from an upload, an attach:// reference, a known file_id or a URL."""
    value = p.file(value)
    if isinstance(value, FilePart):
        mime = mimetypes.guess_type(value.filename)[0] or value.content_type
        return srv.world.store_file(value.data, value.filename, mime, kind)
    if value is None:
        raise bad_request("attach:// refers to a missing file part")
    if value in srv.world.files:
        return srv.world.files[value]
    if value.startswith(("http://", "https://")):
        name = value.rsplit("/", 1)[-1] or None
        mime = mimetypes.guess_type(name or "")[0]
        return srv.world.store_file(b"", name, mime, kind)
    raise bad_request("wrong file identifier/HTTP URL specified")


def media_fields(stored: StoredFile, kind: str) -> dict[str, StoredFile | None]:
    if kind == "photo":
        return {"photo": stored, "document": None}
    return {"document": stored, "photo": None}
