"""Webhook replicas in the test's event loop, behind a round-robin load balancer."""

import itertools
import socket

from aiohttp import ClientSession, web

from bot.app import App
from bot.webhook import build_web_app
from sandbox.telegram import FakeTelegram

SECRET = "test-webhook-secret_0123456789"
PATH = "/telegram/webhook"


def _listen() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    return sock


class Balancer:
    """Sends each request to the next replica in turn, as a plain load balancer does."""

    def __init__(self) -> None:
        self.backends: list[str] = []
        self.served: list[int] = []  # the replica (index) of each request, in order
        self._turn = itertools.count()

    async def start(self) -> "Balancer":
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._forward)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        sock = _listen()
        await web.SockSite(self._runner, sock).start()
        self.url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        self._client = ClientSession()
        return self

    async def _forward(self, request: web.Request) -> web.Response:
        index = next(self._turn) % len(self.backends)
        self.served.append(index)
        headers = {k: v for k, v in request.headers.items()
                   if k.lower() in ("content-type", "x-telegram-bot-api-secret-token")}
        async with self._client.request(request.method, self.backends[index] + request.path_qs,
                                        data=await request.read(), headers=headers) as answer:
            return web.Response(status=answer.status, body=await answer.read(),
                                content_type=answer.content_type)

    async def stop(self) -> None:
        await self._client.close()
        await self._runner.cleanup()


class Replica:
    """What `python -m bot webhook` runs, listening on a free port of 127.0.0.1."""

    def __init__(self, server: FakeTelegram, settings):
        self.server, self.settings = server, settings

    async def start(self) -> "Replica":
        self.app = await App(self.settings, webhook=True).open()
        self.pool, self.dp = self.app.pool, self.app.dp
        # outermost, so "handled" means the transaction was committed too
        self.dp.update.outer_middleware._middlewares.insert(0, self.server.aiogram_middleware())
        self._runner = web.AppRunner(build_web_app(self.app), access_log=None)
        await self._runner.setup()
        sock = _listen()
        await web.SockSite(self._runner, sock).start()
        self.url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        await self.app.set_webhook()
        return self

    async def stop(self) -> None:
        await self._runner.cleanup()
        await self.app.close()
