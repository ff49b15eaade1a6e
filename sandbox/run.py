"""`python -m bot sandbox`: the real bot, polling a local Telegram Bot API emulator, on a
throwaway SQLite database filled with demo people and work, and a web page to chat with it as
any of them. Nothing leaves the machine: everything listens on 127.0.0.1 only."""

from __future__ import annotations

import asyncio
import logging
import shutil
import tempfile
from datetime import datetime
from pathlib import Path

from apscheduler.triggers.interval import IntervalTrigger
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource

from bot.app import App, until_signal
from bot.config import Settings
from sandbox import demo
from sandbox.telegram import FakeTelegram
from sandbox.web import Site, routes
from services import clock
from storage.repositories import deliveries

log = logging.getLogger(__name__)

HOST = "127.0.0.1"
BOT_USERNAME = "arcp_sandbox_bot"
READY = "Sandbox ready: "
DELIVERY_WAIT = 15.0  # seconds fast-forward waits for the messages it made due
STEP_SECONDS = 3600  # fast-forward lets time pass an hour at a time


class SandboxSettings(Settings):
    """Settings made in code only: no .env file, no environment (a BOT_TOKEN, DATABASE_URL or
    REDIS_URL meant for the real bot must not reach the sandbox)."""

    @classmethod
    def settings_customise_sources(
        cls, settings_cls: type[BaseSettings], init_settings: PydanticBaseSettingsSource,
        **others: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings,)


class Sandbox:
    def __init__(self, port: int = 8080, lang: str = "ar"):
        self.port, self.lang = port, lang
        self.folder: Path | None = None
        self.tg: FakeTelegram | None = None
        self.app: App | None = None
        self.task: asyncio.Task | None = None
        # job id -> (its next run as the scheduler has it, its next run on the sandbox clock)
        self._due: dict[str, tuple[datetime | None, datetime | None]] = {}
        self._forwarding = asyncio.Lock()

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.tg.port}/"

    async def start(self) -> Sandbox:
        self.folder = Path(tempfile.mkdtemp(prefix="arcp-sandbox-"))
        try:
            await self._start()
        except BaseException:
            await self.stop()
            raise
        return self

    async def _start(self) -> None:
        self.tg = FakeTelegram(bot_username=BOT_USERNAME, host=HOST, port=self.port,
                               now=lambda: int(clock.now().timestamp()))
        self.settings = SandboxSettings(
            bot_token=FakeTelegram.TOKEN, bot_username=BOT_USERNAME,
            database_url=f"sqlite+aiosqlite:///{self.folder / 'sandbox.sqlite3'}",
            telegram_api_url=f"http://{HOST}:{self.port}",  # set again once the port is known
            secretariat_ids=[demo.SECRETARIAT_ID], default_locale=self.lang,
            shutdown_timeout=3, reminder_sweep_seconds=60)
        # The page and the Bot API share one port; the people are known once the data is in.
        self.site = Site(self.tg, [], self.fast_forward, default_lang=self.lang)
        self.tg.add_routes(routes(self.site))
        await self.tg.start()
        self.settings.telegram_api_url = self.tg.base_url
        self.app = await App(self.settings).open()
        people = await demo.create(self.app.pool, reminder_hour=self.settings.reminder_hour,
                                   invite_days=self.settings.invite_ttl_days)
        self.site.people[:] = people
        self.site.pool = self.app.pool
        self.site.by_id.update({p.id: p for p in people})
        for person in people:  # who has written to the bot before, as in Telegram
            self.tg.user(person.id, person.name, language_code=person.language,
                         started=person.role != "newcomer")
        started = asyncio.Event()
        self.app.dp.startup.register(started.set)
        self.task = asyncio.create_task(self.app.poll(handle_signals=False))
        done, _ = await asyncio.wait([self.task, asyncio.create_task(started.wait())],
                                     timeout=30, return_when=asyncio.FIRST_COMPLETED)
        if self.task in done or not started.is_set():
            raise RuntimeError("the bot did not start against the sandbox")

    async def stop(self) -> None:
        if self.task is not None:
            try:
                await self.app.dp.stop_polling()
            except RuntimeError:  # polling had not started
                self.task.cancel()
            await asyncio.gather(self.task, return_exceptions=True)
            self.task = None
        if self.app is not None and hasattr(self.app, "bot"):
            await self.app.close()
            self.app = None
        if self.tg is not None:
            await self.tg.stop()
            self.tg = None
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    async def fast_forward(self, hours: float) -> None:
        """Let `hours` pass, in steps of at most an hour, as they would: at each step every
        scheduled job due by the sandbox clock runs (reminder sweep, digest, scheduled
        announcements) and what it queued is sent, so a reminder due at 10:00 local arrives
        even when +1 day goes from one evening to the next."""
        async with self._forwarding:  # one press at a time
            left = hours * 3600
            while left > 0:
                step = min(left, STEP_SECONDS)
                clock.advance(step)
                left -= step
                await self._run_due_jobs(clock.now())

    async def _run_due_jobs(self, now: datetime) -> None:
        for job in self.app.scheduler.get_jobs():
            # The scheduler keeps real time; the sandbox follows each job's trigger on its own
            # clock: a weekly job runs once per sandbox week, a dated one once, the sweep
            # (an interval) at every step.
            due = job.next_run_time
            own_clock = not isinstance(job.trigger, IntervalTrigger)
            if own_clock:
                planned, due = self._due.get(job.id, (None, None))
                if planned != job.next_run_time:  # new, or planned again (another time)
                    due = job.next_run_time
            if due is None or due > now:
                continue
            if own_clock:
                self._due[job.id] = (job.next_run_time, job.trigger.get_next_fire_time(due, now))
            try:
                await job.func(*job.args, **job.kwargs)
            except Exception:  # a failing job must not stop the page; the bot logs it
                log.exception("sandbox: job %s failed", job.id)
        await self._until_sent(now)

    async def _until_sent(self, now: datetime) -> None:
        """Wait (a little) for what came due to be sent: the next step forward would otherwise
        find a reminder still queued past its local day, and drop it."""
        self.app.worker.wake()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + DELIVERY_WAIT
        while loop.time() < deadline:
            async with self.app.pool() as session:
                if not await deliveries.unsent_due(session, now):
                    return
            await asyncio.sleep(0.1)
        log.warning("sandbox: messages due are still being sent")


async def run_sandbox(port: int = 8080, lang: str = "ar") -> None:
    """Start, print the address, run until Ctrl-C or SIGTERM, then clean everything up."""
    clock.reset()
    sandbox = Sandbox(port, lang)
    await sandbox.start()
    try:
        print(f"{READY}{sandbox.url}", flush=True)
        await until_signal()
    finally:
        await sandbox.stop()
        print("Sandbox stopped; its temporary files are deleted.", flush=True)
