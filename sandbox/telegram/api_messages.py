"""Sending, copying, editing and deleting messages."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .api_base import (
    api,
    apply_edit,
    deliver,
    editable,
    find_chat,
    incoming_file,
    keyboard,
    media_fields,
    render,
    target_chat,
)
from .errors import bad_request
from .params import Params
from .state import Message

if TYPE_CHECKING:
    from .server import FakeTelegram


@api("sendMessage")
def send_message(srv: FakeTelegram, p: Params) -> dict[str, Any]:
    chat = target_chat(srv, p)
    text, html, entities = render(p, "text", "entities")
    msg = deliver(
        srv, "sendMessage", chat, text=text, html=html, entities=entities, markup=_markup(p)
    )
    return msg.to_api(chat.to_api())


@api("sendPhoto")
def send_photo(srv: FakeTelegram, p: Params) -> dict[str, Any]:
    return _send_media(srv, p, "photo", "sendPhoto")


@api("sendDocument")
def send_document(srv: FakeTelegram, p: Params) -> dict[str, Any]:
    return _send_media(srv, p, "document", "sendDocument")


def _send_media(srv: FakeTelegram, p: Params, kind: str, method: str) -> dict[str, Any]:
    chat = target_chat(srv, p)
    stored = incoming_file(srv, p, p.get(kind), kind)
    text, html, entities = render(p, "caption", "caption_entities")
    msg = deliver(
        srv,
        method,
        chat,
        text=text,
        html=html,
        entities=entities,
        markup=_markup(p),
        **media_fields(stored, kind),
    )
    return msg.to_api(chat.to_api())


@api("sendMediaGroup")
def send_media_group(srv: FakeTelegram, p: Params) -> list[dict[str, Any]]:
    """An album: one message per item, sharing a media_group_id (2-10 items, checked by spec)."""
    chat = target_chat(srv, p)
    items = p.json_value("media")
    kinds = {item["type"] for item in items}
    if kinds - {"photo", "document"}:
        raise srv.unsupported(f"{sorted(kinds - {'photo', 'document'})[0]} in a media group")
    if len(kinds) > 1:
        raise bad_request("documents can't be mixed with other media types in an album")
    # every file is resolved first, so a bad reference sends nothing
    files = [incoming_file(srv, p, item["media"], item["type"]) for item in items]
    srv.faults.check_rate("sendMediaGroup", chat.id)  # one request, however many items
    group_id = srv.world.next_media_group_id()
    sent = []
    for item, stored in zip(items, files, strict=True):
        text, html, entities = render(_caption(item), "caption", "caption_entities")
        msg = chat.add(
            from_bot=True,
            sender=srv.world.bot_user,
            text=text,
            html=html,
            entities=entities,
            media_group_id=group_id,
            **media_fields(stored, item["type"]),
        )
        srv.faults.record_send("sendMediaGroup", chat.id, msg.message_id)
        sent.append(msg.to_api(chat.to_api()))
    return sent


def _caption(media: dict[str, Any]) -> Params:
    """An InputMedia's caption fields as parameters render() reads."""
    caption = Params({k: v for k, v in media.items() if isinstance(v, str)})
    if "caption_entities" in media:
        caption["caption_entities"] = json.dumps(media["caption_entities"])
    return caption


@api("copyMessage")
def copy_message(srv: FakeTelegram, p: Params) -> dict[str, Any]:
    msg = _duplicate(srv, p, forward=False)
    return {"message_id": msg.message_id}


@api("forwardMessage")
def forward_message(srv: FakeTelegram, p: Params) -> dict[str, Any]:
    msg = _duplicate(srv, p, forward=True)
    return msg.to_api(srv.world.chats[msg.chat_id].to_api())


def _duplicate(srv: FakeTelegram, p: Params, *, forward: bool) -> Message:
    source_chat = find_chat(srv, p, "from_chat_id")
    src = source_chat.find(p.integer("message_id") or 0)
    chat = target_chat(srv, p)
    if src is None or src.deleted:
        raise bad_request(f"message to {'forward' if forward else 'copy'} not found")
    text, html, entities = src.text, src.html, src.entities
    if not forward and "caption" in p and src.has_media:
        text, html, entities = render(p, "caption", "caption_entities")
    origin = None
    if forward:
        origin = {"type": "user", "date": src.date, "sender_user": src.sender}
    return deliver(
        srv,
        "forwardMessage" if forward else "copyMessage",
        chat,
        text=text,
        html=html,
        entities=entities,
        markup=None if forward else _markup(p),
        document=src.document,
        photo=src.photo,
        forward_origin=origin,
    )


@api("editMessageText")
def edit_text(srv: FakeTelegram, p: Params) -> dict[str, Any]:
    chat, msg = editable(srv, p)
    if msg.has_media:
        raise bad_request("there is no text in the message to edit")
    if not p.get("text"):
        raise bad_request("message text is empty")
    text, html, entities = render(p, "text", "entities")
    # Without reply_markup the inline keyboard is removed, as in Telegram.
    new_keyboard = keyboard(p.json_value("reply_markup"))
    return apply_edit(
        srv, chat, msg, text=text, html=html, entities=entities, keyboard=new_keyboard
    )


@api("editMessageCaption")
def edit_caption(srv: FakeTelegram, p: Params) -> dict[str, Any]:
    chat, msg = editable(srv, p)
    if not msg.has_media:
        raise bad_request("there is no caption in the message to edit")
    text, html, entities = render(p, "caption", "caption_entities")
    new_keyboard = keyboard(p.json_value("reply_markup"))
    return apply_edit(
        srv, chat, msg, text=text, html=html, entities=entities, keyboard=new_keyboard
    )


@api("editMessageReplyMarkup")
def edit_markup(srv: FakeTelegram, p: Params) -> dict[str, Any]:
    chat, msg = editable(srv, p)
    return apply_edit(srv, chat, msg, keyboard=keyboard(p.json_value("reply_markup")))


@api("editMessageMedia")
def edit_media(srv: FakeTelegram, p: Params) -> dict[str, Any]:
    chat, msg = editable(srv, p)
    media = p.json_value("media")
    kind = "photo" if media["type"] == "photo" else "document"
    stored = incoming_file(srv, p, media["media"], kind)
    caption = Params({k: v for k, v in media.items() if isinstance(v, str)})
    if "caption_entities" in media:
        caption["caption_entities"] = json.dumps(media["caption_entities"])
    text, html, entities = render(caption, "caption", "caption_entities")
    msg.text, msg.html, msg.entities = text, html, entities
    msg.keyboard = keyboard(p.json_value("reply_markup"))
    for key, value in media_fields(stored, kind).items():
        setattr(msg, key, value)
    msg.edit_date = srv.now()
    return msg.to_api(chat.to_api())


@api("deleteMessage")
def delete_message(srv: FakeTelegram, p: Params) -> bool:
    _, msg = editable(srv, p, "delete")
    msg.deleted = True
    return True


@api("deleteMessages")
def delete_messages(srv: FakeTelegram, p: Params) -> bool:
    chat = find_chat(srv, p)
    for message_id in p.json_value("message_ids"):
        msg = chat.find(message_id)
        if msg is not None:  # unknown ids are skipped, as documented
            msg.deleted = True
    return True


@api("sendChatAction")
def send_chat_action(srv: FakeTelegram, p: Params) -> bool:
    target_chat(srv, p)
    return True


def _markup(p: Params) -> dict[str, Any] | None:
    return p.json_value("reply_markup")
