"""Injected failures, blocked users, slow responses and Telegram's flood limits."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from typing import NamedTuple

from .errors import ApiError

_DEFAULT_DESCRIPTIONS = {
    400: "Bad Request: injected failure",
    403: "Forbidden: bot was blocked by the user",
    500: "Internal Server Error",
    502: "Bad Gateway",
}
BLOCKED = "Forbidden: bot was blocked by the user"
DEACTIVATED = "Forbidden: user is deactivated"


class Send(NamedTuple):
    time: float  # time.monotonic()
    method: str
    chat_id: int
    message_id: int


class RateViolation(NamedTuple):
    time: float
    method: str
    chat_id: int
    reason: str


@dataclass
class _Failure:
    method: str  # lower-case
    status: int
    description: str
    retry_after: int | None
    times: int | None  # None: forever
    chat_id: str | None


@dataclass
class _Delay:
    method: str
    seconds: float
    times: int | None


class Faults:
    def __init__(self) -> None:
        self._failures: list[_Failure] = []
        self._delays: list[_Delay] = []
        self.blocked: set[int] = set()
        self.deactivated: set[int] = set()
        self.limits: tuple[int, int] | None = None  # (overall, per chat) per second
        self.sends: list[Send] = []
        self.rate_violations: list[RateViolation] = []

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
        if status == 429 and retry_after is None:
            retry_after = 1
        if description is None:
            description = _DEFAULT_DESCRIPTIONS.get(status, f"Error {status}")
            if status == 429:
                description = f"Too Many Requests: retry after {retry_after}"
        chat = None if chat_id is None else str(chat_id)
        self._failures.append(
            _Failure(method.lower(), status, description, retry_after, times, chat)
        )

    def take_failure(self, method: str, chat_id: str | None) -> ApiError | None:
        for failure in self._failures:
            if failure.method != method.lower():
                continue
            if failure.chat_id is not None and failure.chat_id != chat_id:
                continue
            if failure.times is not None:
                failure.times -= 1
                if failure.times <= 0:
                    self._failures.remove(failure)
            return ApiError(failure.status, failure.description, retry_after=failure.retry_after)
        return None

    def delay(self, method: str, seconds: float, times: int | None = None) -> None:
        self._delays.append(_Delay(method.lower(), seconds, times))

    async def pause(self, method: str) -> None:
        for delay in self._delays:
            if delay.method == method.lower():
                if delay.times is not None:
                    delay.times -= 1
                    if delay.times <= 0:
                        self._delays.remove(delay)
                await asyncio.sleep(delay.seconds)
                return

    def check_access(self, chat_id: int) -> None:
        if chat_id in self.deactivated:
            raise ApiError(403, DEACTIVATED)
        if chat_id in self.blocked:
            raise ApiError(403, BLOCKED)

    # -- flood limits -----------------------------------------------------------------------
    def enforce_limits(
        self, overall_per_second: int = 30, per_chat_per_second: int = 1, *, enabled: bool = True
    ) -> None:
        self.limits = (overall_per_second, per_chat_per_second) if enabled else None

    def check_rate(self, method: str, chat_id: int) -> None:
        """Refuse a send that would break a limit within the last second (sliding window)."""
        if self.limits is None:
            return
        overall, per_chat = self.limits
        now = time.monotonic()
        recent = [s for s in self.sends if now - s.time < 1.0]
        reason = None
        if len(recent) >= overall:
            reason = f"more than {overall} messages per second overall"
        elif sum(1 for s in recent if s.chat_id == chat_id) >= per_chat:
            reason = f"more than {per_chat} message(s) per second to chat {chat_id}"
        if reason:
            self.rate_violations.append(RateViolation(now, method, chat_id, reason))
            raise ApiError(429, "Too Many Requests: retry after 1", retry_after=1)

    def record_send(self, method: str, chat_id: int, message_id: int) -> None:
        self.sends.append(Send(time.monotonic(), method, chat_id, message_id))

    def max_sends_in_window(self, seconds: float = 1.0, chat_id: int | None = None) -> int:
        """The most successful sends within any window of `seconds` (optionally to one chat)."""
        times = sorted(s.time for s in self.sends if chat_id is None or s.chat_id == chat_id)
        best, start = 0, 0
        for end, t in enumerate(times):
            while t - times[start] >= seconds:
                start += 1
            best = max(best, end - start + 1)
        return best

    def max_sends_per_chat_in_window(self, seconds: float = 1.0) -> int:
        chats = {s.chat_id for s in self.sends}
        return max((self.max_sends_in_window(seconds, c) for c in chats), default=0)
