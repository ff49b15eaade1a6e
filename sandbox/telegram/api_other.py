"""Bot identity, updates, webhooks, callback answers, commands, profile, files and chats."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .api_base import api, find_chat
from .errors import ApiError, bad_request
from .params import Params
from .state import CallbackAnswer

if TYPE_CHECKING:
    from .server import FakeTelegram

_WEBHOOK_CONFLICT = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)
# setter -> the parameter it sets (also the key of the getter's result)
_PROFILE = {
    "setMyName": "name",
    "setMyDescription": "description",
    "setMyShortDescription": "short_description",
}


@api("getMe")
def get_me(srv: FakeTelegram, p: Params) -> dict[str, Any]:
    return srv.world.bot_user


@api("getUpdates")
async def get_updates(srv: FakeTelegram, p: Params) -> list[dict[str, Any]]:
    if srv.world.webhook_url:
        raise ApiError(409, _WEBHOOK_CONFLICT)
    return await srv.updates.get_updates(
        offset=p.integer("offset"),
        limit=p.integer("limit", 100),
        timeout=p.integer("timeout", 0),
        allowed=p.json_value("allowed_updates"),
    )


@api("setWebhook")
def set_webhook(srv: FakeTelegram, p: Params) -> bool:
    srv.world.webhook_url = p.string("url") or ""
    srv.webhook.configure(srv.world.webhook_url, p.string("secret_token"),
                          p.integer("max_connections", 40))
    return True


@api("deleteWebhook")
def delete_webhook(srv: FakeTelegram, p: Params) -> bool:
    srv.world.webhook_url = ""
    srv.webhook.configure("", None, 40)
    if p.boolean("drop_pending_updates"):
        srv.updates.drop_pending()
    return True


@api("getWebhookInfo")
def get_webhook_info(srv: FakeTelegram, p: Params) -> dict[str, Any]:
    return {
        "url": srv.world.webhook_url,
        "has_custom_certificate": False,
        "pending_update_count": srv.updates.pending_count,
    }


@api("logOut", "close")
def log_out(srv: FakeTelegram, p: Params) -> bool:
    return True


@api("answerCallbackQuery")
def answer_callback_query(srv: FakeTelegram, p: Params) -> bool:
    query = srv.world.callbacks.get(p.string("callback_query_id") or "")
    if query is not None and query.answer is not None:
        srv.double_answers.append(query.id)  # Telegram refuses it: a bot defect to report
    if query is None or query.answer is not None:
        raise bad_request("query is too old and response timeout expired or query ID is invalid")
    query.answer = CallbackAnswer(
        text=p.string("text"),
        show_alert=p.boolean("show_alert"),
        url=p.string("url"),
        cache_time=p.integer("cache_time"),
    )
    return True


def _commands_key(p: Params) -> tuple[str, str]:
    scope = p.json_value("scope") or {"type": "default"}
    return json.dumps(scope, sort_keys=True), p.string("language_code") or ""


@api("setMyCommands")
def set_my_commands(srv: FakeTelegram, p: Params) -> bool:
    srv.world.commands[_commands_key(p)] = p.json_value("commands")
    return True


@api("getMyCommands")
def get_my_commands(srv: FakeTelegram, p: Params) -> list[dict[str, Any]]:
    return srv.world.commands.get(_commands_key(p), [])


@api("deleteMyCommands")
def delete_my_commands(srv: FakeTelegram, p: Params) -> bool:
    srv.world.commands.pop(_commands_key(p), None)
    return True


@api("setChatMenuButton")
def set_chat_menu_button(srv: FakeTelegram, p: Params) -> bool:
    srv.world.menu_buttons[p.integer("chat_id")] = p.json_value("menu_button") or {
        "type": "default"
    }
    return True


@api("getChatMenuButton")
def get_chat_menu_button(srv: FakeTelegram, p: Params) -> dict[str, Any]:
    buttons = srv.world.menu_buttons
    return buttons.get(p.integer("chat_id"), buttons.get(None, {"type": "default"}))


@api("setMyName", "setMyDescription", "setMyShortDescription")
def set_profile(srv: FakeTelegram, p: Params) -> bool:
    param = _PROFILE[p.method]
    values = srv.world.profile.setdefault(param, {})
    values[p.string("language_code") or ""] = p.string(param) or ""
    return True


@api("getMyName", "getMyDescription", "getMyShortDescription")
def get_profile(srv: FakeTelegram, p: Params) -> dict[str, str]:
    param = _PROFILE[p.method.replace("get", "set", 1)]
    values = srv.world.profile.get(param, {})
    lang = p.string("language_code") or ""
    return {param: values.get(lang, values.get("", ""))}


@api("getFile")
def get_file(srv: FakeTelegram, p: Params) -> dict[str, Any]:
    stored = srv.world.files.get(p.string("file_id") or "")
    if stored is None:
        raise bad_request("invalid file_id")
    return stored.as_file()


@api("getChat")
def get_chat(srv: FakeTelegram, p: Params) -> dict[str, Any]:
    chat = find_chat(srv, p)
    gifts = ("unlimited_gifts", "limited_gifts", "unique_gifts", "premium_subscription")
    return chat.to_api() | {
        "accent_color_id": 0,
        "max_reaction_count": 11,
        "accepted_gift_types": {k: False for k in (*gifts, "gifts_from_channels")},
    }
