"""`python -m bot webhook`: one replica serving Telegram's webhook (any number may run).

Each replica sets the webhook on start (the same URL and secret for all), checks the secret
header on every request, answers /healthz and runs neither the scheduler nor the delivery
worker (`python -m bot worker` does). An update is answered once it is handled, so a load
balancer's timeouts and a replica's shutdown see the real work.
"""

import asyncio
import logging
from urllib.parse import urlsplit

from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web
from sqlalchemy import text

from bot.app import App, until_signal
from bot.config import Settings

log = logging.getLogger(__name__)
HEALTH_TIMEOUT = 5.0


def webhook_path(url: str) -> str:
    return urlsplit(url).path or "/"


def build_web_app(app: App) -> web.Application:
    """The aiohttp application of one replica (the dispatcher starts and stops with it)."""
    url, secret = app.settings.webhook()
    web_app = web.Application()
    SimpleRequestHandler(dispatcher=app.dp, bot=app.bot, secret_token=secret,
                         handle_in_background=False).register(web_app, path=webhook_path(url))

    async def healthz(request: web.Request) -> web.Response:
        # Healthy when everything an update needs answers: the database, and Redis if the
        # dialog state lives there. The reason goes to the log, not to whoever asks.
        try:
            async with asyncio.timeout(HEALTH_TIMEOUT):
                async with app.engine.connect() as conn:
                    await conn.execute(text("SELECT 1"))
                if redis := getattr(app.dp.storage, "redis", None):
                    await redis.ping()
        except Exception as error:  # any failure means "not healthy"
            log.warning("health check failed: %s", error)
            return web.json_response({"ok": False}, status=503)
        return web.json_response({"ok": True})

    web_app.router.add_get("/healthz", healthz)
    setup_application(web_app, app.dp, bot=app.bot)
    # aiohttp runs on_shutdown before it waits for the requests under way, and aiogram stops
    # the dispatcher and closes the bot's session there: moved to on_cleanup, which runs after
    # them, an update being handled at SIGTERM still sends its answer.
    web_app.on_cleanup.extend(web_app.on_shutdown)
    web_app.on_shutdown.clear()
    return web_app


async def run_webhook(settings: Settings) -> None:
    settings.webhook()  # fail before anything starts when the webhook settings are missing
    app = App(settings, webhook=True)
    try:
        await app.open()
        runner = web.AppRunner(build_web_app(app), access_log=None,
                               shutdown_timeout=settings.shutdown_timeout)
        await runner.setup()
        try:
            await web.TCPSite(runner, settings.webhook_host, settings.webhook_port).start()
            log.info("serving the webhook on %s:%s", settings.webhook_host,
                     settings.webhook_port)
            await app.set_webhook()
            await until_signal()
        finally:
            await runner.cleanup()  # stops taking requests, finishes those under way
    finally:
        if hasattr(app, "bot"):
            await app.close()

