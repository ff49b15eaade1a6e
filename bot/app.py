"""The bot process: database ready, dispatcher wired, polling until SIGTERM or Ctrl-C."""

import logging
from datetime import timedelta

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.types import LinkPreviewOptions
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import Settings
from bot.factory import create_dispatcher
from dialogs.commands import set_default_commands
from services import clock, member_states
from storage import migrate
from storage.database import create_engine, create_sessionmaker, transaction
from storage.repositories import updates as update_repo

log = logging.getLogger(__name__)

UPDATE_IDS_KEPT = timedelta(days=7)


class StartupError(RuntimeError):
    """A problem the operator must fix; printed as one line."""


def create_bot(settings: Settings) -> Bot:
    session = AiohttpSession()
    if settings.telegram_api_url:
        session = AiohttpSession(api=TelegramAPIServer.from_base(settings.telegram_api_url))
    return Bot(settings.token(), session=session, default=DefaultBotProperties(
        parse_mode=ParseMode.HTML, link_preview=LinkPreviewOptions(is_disabled=True)))


async def prepare_database(engine: AsyncEngine, settings: Settings, *, fill: bool = True) -> None:
    """SQLite is brought up to date (and filled on first run); PostgreSQL must be migrated."""
    if settings.is_sqlite:
        await migrate.upgrade(engine)
        if not fill:
            return
        pool = create_sessionmaker(engine)
        async with transaction(pool) as session:
            if not await member_states.list_states(session, "en"):
                await member_states.load_states(session)
        return
    if await migrate.current_revision(engine) != migrate.head_revision():
        raise StartupError("the database schema is not up to date: run `python -m bot migrate`")


async def on_startup(bot: Bot, dispatcher: Dispatcher, locales, pool) -> None:
    me = await bot.me()
    log.info("running as @%s", me.username)
    await bot.delete_webhook(drop_pending_updates=False)
    await set_default_commands(bot, locales)
    async with transaction(pool) as session:
        await update_repo.prune(session, clock.now() - UPDATE_IDS_KEPT)


async def on_shutdown(dispatcher: Dispatcher, settings: Settings) -> None:
    inflight = dispatcher["inflight"]
    if inflight.count:
        log.info("letting %s update(s) in flight finish", inflight.count)
    if not await inflight.drain(settings.shutdown_timeout):
        log.warning("%s update(s) still running at shutdown", inflight.count)


async def run_polling(settings: Settings) -> None:
    bot = create_bot(settings)
    engine = create_engine(settings.database_url)
    try:
        await prepare_database(engine, settings)
        pool = create_sessionmaker(engine)
        dp = create_dispatcher(settings, pool)
        dp["pool"] = pool
        dp.startup.register(on_startup)
        dp.shutdown.register(on_shutdown)
        await dp.start_polling(bot, handle_signals=True, close_bot_session=True)
    finally:
        await bot.session.close()
        await engine.dispose()
