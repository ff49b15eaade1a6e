"""Telegram's side of a webhook: pending updates are POSTed to the URL the bot set.

Like Telegram it sends the secret_token in X-Telegram-Bot-Api-Secret-Token, keeps up to
max_connections requests open at once, forgets an update once it was answered with a 2xx and
tries again later otherwise.
"""

from __future__ import annotations

import asyncio
import time

import aiohttp

from .updates import Entry, UpdateQueue

RETRY_AFTER = 0.2  # seconds before an update the bot did not accept is sent again
REQUEST_TIMEOUT = 30.0


class WebhookPusher:
    def __init__(self, queue: UpdateQueue) -> None:
        self.queue = queue
        self.url = ""
        self.secret: str | None = None
        self.answers: list[tuple[int, int]] = []  # (update_id, HTTP status; 0: no connection)
        self.durations: dict[int, float] = {}  # update_id -> seconds until a 2xx answer
        self._connections = asyncio.Semaphore(40)
        self._sending: set[int] = set()  # update ids on their way
        self._task: asyncio.Task | None = None
        self._session: aiohttp.ClientSession | None = None
        self._closed = False

    def configure(self, url: str, secret: str | None, max_connections: int) -> None:
        self.url, self.secret = url, secret
        self._connections = asyncio.Semaphore(max(1, min(max_connections, 100)))
        # The bot answers an update once it handled it: its answer is the "handled" signal.
        self.queue.tracking = self.queue.tracking or bool(url)
        if url and self._task is None:
            self._task = asyncio.create_task(self._run())
        self.queue.nudge()

    def statuses(self, update_id: int) -> list[int]:
        return [status for uid, status in self.answers if uid == update_id]

    async def close(self) -> None:
        self.url, self._closed = "", True
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def _run(self) -> None:
        self._session = aiohttp.ClientSession(
            timeout=aiohttp.ClientTimeout(total=REQUEST_TIMEOUT))
        posts: set[asyncio.Task] = set()
        while not self._closed:
            ready = [e for e in self.queue.unconfirmed() if e.update_id not in self._sending]
            if not self.url or not ready:
                await self.queue.wait_for_news(0.05)
                continue
            for entry in ready:
                await self._connections.acquire()
                self._sending.add(entry.update_id)
                task = asyncio.create_task(self._post(entry))
                posts.add(task)
                task.add_done_callback(posts.discard)

    async def _post(self, entry: Entry) -> None:
        status = 0
        try:
            if entry.fetched_at is None:
                entry.fetched_at = time.monotonic()
            headers = {"X-Telegram-Bot-Api-Secret-Token": self.secret} if self.secret else {}
            began = time.perf_counter()
            try:
                async with self._session.post(self.url, json=entry.update,
                                              headers=headers) as response:
                    status = response.status
            except (aiohttp.ClientError, TimeoutError):
                status = 0
            self.answers.append((entry.update_id, status))
            if 200 <= status < 300:
                self.durations[entry.update_id] = time.perf_counter() - began
                self.queue.confirm(entry)
                self.queue.mark_handled(entry.update_id)
            else:
                await asyncio.sleep(RETRY_AFTER)
        finally:
            self._sending.discard(entry.update_id)
            self._connections.release()
