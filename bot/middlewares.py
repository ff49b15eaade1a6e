"""Middlewares on dp.update.outer_middleware, so background dialog redraws get them too."""

import asyncio
import logging
import time
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.exceptions import TelegramAPIError
from aiogram.types import TelegramObject, Update
from aiogram_dialog.api.entities import DialogUpdate
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.l10n import L10n
from services import outbox, registration
from storage.database import current_session, transaction
from storage.repositories import updates as update_repo
from storage.repositories import users as user_repo

log = logging.getLogger(__name__)
Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


class InflightMiddleware(BaseMiddleware):
    """Counts updates being handled, so shutdown can let them finish."""

    def __init__(self) -> None:
        self.count = 0
        self._idle = asyncio.Event()
        self._idle.set()

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict) -> Any:
        self.count += 1
        self._idle.clear()
        try:
            return await handler(event, data)
        finally:
            self.count -= 1
            if self.count == 0:
                self._idle.set()

    async def drain(self, timeout: float) -> bool:
        """Wait for updates in flight; False when some were still running at the timeout."""
        try:
            await asyncio.wait_for(self._idle.wait(), timeout)
            return True
        except TimeoutError:
            return False


class ThrottleMiddleware(BaseMiddleware):
    """At most `rate` updates per user in `window` seconds; the first one over gets a note."""

    def __init__(self, rate: int, window: float, locales: L10n) -> None:
        self.rate, self.window, self.locales = rate, window, locales
        self.seen: dict[int, deque[float]] = defaultdict(deque)
        self.warned: dict[int, float] = {}

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict) -> Any:
        person = data.get("event_from_user")
        if person is None:
            return await handler(event, data)
        now = time.monotonic()
        times = self.seen[person.id]
        while times and now - times[0] > self.window:
            times.popleft()
        if len(times) < self.rate:
            times.append(now)
            self.warned.pop(person.id, None)
            return await handler(event, data)
        if now - self.warned.get(person.id, -self.window) >= self.window:
            self.warned[person.id] = now
            await self._note(event, person.language_code, data)
        elif event.callback_query:  # stop the button's spinner, silently
            await self._quietly(event.callback_query.answer())
        log.info("throttled an update from %s", person.id)
        if len(self.seen) > 10_000:  # forget people who have gone quiet
            for key in [k for k, v in self.seen.items() if not v or now - v[-1] > self.window]:
                del self.seen[key]
        return None

    async def _note(self, update: Update, language_code: str | None, data: dict) -> None:
        l10n = self.locales.get(self.locales.pick(language_code))
        if update.callback_query:
            await self._quietly(update.callback_query.answer(l10n.plain("error-slow-down")))
        elif data.get("event_chat"):
            await self._quietly(data["bot"].send_message(data["event_chat"].id,
                                                         l10n("error-slow-down")))

    @staticmethod
    async def _quietly(call) -> None:
        try:
            await call
        except TelegramAPIError as error:
            log.debug("slow-down note not sent: %s", error)


class DedupeMiddleware(BaseMiddleware):
    """An update delivered twice is handled once (ids are kept in the database).

    On PostgreSQL the id is taken in the update's own transaction (inside the session
    middleware): a replica that dies while handling it takes its claim with it, so Telegram's
    redelivery is handled by another replica, and a duplicate arriving meanwhile waits for that
    transaction to end. SQLite has one writer: there the claim is a short transaction of its
    own, not a write lock held for the whole update (SQLite runs one process).
    """

    def __init__(self, pool: async_sessionmaker[AsyncSession]) -> None:
        self.pool = pool

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict) -> Any:
        if not isinstance(event, Update) or isinstance(event, DialogUpdate):
            return await handler(event, data)  # a dialog redraw, not one from Telegram
        session = data["session"]
        if session.bind.dialect.name == "sqlite":
            async with transaction(self.pool) as own:
                fresh = await update_repo.claim(own, event.update_id)
        else:
            fresh = await update_repo.claim(session, event.update_id)
        if not fresh:
            log.info("update %s seen before; skipped", event.update_id)
            return None
        return await handler(event, data)


class ChatLockMiddleware(BaseMiddleware):
    """One update at a time per chat, until its transaction is committed.

    aiogram-dialog's own lock ends before our commit: without this, a double tap could read
    the dialog's position from before the first tap and write it back.
    """

    def __init__(self) -> None:
        self.locks: dict[int, asyncio.Lock] = {}
        self.users: dict[int, int] = {}  # updates holding or waiting for each chat's lock

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict) -> Any:
        chat = data.get("event_chat")
        if chat is None or isinstance(event, DialogUpdate):
            return await handler(event, data)
        lock = self.locks.setdefault(chat.id, asyncio.Lock())
        self.users[chat.id] = self.users.get(chat.id, 0) + 1
        try:
            async with lock:
                return await handler(event, data)
        finally:
            self.users[chat.id] -= 1
            if not self.users[chat.id]:  # the last one out forgets the chat
                del self.users[chat.id], self.locks[chat.id]


class SessionMiddleware(BaseMiddleware):
    """One database transaction per update: committed when the handler returns.

    Messages the update queued in the outbox are announced to the delivery worker only after
    the commit, so the worker never looks for rows it cannot see yet.
    """

    def __init__(self, pool: async_sessionmaker[AsyncSession], deliveries=None) -> None:
        self.pool, self.deliveries = pool, deliveries

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict) -> Any:
        if current_session.get() is not None:
            data["session"] = current_session.get()
            return await handler(event, data)
        async with self.pool() as session:
            token = current_session.set(session)
            data["session"] = session
            try:
                result = await handler(event, data)
                await session.commit()
                if outbox.queued_in(session) and self.deliveries is not None:
                    self.deliveries.wake()
                return result
            except BaseException:
                await session.rollback()
                raise
            finally:
                current_session.reset(token)


class UserMiddleware(BaseMiddleware):
    """Who is writing (`user`, None if unknown) and in which language to answer (`l10n`)."""

    def __init__(self, settings: Settings, locales: L10n) -> None:
        self.settings, self.locales = settings, locales

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict) -> Any:
        person = data.get("event_from_user")
        user = None
        if person is not None and not person.is_bot:
            session = data["session"]
            user = await user_repo.by_telegram_id(session, person.id)
            if user is None and person.id in self.settings.secretariat_ids:
                profile = registration.Profile(person.id, person.full_name, person.username)
                user = await registration.bootstrap_secretariat(
                    session, profile, self.locales.pick(person.language_code))
            if user is not None and user.unreachable_since is not None:
                user.unreachable_since = None  # they wrote to us: reachable again
        data["user"] = user
        locale = user.locale if user else self.locales.pick(getattr(person, "language_code", None))
        data["l10n"] = self.locales.get(locale)
        return await handler(event, data)
