"""The update queue (getUpdates semantics) and "has the bot finished with this update?" waits."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# Telegram holds getUpdates open for up to `timeout` seconds; the fake answers within this cap
# so a polling client notices cancellation quickly and the server can stop promptly.
MAX_LONG_POLL = 1.0
# What an empty allowed_updates list means.
DEFAULT_EXCLUDED = {"chat_member", "message_reaction", "message_reaction_count"}


@dataclass
class Entry:
    update: dict[str, Any]
    fetched_at: float | None = None
    handled: bool = False
    dropped: bool = False  # filtered out by allowed_updates: never delivered

    @property
    def update_id(self) -> int:
        return self.update["update_id"]

    @property
    def kind(self) -> str:
        return next((k for k in self.update if k != "update_id"), "?")


class UpdateQueue:
    def __init__(self) -> None:
        self.entries: list[Entry] = []  # everything ever queued, newest last
        self._pending: list[Entry] = []  # not yet confirmed by an offset
        self._last_id = 0
        self._wakeup = asyncio.Event()
        self.allowed_updates: list[str] = []
        self.closing = False
        self.tracking = False  # True once the bot reports handled updates itself
        self.in_flight = 0  # non-getUpdates requests being processed
        self.last_activity = time.monotonic()

    # -- queue ----------------------------------------------------------------------------
    def push(self, update: dict[str, Any]) -> Entry:
        update = dict(update)
        update.setdefault("update_id", self._last_id + 1)
        self._last_id = max(self._last_id, update["update_id"])
        entry = Entry(update)
        self.entries.append(entry)
        # The setting applies to updates created after it, as in Telegram.
        if self._allowed(entry.kind):
            self._pending.append(entry)
            self._wakeup.set()
        else:
            entry.dropped = True
        return entry

    def _allowed(self, kind: str) -> bool:
        if not self.allowed_updates:
            return kind not in DEFAULT_EXCLUDED
        return kind in self.allowed_updates

    @property
    def pending_count(self) -> int:
        return len(self._pending)

    def drop_pending(self) -> None:
        self._pending.clear()

    def _confirm(self, offset: int | None) -> None:
        if not offset:
            return
        if offset < 0:
            self._pending = self._pending[offset:]
            return
        # An update re-pushed with an old id (a redelivery) survives until it was fetched once.
        self._pending = [e for e in self._pending if e.update_id >= offset or e.fetched_at is None]

    async def get_updates(
        self, offset: int | None, limit: int, timeout: int, allowed: list[str] | None
    ) -> list[dict[str, Any]]:
        if allowed is not None:
            self.allowed_updates = allowed
        self._confirm(offset)
        if not self._pending and timeout > 0 and not self.closing:
            self._wakeup.clear()
            try:
                await asyncio.wait_for(self._wakeup.wait(), min(timeout, MAX_LONG_POLL))
            except TimeoutError:
                pass
        batch = self._pending[: max(1, min(limit, 100))]
        now = time.monotonic()
        for entry in batch:
            if entry.fetched_at is None:
                entry.fetched_at = now
        return [e.update for e in batch]

    def close(self) -> None:
        self.closing = True
        self._wakeup.set()

    # -- webhook delivery (see webhook.py) ------------------------------------------------------
    def unconfirmed(self) -> list[Entry]:
        return list(self._pending)

    def confirm(self, entry: Entry) -> None:
        if entry in self._pending:
            self._pending.remove(entry)

    def nudge(self) -> None:
        self._wakeup.set()

    async def wait_for_news(self, timeout: float) -> None:
        self._wakeup.clear()
        try:
            async with asyncio.timeout(timeout):
                await self._wakeup.wait()
        except TimeoutError:
            pass

    # -- completion tracking ----------------------------------------------------------------
    def mark_handled(self, update_id: int) -> None:
        self.tracking = True
        candidates = [e for e in self.entries if e.update_id == update_id and not e.handled]
        fetched = [e for e in candidates if e.fetched_at is not None]
        if fetched or candidates:
            (fetched or candidates)[0].handled = True

    def request_started(self) -> None:
        self.in_flight += 1
        self.last_activity = time.monotonic()

    def request_finished(self) -> None:
        self.in_flight -= 1
        self.last_activity = time.monotonic()

    def settled(self, entry: Entry, quiet: float) -> bool:
        if entry.fetched_at is None or self.in_flight:
            return False
        if self.tracking:
            return entry.handled
        return time.monotonic() - max(entry.fetched_at, self.last_activity) >= quiet

    async def wait(
        self, entry: Entry, *, timeout: float, quiet: float, context: Callable[[], str]
    ) -> None:
        deadline = time.monotonic() + timeout
        while not self.settled(entry, quiet):
            if entry.dropped:
                raise AssertionError(
                    f"update {entry.update_id} ({entry.kind}) is never delivered: the bot's "
                    f"allowed_updates are {self.allowed_updates}"
                )
            if time.monotonic() > deadline:
                raise AssertionError(f"{self._stuck(entry, timeout)}\n{context()}")
            await asyncio.sleep(0.01)

    def _stuck(self, entry: Entry, timeout: float) -> str:
        what = f"update {entry.update_id} ({entry.kind})"
        if entry.fetched_at is None:
            return f"{what} was not fetched by getUpdates within {timeout} s: is the bot polling?"
        if self.in_flight:
            return f"{what}: {self.in_flight} bot request(s) still in flight after {timeout} s"
        if self.tracking:
            return f"{what} was fetched but not reported handled within {timeout} s"
        return f"{what}: the bot did not go quiet within {timeout} s"
