"""The sandbox page and its JSON API, served on the emulator's own port (127.0.0.1 only): who
the people are, each one's chat as a long poll, what a person does (type, press, upload), the
files in the chats, the page's texts and the fast-forward clock. Errors are 4xx JSON
{"ok": false, "error": ...}."""

from __future__ import annotations

import mimetypes
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from aiohttp import web
from fluent.runtime import FluentResource
from fluent.syntax import ast as fluent_ast
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.l10n import L10n
from sandbox.demo import Person
from sandbox.telegram import FakeTelegram
from sandbox.telegram.client import MAX_TEXT, MAX_WAIT, PhoneClient, iso
from services import clock
from services.resources import resource_path
from storage.models import Role
from storage.repositories import users

STATIC = Path(__file__).with_name("static")
MAX_HOURS = 24 * 31  # one fast-forward step at most


@dataclass
class Site:
    tg: FakeTelegram
    people: list[Person]
    fast_forward: Callable[[float], Awaitable[None]]
    default_lang: str = "ar"
    bot_name: str = "ARCP"
    pool: async_sessionmaker[AsyncSession] | None = None  # the bot's database, once it is open

    def __post_init__(self) -> None:
        self.phone = PhoneClient(self.tg)
        self.by_id = {p.id: p for p in self.people}
        self.locales = L10n(default=self.default_lang)


def routes(site: Site) -> list[web.AbstractRouteDef]:
    """Every route of the page, bound to one sandbox."""

    async def index(request: web.Request) -> web.StreamResponse:
        return web.FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-store"})

    async def strings(request: web.Request) -> web.Response:
        lang = request.query.get("lang") or site.default_lang
        if lang not in site.locales.translators:
            return fail(404, f"no language {lang!r}")
        return web.json_response({"lang": lang, "dir": "rtl" if lang == "ar" else "ltr",
                                  "strings": page_strings(site.locales, lang)})

    async def people(request: web.Request) -> web.Response:
        bot = site.tg.world.bot_user
        return web.json_response({
            "people": [await person_now(site, p) for p in site.people],
            "clock": iso(clock.now().timestamp()),
            "bot": {"name": site.bot_name, "username": bot["username"]},
        })

    async def chat(request: web.Request) -> web.Response:
        user_id = person_id(request)
        try:
            after = int(request.query.get("after", "0"))
            wait = min(float(request.query.get("wait", "0")), MAX_WAIT)
        except ValueError:
            return fail(400, "after and wait must be numbers")
        return web.json_response(await site.phone.chat(user_id, after, max(wait, 0.0)))

    async def send(request: web.Request) -> web.Response:
        user_id = person_id(request)
        body = await json_body(request)
        text = body.get("text")
        if not isinstance(text, str) or not text.strip():
            return fail(400, "text is required")
        if len(text) > MAX_TEXT:
            return fail(400, f"text is longer than {MAX_TEXT} characters")
        await site.phone.type(user_id, text)
        return accepted()

    async def press(request: web.Request) -> web.Response:
        user_id = person_id(request)
        body = await json_body(request)
        try:
            where = [int(body[key]) for key in ("message_id", "row", "column")]
        except (KeyError, TypeError, ValueError):
            return fail(400, "message_id, row and column are required numbers")
        try:
            await site.phone.press(user_id, *where)
        except LookupError as error:
            return fail(404, str(error))
        return accepted()

    async def upload(request: web.Request) -> web.Response:
        user_id = person_id(request)
        try:
            form = await request.post()
        except web.HTTPRequestEntityTooLarge:  # the emulator's own request limit
            return fail(413, f"the file is larger than {request.client_max_size // 2**20} MB")
        except ValueError:
            return fail(400, "expected a multipart form")
        part = form.get("file")
        if not isinstance(part, web.FileField):
            return fail(400, "a file is required")
        caption = form.get("caption")
        caption = caption if isinstance(caption, str) else None
        name = Path(part.filename or "file").name
        mime = part.content_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
        await site.phone.upload(user_id, part.file.read(), name, mime, caption)
        return accepted()

    async def move_clock(request: web.Request) -> web.Response:
        body = await json_body(request)
        try:
            hours = float(body["hours"])
        except (KeyError, TypeError, ValueError):
            return fail(400, "hours is required")
        if not 0 < hours <= MAX_HOURS:
            return fail(400, f"hours must be more than 0 and at most {MAX_HOURS}")
        await site.fast_forward(hours)
        return web.json_response({"clock": iso(clock.now().timestamp())})

    async def file(request: web.Request) -> web.StreamResponse:
        stored = site.phone.file(request.match_info["file_id"])
        if stored is None:
            return fail(404, "no such file")
        name = stored.file_name or "file"
        headers = {"Content-Disposition": content_disposition(name)}
        return web.Response(body=stored.content, headers=headers,
                            content_type=stored.mime_type or "application/octet-stream")

    def person_id(request: web.Request) -> int:
        try:
            user_id = int(request.match_info["user_id"])
        except ValueError:
            user_id = 0
        if user_id not in site.by_id:
            raise web.HTTPNotFound(text='{"ok":false,"error":"no such person"}',
                                   content_type="application/json")
        return user_id

    return [
        web.get("/", index),
        web.get("/api/strings", strings),
        web.get("/api/people", people),
        web.get("/api/chats/{user_id}", chat),
        web.post("/api/chats/{user_id}/messages", send),
        web.post("/api/chats/{user_id}/press", press),
        web.post("/api/chats/{user_id}/documents", upload),
        web.post("/api/clock", move_clock),
        web.get("/api/files/{file_id}", file),
        web.static("/static", STATIC, append_version=False),
    ]


def page_strings(locales: L10n, lang: str) -> dict[str, str]:
    """Every message of locales/<lang>/sandbox.ftl, rendered for the page."""
    path = resource_path("locales") / lang / "sandbox.ftl"
    resource = FluentResource(path.read_text(encoding="utf-8"))
    translator = locales.get(lang)
    ids = [e.id.name for e in resource.body if isinstance(e, fluent_ast.Message)]
    return {msg_id: translator.plain(msg_id) for msg_id in ids}


async def person_now(site: Site, person: Person) -> dict[str, Any]:
    """A person as the bot knows them now: a newcomer who has joined is a focal point."""
    data = person.as_json()
    if person.role == "newcomer" and site.pool is not None:
        async with site.pool() as session:
            user = await users.by_telegram_id(session, person.id)
        if user is not None and user.is_active:
            data["role"] = "secretariat" if user.role == Role.SECRETARIAT else "focal_point"
    return data


def content_disposition(name: str) -> str:
    ascii_name = name.encode("ascii", "replace").decode().replace('"', "'")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"


async def json_body(request: web.Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError:
        raise web.HTTPBadRequest(text='{"ok":false,"error":"expected a JSON body"}',
                                 content_type="application/json") from None
    if not isinstance(body, dict):
        raise web.HTTPBadRequest(text='{"ok":false,"error":"expected a JSON object"}',
                                 content_type="application/json")
    return body


def accepted() -> web.Response:
    return web.json_response({"ok": True}, status=202)


def fail(status: int, error: str) -> web.Response:
    return web.json_response({"ok": False, "error": error}, status=status)
