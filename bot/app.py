"""The bot process: database ready, dispatcher, scheduler and delivery worker."""

import asyncio
import logging
import signal
from datetime import timedelta

from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.types import LinkPreviewOptions
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import jobs
from bot.config import Settings
from bot.delivery import DeliveryWorker
from bot.factory import create_dispatcher
from bot.l10n import L10n
from bot.prepare import prepare_database
from bot.scheduler import Planner, create_scheduler
from bot.session import ApiSession
from dialogs.commands import set_default_commands
from services import announcements, clock
from storage.database import create_engine, create_sessionmaker, transaction
from storage.repositories import updates as update_repo

log = logging.getLogger(__name__)

UPDATE_IDS_KEPT = timedelta(days=7)


def create_bot(settings: Settings) -> Bot:
    session = ApiSession()
    if settings.telegram_api_url:
        session = ApiSession(api=TelegramAPIServer.from_base(settings.telegram_api_url))
    return Bot(settings.token(), session=session, default=DefaultBotProperties(
        parse_mode=ParseMode.HTML, link_preview=LinkPreviewOptions(is_disabled=True)))


class Background:
    """The scheduler and the delivery worker: inside `run`, or alone in `worker`.

    `planner` is what the dialogs get to plan announcements. A webhook replica has a paused
    scheduler: it writes jobs to the shared job store and never runs them (the worker does).
    """

    def __init__(self, settings: Settings, pool: async_sessionmaker[AsyncSession],
                 locales: L10n, *, run_jobs: bool = True):
        self.settings, self.pool, self.locales = settings, pool, locales
        self.run_jobs = run_jobs
        self.scheduler = create_scheduler(settings)
        self.planner = Planner(self.scheduler)
        self.worker = DeliveryWorker(pool, settings) if run_jobs else None

    async def start(self) -> None:
        if not self.run_jobs:
            self._start_scheduler(paused=True)
            return
        async with transaction(self.pool) as session:
            await update_repo.prune(session, clock.now() - UPDATE_IDS_KEPT)
            scheduled = await announcements.due_schedules(session)
        jobs.configure(self.pool, self.worker, self.locales)
        self._start_scheduler(paused=False)
        self.planner.plan_recurring(self.settings.reminder_sweep_seconds)
        for announcement in scheduled:  # the database is the truth; the job store follows it
            if not self.planner.has_job(f"announcement:{announcement.id}"):
                self.planner.plan_announcement(announcement.id, announcement.scheduled_at)
        await self.worker.start()

    def _start_scheduler(self, *, paused: bool) -> None:
        try:
            self.scheduler.start(paused=paused)
        except IntegrityError:
            # PostgreSQL: another process created the job table at the same moment (replicas
            # and the worker starting together on a new database); it is there now.
            log.info("the job table was created by another process; starting again")
            self.scheduler.start(paused=paused)

    async def stop(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        if self.worker is not None:
            await self.worker.stop()


class App:
    """What `python -m bot run` (polling, with the background work) and each replica of
    `python -m bot webhook` (without it) run in one event loop; tests drive the same object."""

    def __init__(self, settings: Settings, *, webhook: bool = False):
        self.settings = settings
        self.webhook = webhook  # a replica: updates by webhook, no background work

    async def open(self) -> "App":
        self.engine = create_engine(self.settings.database_url)
        await prepare_database(self.engine, self.settings)
        self.pool = create_sessionmaker(self.engine)
        self.bot = create_bot(self.settings)
        locales = L10n(default=self.settings.default_locale)
        self.background = Background(self.settings, self.pool, locales,
                                     run_jobs=not self.webhook)
        self.worker, self.scheduler = self.background.worker, self.background.scheduler
        self.dp = create_dispatcher(self.settings, self.pool, locales, deliveries=self.worker)
        self.dp.workflow_data.update(pool=self.pool, planner=self.background.planner)
        self.dp.startup.register(self._on_startup)
        self.dp.shutdown.register(self._on_shutdown)
        return self

    async def poll(self, *, handle_signals: bool = True) -> None:
        await self.dp.start_polling(self.bot, handle_signals=handle_signals,
                                    close_bot_session=False)

    async def close(self) -> None:
        await self.bot.session.close()
        await self.dp.storage.close()
        await self.engine.dispose()

    async def _on_startup(self, bot: Bot, locales) -> None:
        me = await bot.me()
        log.info("running as @%s", me.username)
        if not self.webhook:  # a replica sets it once it listens (set_webhook)
            await bot.delete_webhook(drop_pending_updates=False)
        await set_default_commands(bot, locales)
        await self.background.start()

    async def set_webhook(self) -> None:
        url, secret = self.settings.webhook()
        await self.bot.set_webhook(url, secret_token=secret,
                                   allowed_updates=self.dp.resolve_used_update_types())

    async def _on_shutdown(self, bot: Bot) -> None:
        inflight = self.dp["inflight"]
        if inflight.count:
            log.info("letting %s update(s) in flight finish", inflight.count)
        if not await inflight.drain(self.settings.shutdown_timeout):
            log.warning("%s update(s) still running at shutdown", inflight.count)
        if self.webhook and self.settings.webhook_delete_on_stop:
            await bot.delete_webhook(drop_pending_updates=False)
        await self.background.stop()


async def until_signal() -> None:
    """Wait for SIGINT or SIGTERM (the way `docker stop` and Ctrl+C ask a process to end)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)


async def run_polling(settings: Settings) -> None:
    app = App(settings)
    try:
        await app.open()
        await app.poll()
    finally:
        if hasattr(app, "bot"):
            await app.close()
