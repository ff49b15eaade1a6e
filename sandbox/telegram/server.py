"""A fake Telegram Bot API server on loopback, speaking HTTP exactly like api.telegram.org."""

from __future__ import annotations

import inspect
import itertools
import re
import socket
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from . import api_messages, api_other  # noqa: F401  (they register the method handlers)
from .api_base import HANDLERS
from .errors import ApiError
from .faults import Faults, RateViolation, Send
from .params import Params, read_params
from .spec import load_spec, validate
from .state import World
from .updates import Entry, UpdateQueue
from .user import FakeUser
from .webhook import WebhookPusher

_TOKEN = re.compile(r"\d+:[\w-]{20,}")


class FakeTelegram:
    TOKEN = "123456:TEST-fake-token-abcdefghijklmnopqrstu"

    def __init__(
        self,
        *,
        bot_username: str = "arcp_test_bot",
        quiet: float = 0.3,
        timeout: float = 10.0,
        host: str = "127.0.0.1",
        port: int = 0,
        now: Callable[[], int] | None = None,
    ):
        """port 0: any free port. now: unix time for message dates (default: the real clock)."""
        self.world = World(bot_username, now)
        self.host, self.port = host, port
        self.routes: list[web.AbstractRouteDef] = []  # extra routes (the sandbox page)
        self.updates = UpdateQueue()
        self.webhook = WebhookPusher(self.updates)
        self.faults = Faults()
        self.spec = load_spec()
        self.quiet = quiet  # seconds of silence that mean "the bot is done" (no tracking)
        self.timeout = timeout  # default wait for an update to be handled
        self.violations: list[str] = []
        self.errors: list[tuple[str, int, str]] = []  # (method, status, description)
        self.calls: list[tuple[str, dict[str, Any]]] = []  # every authorised API call
        self.bot_errors: list[Exception] = []  # raised by handlers (via aiogram_middleware)
        self.double_answers: list[str] = []  # callback queries the bot answered twice
        self.base_url = ""
        self._runner: web.AppRunner | None = None
        self._users: dict[int, FakeUser] = {}
        self._callback_ids = itertools.count(1)

    # -- lifecycle -------------------------------------------------------------------------
    async def start(self) -> FakeTelegram:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{file_path:.+}", self._handle_file)
        app.add_routes(self.routes)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self.port))
        await web.SockSite(self._runner, sock).start()
        self.port = sock.getsockname()[1]
        self.base_url = f"http://{self.host}:{self.port}"
        return self

    def add_routes(self, routes: list[web.AbstractRouteDef]) -> None:
        """Serve more routes on the same port (before start)."""
        if self._runner is not None:
            raise RuntimeError("add routes before start()")
        self.routes += routes

    async def stop(self) -> None:
        self.updates.close()  # release long polls at once
        await self.webhook.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeTelegram:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # -- HTTP --------------------------------------------------------------------------------
    async def _handle_api(self, request: web.Request) -> web.Response:
        if not _TOKEN.fullmatch(request.match_info["token"]):
            return _reply(ApiError(401, "Unauthorized").body(), 401)
        raw_method = request.match_info["method"]
        method = self.spec.canonical(raw_method)
        if method is None:
            self.violations.append(f'{raw_method}: unknown method "{raw_method}"')
            return _reply(ApiError(404, "Not Found").body(), 404)
        polling = method == "getUpdates"
        if not polling:
            self.updates.request_started()
        try:
            body, status = await self._call(method, request)
        finally:
            if not polling:
                self.updates.request_finished()
                self.world.touch()
        if not body["ok"]:
            self.errors.append((method, status, body["description"]))
        return _reply(body, status)

    async def _call(self, method: str, request: web.Request) -> tuple[dict[str, Any], int]:
        try:
            params = await read_params(request)
            params.method = method
            self.calls.append((method, dict(params)))
            await self.faults.pause(method)
            problems = validate(method, params)
            if problems:
                self.violations += [f"{method}: {problem}" for problem in problems]
                raise ApiError(400, "Bad Request: " + "; ".join(problems))
            failure = self.faults.take_failure(method, params.string("chat_id"))
            if failure is not None:
                raise failure
            result = self._dispatch(method, params)
            if inspect.isawaitable(result):
                result = await result
        except ApiError as error:
            return error.body(), error.status
        return {"ok": True, "result": result}, 200

    def _dispatch(self, method: str, params: Params) -> Any:
        handler = HANDLERS.get(method)
        if handler is not None:
            return handler(self, params)
        if self.spec.returns(method) == ["True"]:
            return True  # an action with no visible effect in a private chat
        raise self.unsupported(f"method {method}")

    def unsupported(self, what: str) -> ApiError:
        """Something valid the fake does not simulate: a failure, so it gets noticed."""
        self.violations.append(f"not simulated by the fake server: {what}")
        return ApiError(400, f"Bad Request: {what} is not simulated by the fake server")

    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        if not _TOKEN.fullmatch(request.match_info["token"]):
            return _reply(ApiError(401, "Unauthorized").body(), 401)
        stored = self.world.file_by_path(request.match_info["file_path"])
        if stored is None:
            return _reply(ApiError(404, "Not Found").body(), 404)
        content_type = stored.mime_type or "application/octet-stream"
        return web.Response(body=stored.content, content_type=content_type)

    # -- users and updates -----------------------------------------------------------------
    def user(
        self,
        user_id: int,
        first_name: str = "Test",
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "en",
        *,
        started: bool = False,
    ) -> FakeUser:
        """The simulated user (one per id). started=True: as if they had already written."""
        if user_id not in self._users:
            self._users[user_id] = FakeUser(
                self, user_id, first_name, last_name, username, language_code
            )
        if started:
            self._users[user_id].chat.started = True
        return self._users[user_id]

    def push_update(self, update: dict[str, Any]) -> int:
        """Queue an update without waiting for it; a given update_id is kept (redelivery)."""
        return self.updates.push(update).update_id

    async def send_update(self, update: dict[str, Any], *, timeout: float | None = None) -> int:
        """Queue an update and wait until the bot has handled it."""
        entry = self.updates.push(update)
        await self._wait(entry, timeout)
        return entry.update_id

    async def wait_for_update(self, update_id: int, *, timeout: float | None = None) -> None:
        entry = next(e for e in reversed(self.updates.entries) if e.update_id == update_id)
        await self._wait(entry, timeout)

    async def _wait(self, entry: Entry, timeout: float | None) -> None:
        body = entry.update.get(entry.kind) or {}
        chat_id = (body.get("chat") or body.get("from") or {}).get("id")
        if chat_id not in self.world.chats:
            chat_id = None

        def context() -> str:
            return self.transcript(chat_id, last=12)

        await self.updates.wait(
            entry,
            timeout=self.timeout if timeout is None else timeout,
            quiet=self.quiet,
            context=context,
        )

    def mark_handled(self, update_id: int) -> None:
        self.updates.mark_handled(update_id)

    @property
    def tracking(self) -> bool:
        return self.updates.tracking

    @tracking.setter
    def tracking(self, value: bool) -> None:
        self.updates.tracking = value

    def aiogram_middleware(self) -> Callable[..., Awaitable[Any]]:
        """An outer middleware for dp.update that reports each update as handled."""

        async def report_handled(handler: Callable[..., Awaitable[Any]], event: Any, data: Any):
            try:
                return await handler(event, data)
            except Exception as exc:
                self.bot_errors.append(exc)  # aiogram only logs these; let tests see them
                raise
            finally:
                self.mark_handled(event.update_id)

        self.tracking = True
        return report_handled

    def next_callback_id(self) -> str:
        return str(4_200_000_000_000 + next(self._callback_ids))

    # -- faults and limits (see Faults) -----------------------------------------------------
    def fail(
        self,
        method: str,
        *,
        status: int = 429,
        retry_after: int | None = None,
        description: str | None = None,
        times: int | None = 1,
        chat_id: int | str | None = None,
    ) -> None:
        """Answer the next `times` matching calls (None: all) with this error."""
        self.faults.fail(
            method,
            status=status,
            retry_after=retry_after,
            description=description,
            times=times,
            chat_id=chat_id,
        )

    def block(self, chat_id: int) -> None:
        self.faults.blocked.add(chat_id)

    def unblock(self, chat_id: int) -> None:
        self.faults.blocked.discard(chat_id)

    def deactivate(self, chat_id: int) -> None:
        self.faults.deactivated.add(chat_id)

    def delay(self, method: str, seconds: float, times: int | None = None) -> None:
        self.faults.delay(method, seconds, times)

    def enforce_limits(self, overall_per_second: int = 30, per_chat_per_second: int = 1) -> None:
        self.faults.enforce_limits(overall_per_second, per_chat_per_second)

    @property
    def sends(self) -> list[Send]:
        return self.faults.sends

    @property
    def rate_violations(self) -> list[RateViolation]:
        return self.faults.rate_violations

    def max_sends_in_window(self, seconds: float = 1.0, chat_id: int | None = None) -> int:
        return self.faults.max_sends_in_window(seconds, chat_id)

    def max_sends_per_chat_in_window(self, seconds: float = 1.0) -> int:
        return self.faults.max_sends_per_chat_in_window(seconds)

    # -- inspection -------------------------------------------------------------------------
    def assert_no_violations(self) -> None:
        if self.violations:
            listing = "\n".join(f"  - {v}" for v in self.violations)
            raise AssertionError(f"Bot API violations:\n{listing}")

    def transcript(self, chat_id: int | None = None, *, last: int | None = None) -> str:
        chats = [self.world.chats[chat_id]] if chat_id is not None else self.world.chats.values()
        return "\n".join(f"chat {c.id}:\n{c.transcript(last)}" for c in chats) or "(no chats)"

    def now(self) -> int:
        return self.world.now()


def _reply(body: dict[str, Any], status: int) -> web.Response:
    return web.json_response(body, status=status)
