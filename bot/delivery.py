"""The outbox worker: sends queued deliveries with python-telegram-bot, within Telegram's limits.

A row is held in a batch (still pending), marked `sending` in its own short transaction just
before its request, and its outcome recorded in another: no session stays open across a
request, and a crash leaves in `sending` only rows whose request may really have gone out.
"""

import asyncio
import bisect
import logging
import os
import secrets
import socket
import warnings
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack, asynccontextmanager, suppress
from dataclasses import dataclass
from datetime import timedelta
from time import monotonic
from typing import TypeVar

import httpx
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, Message
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import AIORateLimiter, ExtBot
from telegram.request import HTTPXRequest

from bot.config import Settings
from services import clock, outbox, reminders
from storage.database import transaction

log = logging.getLogger(__name__)
T = TypeVar("T")

OVERALL_LIMIT = 30  # messages in any second: Telegram's broadcast limit
PACE = 29  # messages a second the worker lets through, evenly spaced
CHAT_GAP = 1.0  # seconds between two messages to one chat
MARGIN = 0.02  # seconds added to each window against clock granularity
GROUPS_PER_MINUTE = 20  # Telegram's limit for groups and channels
TOKEN_REFUSED_PAUSE = 60.0
HELD_BACK = "held back by a flood wait"
# Errors raised before a single byte of the request left: safe to send again.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.ProxyError)
# Kinds of message that may stop being wanted while they wait (see outbox.claim).
CHECKS = {reminders.KIND: reminders.still_wanted}


# -- what an answer (or its absence) means ------------------------------------------------------
@dataclass(frozen=True)
class Outcome:
    status: str  # sent | retry | postpone | blocked | failed | doubt
    error: str = ""
    message_id: int | None = None
    wait: float = 0.0  # postpone: seconds to hold back


def classify(error: BaseException) -> Outcome:
    """Turn a failed request into what becomes of its row."""
    # Telegram's own words often start with the class name already ("Forbidden: bot was ...")
    name, said = type(error).__name__, str(error)
    text = said if said.startswith(f"{name}:") else f"{name}: {said}"
    if isinstance(error, RetryAfter):
        return Outcome("postpone", text, wait=_retry_after(error))
    if isinstance(error, Forbidden):  # blocked by the user, deactivated account
        return Outcome("blocked", text)
    if isinstance(error, BadRequest):
        if "chat not found" in error.message.lower():  # never opened the chat, or deleted
            return Outcome("blocked", text)
        return Outcome("failed", text)
    if isinstance(error, InvalidToken):  # the operator must fix the token: nothing was sent
        return Outcome("postpone", text, wait=TOKEN_REFUSED_PAUSE)
    if isinstance(error, ChatMigrated):
        return Outcome("failed", text)
    if isinstance(error, NetworkError):  # TimedOut included
        cause = error.__cause__
        if isinstance(cause, NOT_SENT):
            return Outcome("retry", text)
        if isinstance(error, TimedOut):  # read/write timeout: it may have been delivered
            return Outcome("doubt", text)
        if cause is None or isinstance(cause, TelegramError):  # Telegram answered 5xx
            return Outcome("retry", text)
        return Outcome("doubt", text)  # connection lost mid-request
    if isinstance(error, TelegramError):
        return Outcome("failed", text)
    return Outcome("doubt", text)  # unexpected: the request may have been under way


def _retry_after(error: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB warns that the int form is going away
        warnings.simplefilter("ignore")
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


# -- rate limits --------------------------------------------------------------------------------
class RoundTrips:
    """The fastest answer seen, from letting a request through to its answer.

    Part of every round trip is spent before the server counts the request and part after;
    the fastest one shows how much at least, so a window may stop counting a request that
    much before its answer. A smaller figure is always the safer one, and 0 until measured.
    """

    def __init__(self) -> None:
        self.floor = 0.0
        self._seen = False

    def observe(self, seconds: float) -> None:
        self.floor = min(self.floor, seconds) if self._seen else seconds
        self._seen = True


class Ticket:
    def __init__(self) -> None:
        self.began = monotonic()
        self.extra = 0.0

    def hold(self, seconds: float) -> None:
        """Keep counting this request for longer (it may still be processed after its answer)."""
        self.extra = max(self.extra, seconds)


class SendWindow:
    """At most `limit` requests that the server may count within any `period` seconds, let
    through at least `spacing` seconds apart.

    A request occupies the window from the moment it is let through until `period` after the
    last moment the server can have counted it (its answer, less the fastest round trip): this
    holds however late or bunched requests arrive, where spacing them at the start alone would
    not, and it costs little throughput however slow the network. Letting requests through
    only when due (not queuing them in the limiter) keeps a pause effective.
    """

    def __init__(self, limit: int, period: float, spacing: float = 0.0,
                 round_trips: RoundTrips | None = None) -> None:
        self.limit, self.period, self.spacing = limit, period, spacing
        self.round_trips = round_trips or RoundTrips()
        self._ends: list[float] = []  # last moments requests can have been counted, sorted
        self._last = float("-inf")  # when the last request was let through
        self._running = 0
        self._users = 0
        self._resume_at = 0.0
        self._turn = asyncio.Lock()  # first come, first served
        self._changed = asyncio.Event()

    def pause(self, seconds: float) -> None:
        self._resume_at = max(self._resume_at, monotonic() + seconds)

    @property
    def paused(self) -> bool:
        return monotonic() < self._resume_at

    @property
    def resumes_in(self) -> float:
        return max(0.0, self._resume_at - monotonic())

    @property
    def idle(self) -> bool:
        self._forget(monotonic())
        return not self._users and not self._ends and not self.paused

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[Ticket]:
        self._users += 1  # before any await: the window is in use from here on
        try:
            await self._acquire()
            ticket = Ticket()
            try:
                yield ticket
            finally:
                self._running -= 1
                counted_by = max(ticket.began, monotonic() - self.round_trips.floor)
                bisect.insort(self._ends, counted_by + ticket.extra)
                self._changed.set()
        finally:
            self._users -= 1

    async def _acquire(self) -> None:
        async with self._turn:
            while True:
                now = monotonic()
                self._forget(now)
                free = self._running + len(self._ends) < self.limit
                due = max(self._resume_at, self._last + self.spacing)
                if now >= due and free:
                    self._running += 1
                    # Keep to the beat: a wake-up a little late does not slow every later one.
                    self._last = due if now - due < self.spacing else now
                    return
                if now < due:
                    wait: float | None = due - now
                elif self._ends:
                    wait = self._ends[0] + self.period - now
                else:
                    wait = None  # every place is taken by a request under way
                self._changed.clear()
                with suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait(), wait)

    def _forget(self, now: float) -> None:
        expired = bisect.bisect_right(self._ends, now - self.period)
        del self._ends[:expired]


# -- the worker ---------------------------------------------------------------------------------
def create_sender(settings: Settings, *, connections: int, timeout: float) -> ExtBot:
    """A python-telegram-bot client whose limiter spaces messages at least 1/30 s apart (a
    bucket of one: AIORateLimiter's default bucket starts full and bursts). The worker's own
    window paces at PACE; the limiter is the backstop, a little looser so that small delays
    between the two do not cost throughput."""
    limiter = AIORateLimiter(
        overall_max_rate=1, overall_time_period=1 / OVERALL_LIMIT,
        group_max_rate=GROUPS_PER_MINUTE, group_time_period=60, max_retries=0,
    )
    request = HTTPXRequest(
        connection_pool_size=connections, connect_timeout=min(5.0, timeout),
        read_timeout=timeout, write_timeout=timeout, pool_timeout=timeout,
    )
    urls = {}
    if settings.telegram_api_url:
        api = settings.telegram_api_url
        urls = {"base_url": f"{api}/bot", "base_file_url": f"{api}/file/bot"}
    return ExtBot(settings.token(), request=request, rate_limiter=limiter, **urls)


def default_worker_id() -> str:
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{secrets.token_hex(3)}"


class DeliveryWorker:
    """Drains the outbox: start() in the bot's event loop, wake() after queuing, stop() at the
    end. Several workers (processes) may drain one database: rows are claimed, never shared."""

    def __init__(
        self,
        pool: async_sessionmaker[AsyncSession],
        settings: Settings,
        *,
        worker_id: str | None = None,
        batch: int = 30,
        poll_interval: float = 1.0,
        lease: float = 60.0,
        timeout: float = 10.0,
        backoff: float = 2.0,
        max_attempts: int = outbox.MAX_ATTEMPTS,
    ) -> None:
        self.pool, self.settings = pool, settings
        self.worker_id = worker_id or default_worker_id()
        self.batch, self.poll_interval = batch, poll_interval
        # A lease must outlast the longest request, or another worker takes it for a crash.
        self.lease = max(lease, 3 * timeout)
        self.timeout, self.backoff, self.max_attempts = timeout, backoff, max_attempts
        self.bot = create_sender(settings, connections=batch + 2, timeout=timeout)
        self.outcomes: Counter[str] = Counter()
        self._round_trips = RoundTrips()
        self._overall = SendWindow(OVERALL_LIMIT, 1.0 + MARGIN, 1 / PACE, self._round_trips)
        self._chats: dict[int, SendWindow] = {}
        self._tasks: dict[int, asyncio.Task] = {}  # row id -> its delivery
        self._unsettled: set[int] = set()  # rows held whose outcome is not recorded yet
        self._started: set[int] = set()  # of those, rows whose request may have gone out
        self._writes: set[asyncio.Future] = set()  # transactions under way
        self._wakeup = asyncio.Event()
        self._stopping = False
        self._loop: asyncio.Task | None = None
        self._stack: AsyncExitStack | None = None

    # -- lifecycle ----------------------------------------------------------------------------
    async def start(self) -> None:
        """Run in the background until stop(); returns at once."""
        if self._loop is not None:
            return
        if logging.getLogger("httpx").level == logging.NOTSET:
            logging.getLogger("httpx").setLevel(logging.WARNING)  # it logs URLs with the token
        self._stopping = False
        self._loop = asyncio.create_task(self._run(), name=f"delivery {self.worker_id}")

    def wake(self) -> None:
        """Look for work now rather than at the next poll (after queuing in this process)."""
        self._wakeup.set()

    async def stop(self, timeout: float | None = None) -> None:
        """Stop claiming, let requests under way finish (bounded), give back the rest."""
        timeout = self.settings.shutdown_timeout if timeout is None else timeout
        self._stopping = True
        self._wakeup.set()
        if self._loop is not None:
            loop, self._loop = self._loop, None
            with suppress(asyncio.CancelledError):
                await loop
        for row_id, task in list(self._tasks.items()):
            if row_id not in self._started:
                task.cancel()  # only waiting for its turn: nothing was sent
        under_way = [task for row_id, task in self._tasks.items() if row_id in self._started]
        if under_way:
            log.info("delivery: letting %s message(s) under way finish", len(under_way))
            _, late = await asyncio.wait(under_way, timeout=timeout)
            for task in late:
                task.cancel()
        await asyncio.gather(*self._tasks.values(), return_exceptions=True)
        if self._writes:  # a cancelled delivery's last transaction still completes
            await asyncio.wait(self._writes, timeout=timeout)
        await self._give_back()
        if self._stack is not None:
            stack, self._stack = self._stack, None
            await stack.aclose()

    async def _give_back(self) -> None:
        """Rows held but not settled: free them, or doubt them if their request was cut."""
        unfinished = sorted(self._unsettled)
        self._unsettled.clear()
        if not unfinished:
            return
        cut = [row_id for row_id in unfinished if row_id in self._started]
        try:
            async with transaction(self.pool) as session:
                await outbox.release(session, unfinished, self.worker_id)
                for row_id in cut:
                    await outbox.mark_doubt(session, row_id, self.worker_id,
                                            "stopped while sending: it may have arrived")
        except Exception:
            log.exception("delivery: could not give back %s row(s)", len(unfinished))
        self._started.clear()

    async def _open(self) -> None:
        if self._stack is None:
            stack = AsyncExitStack()
            await stack.enter_async_context(self.bot)  # initialize(): getMe
            self._stack = stack

    # -- the loop -----------------------------------------------------------------------------
    async def _run(self) -> None:
        await self._connect()
        refill = max(1, self.batch // 2)
        next_recovery = 0.0
        while not self._stopping:
            self._wakeup.clear()
            try:
                if monotonic() >= next_recovery:
                    await self.recover()
                    self._forget_idle_chats()
                    next_recovery = monotonic() + max(self.poll_interval, self.lease / 2)
                room = self.batch - len(self._tasks)
                if room >= refill and not self._overall.paused:
                    if len(await self._claim(room)) == room:
                        continue  # there may be more right away
            except Exception:
                log.exception("delivery: database error; trying again")
            await self._sleep(self.poll_interval)

    async def _connect(self) -> None:
        delay = self.poll_interval
        while not self._stopping:
            try:
                await self._open()
                return
            except InvalidToken:  # its message quotes the token
                log.error("delivery: Telegram refused the bot token; retrying")
            except (TelegramError, httpx.HTTPError) as error:
                log.warning("delivery: Telegram not reachable yet (%s); retrying", error)
            await self._sleep(delay)
            delay = min(60.0, delay * 2)

    async def _sleep(self, seconds: float) -> None:
        with suppress(TimeoutError):
            await asyncio.wait_for(self._wakeup.wait(), seconds)

    async def run_once(self) -> int:
        """Claim one batch, send it and record every outcome; how many rows it held."""
        await self._open()
        tasks = await self._claim(self.batch)
        await asyncio.gather(*tasks)
        return len(tasks)

    async def recover(self) -> int:
        """Rows some worker left in `sending` past their lease become doubt; how many."""
        async with transaction(self.pool) as session:
            count = await outbox.recover_stale(session, clock.now())
        if count:
            log.warning("delivery: %s message(s) left by a stopped worker are in doubt", count)
        return count

    async def _claim(self, limit: int) -> list[asyncio.Task]:
        async with transaction(self.pool) as session:
            rows = await outbox.claim(session, self.worker_id, limit, self.lease, CHECKS)
        tasks = []
        for row in rows:
            if row.id in self._unsettled:  # held again after a long wait: one is enough
                continue
            self._unsettled.add(row.id)
            task = asyncio.create_task(self._deliver(row))
            self._tasks[row.id] = task
            task.add_done_callback(self._finished(row.id))
            tasks.append(task)
        return tasks

    def _finished(self, row_id: int) -> Callable[[asyncio.Task], None]:
        def done(task: asyncio.Task) -> None:
            if self._tasks.get(row_id) is task:
                del self._tasks[row_id]
            if not task.cancelled() and task.exception() is not None:
                log.error("delivery %s failed", row_id, exc_info=task.exception())
            self._wakeup.set()

        return done

    def _chat(self, chat_id: int) -> SendWindow:
        window = self._chats.get(chat_id)
        if window is None:
            window = self._chats[chat_id] = SendWindow(1, CHAT_GAP + MARGIN,
                                                       round_trips=self._round_trips)
        return window

    def _forget_idle_chats(self) -> None:
        for chat_id in [chat_id for chat_id, w in self._chats.items() if w.idle]:
            del self._chats[chat_id]

    # -- one message ----------------------------------------------------------------------------
    async def _deliver(self, row: outbox.Claimed) -> None:
        async with self._chat(row.chat_id).slot() as chat, self._overall.slot() as overall:
            if self._stopping:
                return  # stop() gives the row back
            self._started.add(row.id)
            try:
                mine = await self._write(outbox.start_sending, row.id, self.worker_id,
                                         self.lease)
            except Exception:
                log.exception("delivery %s: could not be marked sending; not sent", row.id)
                mine = False  # if it was marked after all, its lease turns it to doubt
            if not mine:
                self._settled(row.id)
                return
            if self._overall.paused:  # a flood signal came while it was being marked
                outcome = Outcome("postpone", HELD_BACK, wait=self._overall.resumes_in)
            else:
                outcome = await self._attempt(row)
                if outcome.status == "sent":
                    self._round_trips.observe(monotonic() - overall.began)
            if outcome.status == "doubt":  # Telegram may still process it after we gave up
                chat.hold(self.timeout)
                overall.hold(self.timeout)
            elif outcome.status == "postpone" and outcome.error != HELD_BACK:
                self._overall.pause(outcome.wait)  # a flood signal concerns every chat
        await self._record(row, outcome)

    async def _attempt(self, row: outbox.Claimed) -> Outcome:
        try:
            send = self._request(row.chat_id, row.payload)
        except ValueError as error:
            return Outcome("failed", str(error))
        try:
            message = await send()
        except asyncio.CancelledError:
            raise
        except Exception as error:
            return classify(error)
        return Outcome("sent", message_id=message.message_id)

    def _request(self, chat_id: int, payload: dict) -> Callable[[], Awaitable[Message]]:
        bot, html = self.bot, ParseMode.HTML
        caption = payload.get("caption") or None
        markup = _keyboard(payload.get("buttons"))
        if "text" in payload:
            return lambda: bot.send_message(
                chat_id, payload["text"], parse_mode=html, reply_markup=markup,
                link_preview_options=LinkPreviewOptions(is_disabled=True))
        if "photo" in payload:
            return lambda: bot.send_photo(chat_id, payload["photo"], caption=caption,
                                          parse_mode=html, reply_markup=markup)
        if "document" in payload:
            return lambda: bot.send_document(chat_id, payload["document"], caption=caption,
                                             parse_mode=html, reply_markup=markup)
        raise ValueError(f"unknown payload with keys {sorted(payload)}")

    async def _record(self, row: outbox.Claimed, outcome: Outcome) -> None:
        self.outcomes[outcome.status] += 1
        if outcome.status != "sent":
            log.info("delivery %s to chat %s: %s (%s)", row.id, row.chat_id, outcome.status,
                     outcome.error)
        try:
            await self._write(self._apply, row, outcome)
        except Exception:
            # The row stays in `sending` and turns to doubt when its lease ends.
            log.exception("delivery %s: outcome %s not recorded", row.id, outcome.status)
        self._settled(row.id)

    async def _apply(self, session: AsyncSession, row: outbox.Claimed, outcome: Outcome) -> None:
        worker, error = self.worker_id, outcome.error
        if outcome.status == "sent":
            await outbox.mark_sent(session, row.id, worker, outcome.message_id)
        elif outcome.status == "postpone":
            await outbox.postpone(session, row.id, worker, outcome.wait, error)
        elif outcome.status == "retry":
            wait = outbox.backoff(row.attempts + 1, self.backoff)
            await outbox.retry_later(session, row.id, worker, wait, error,
                                     max_attempts=self.max_attempts)
        elif outcome.status == "blocked":
            await outbox.mark_blocked(session, row.id, worker, error)
        elif outcome.status == "failed":
            await outbox.mark_failed(session, row.id, worker, error)
        else:
            await outbox.mark_doubt(session, row.id, worker, error)

    async def _write(self, action: Callable[..., Awaitable[T]], *args: object) -> T:
        """One short transaction, carried to its end even if the caller is cancelled (a
        transaction cut in the middle could keep SQLite's write lock)."""

        async def run() -> T:
            async with transaction(self.pool) as session:
                return await action(session, *args)

        task = asyncio.ensure_future(run())
        self._writes.add(task)
        task.add_done_callback(self._writes.discard)
        return await asyncio.shield(task)

    def _settled(self, row_id: int) -> None:
        self._unsettled.discard(row_id)
        self._started.discard(row_id)


def _keyboard(rows: list | None) -> InlineKeyboardMarkup | None:
    """payload["buttons"]: rows of [label, callback_data] pairs."""
    if not rows:
        return None
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=data)
                                  for label, data in row] for row in rows])
