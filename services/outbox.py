"""The outbox: every message the bot sends unasked is a delivery row first.

A row's life: pending -> (held by a worker, still pending) -> sending -> sent | blocked | failed,
or back to pending for a retry. A row found in `sending` after its lease ran out belonged to a
worker that stopped mid-request: it becomes `doubt` and is only resent when a person says so,
because sendMessage has no idempotency key and Telegram may have delivered it.
"""

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from html.parser import HTMLParser

from sqlalchemy.ext.asyncio import AsyncSession

from services import audit, clock
from services.errors import MessageTooLong
from services.permissions import Action, require
from storage.models import DeliveryStatus, User
from storage.repositories import deliveries as repo

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
MEDIA_KINDS = ("photo", "document")
CALLBACK_DATA_LIMIT = 64  # bytes
MAX_ATTEMPTS = 5
ERROR_LENGTH = 500  # the column's size
# What a report lists, the ones waiting for a decision first.
PROBLEMS = (DeliveryStatus.DOUBT, DeliveryStatus.FAILED, DeliveryStatus.BLOCKED)
STALE = "the worker stopped while sending (lease expired): it may have arrived"


@dataclass
class Outgoing:
    """One message for one person. payload: {"text": html} or {"photo"|"document": file_id,
    "caption": html}, maybe with "buttons": rows of [label, callback_data]; always sent in
    HTML parse mode."""

    recipient_id: int
    chat_id: int
    payload: dict


@dataclass(frozen=True)
class Claimed:
    """A row a worker holds: plain values, so no session has to stay open while it is sent."""

    id: int
    chat_id: int
    payload: dict
    attempts: int


@dataclass(frozen=True)
class Problem:
    user_id: int
    name: str
    state: str | None
    status: DeliveryStatus
    error: str | None


@dataclass(frozen=True)
class Report:
    kind: str
    ref: str
    counts: dict[DeliveryStatus, int]
    by_state: dict[str | None, dict[DeliveryStatus, int]]  # None: recipients of no state
    problems: list[Problem] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def finished(self) -> bool:
        """Nothing left to send (doubtful rows wait for a person, not for the worker)."""
        return not (self.counts[DeliveryStatus.PENDING] or self.counts[DeliveryStatus.SENDING])


# -- what may be queued -----------------------------------------------------------------------
class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def visible_text(html: str) -> str:
    """The text a reader sees: tags stripped, entities unescaped."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def telegram_length(text: str) -> int:
    # Telegram counts UTF-16 code units (an emoji outside the BMP is two): never fewer than
    # code points, so this errs on the side of refusing.
    return len(text.encode("utf-16-le")) // 2


def check_payload(payload: dict) -> None:
    """Refuse a message Telegram would refuse for its length (MessageTooLong).

    reason "too-long" with details limit and length (visible characters), or "empty" for a
    text message with nothing visible. A payload of the wrong shape is a programming error
    (ValueError).
    """
    kinds = [key for key in ("text", *MEDIA_KINDS) if key in payload]
    if len(kinds) != 1 or not isinstance(payload[kinds[0]], str) or not payload[kinds[0]]:
        raise ValueError(f"a payload needs exactly one of text, photo, document: {payload!r}")
    for row in payload.get("buttons") or ():
        for label, data in row:
            if not label or not 1 <= len(data.encode()) <= CALLBACK_DATA_LIMIT:
                raise ValueError(f"a button needs a label and 1-64 bytes of data: {row!r}")
    if kinds[0] == "text":
        text, limit = visible_text(payload["text"]), TEXT_LIMIT
        if not text.strip():
            raise MessageTooLong("empty", limit=limit, length=0)
    else:
        text, limit = visible_text(payload.get("caption") or ""), CAPTION_LIMIT
    length = telegram_length(text)
    if length > limit:
        raise MessageTooLong(limit=limit, length=length)


QUEUED_FLAG = "outbox_queued"


def queued_in(session: AsyncSession) -> bool:
    """Whether this session queued anything since last asked (the flag is cleared)."""
    return bool(session.info.pop(QUEUED_FLAG, False))


async def enqueue(session: AsyncSession, kind: str, ref: str, items: list[Outgoing]) -> int:
    """Queue one message per item for the worker; the number of rows that were new.

    A (kind, ref, recipient) already queued is skipped, so queuing the same thing twice (a job
    run again, a double tap) sends nothing twice. Every payload is checked first: one too long
    refuses the whole batch.
    """
    for item in items:
        check_payload(item.payload)
    session.info[QUEUED_FLAG] = True  # whoever commits this session may wake the worker
    now = clock.now()
    rows = [
        dict(kind=kind, ref=ref, recipient_id=item.recipient_id, chat_id=item.chat_id,
             payload=item.payload, status=DeliveryStatus.PENDING, attempts=0, not_before=now,
             created_at=now, updated_at=now)
        for item in items
    ]
    return await repo.insert_new(session, rows)


# -- the worker's side ------------------------------------------------------------------------
# Whether a queued message of a kind is still wanted when its turn comes: (session, ref, now).
Check = Callable[[AsyncSession, str, datetime], Awaitable[bool]]


async def claim(session: AsyncSession, worker_id: str, limit: int, lease: float,
                checks: Mapping[str, Check] | None = None) -> list[Claimed]:
    """Hold up to `limit` due rows for `worker_id` for `lease` seconds, oldest first.

    Held rows stay pending: a worker that dies before sending them leaves nothing in doubt,
    and they become free again when the lease ends. Two workers never hold the same row (the
    update is a compare-and-set on the row being free). A row whose kind has a check that
    says it is no longer wanted (a reminder its state has answered since) is dropped instead.
    """
    now = clock.now()
    ids = await repo.due_ids(session, now, limit)
    rows = await repo.reserve(session, ids, worker_id, now, now + timedelta(seconds=lease))
    held = []
    for row in rows:
        check = (checks or {}).get(row.kind)
        if check is not None and not await check(session, row.ref, now):
            await repo.drop(session, row.id, worker_id, now)
            continue
        held.append(Claimed(row.id, row.chat_id, row.payload, row.attempts))
    return held


async def start_sending(session: AsyncSession, delivery_id: int, worker_id: str,
                        lease: float) -> bool:
    """Mark a held row `sending` just before its request; False if the worker lost it."""
    now = clock.now()
    return await repo.start_sending(session, delivery_id, worker_id, now,
                                    now + timedelta(seconds=lease))


async def release(session: AsyncSession, delivery_ids: list[int], worker_id: str) -> int:
    """Give back held rows that were never sent (a worker stopping), free for anyone at once."""
    return await repo.unreserve(session, delivery_ids, worker_id, clock.now())


async def mark_sent(session: AsyncSession, delivery_id: int, worker_id: str,
                    message_id: int) -> bool:
    now = clock.now()
    return await repo.finish(session, delivery_id, worker_id, now, status=DeliveryStatus.SENT,
                             message_id=message_id, sent_at=now, last_error=None,
                             lease_until=None)


def backoff(attempt: int, base: float = 2.0, cap: float = 300.0) -> float:
    """Seconds to wait before retry number `attempt` (1, 2, ...): base, 2 base, 4 base..."""
    return min(cap, base * 2 ** max(0, attempt - 1))


async def retry_later(
    session: AsyncSession, delivery_id: int, worker_id: str, seconds: float, error: str, *,
    max_attempts: int = MAX_ATTEMPTS,
) -> DeliveryStatus | None:
    """A failure that surely did not reach the person: pending again after `seconds`, one
    attempt more; failed once `max_attempts` failures are counted. The new status, or None
    if the row was not this worker's."""
    now = clock.now()
    return await repo.retry(session, delivery_id, worker_id, now,
                            now + timedelta(seconds=seconds), _short(error), max_attempts)


async def postpone(session: AsyncSession, delivery_id: int, worker_id: str, seconds: float,
                   error: str) -> bool:
    """Telegram said "too many requests": pending again after `seconds`, no attempt counted
    (the flood limit is the bot's, not this message's)."""
    now = clock.now()
    return await repo.finish(session, delivery_id, worker_id, now,
                             status=DeliveryStatus.PENDING,
                             not_before=now + timedelta(seconds=seconds), last_error=_short(error),
                             claimed_by=None, lease_until=None)


async def mark_blocked(session: AsyncSession, delivery_id: int, worker_id: str,
                       error: str) -> bool:
    """The person blocked the bot, left Telegram or never opened the chat: not retried, and
    the person is marked unreachable until they write to the bot again."""
    ended = await _end(session, delivery_id, worker_id, DeliveryStatus.BLOCKED, error)
    if ended:
        await repo.mark_recipient_unreachable(session, delivery_id, clock.now())
    return ended


async def mark_failed(session: AsyncSession, delivery_id: int, worker_id: str,
                      error: str) -> bool:
    """Telegram refused the message itself: not retried."""
    return await _end(session, delivery_id, worker_id, DeliveryStatus.FAILED, error)


async def mark_doubt(session: AsyncSession, delivery_id: int, worker_id: str,
                     error: str) -> bool:
    """The request may have reached Telegram but no answer came: not resent automatically."""
    return await _end(session, delivery_id, worker_id, DeliveryStatus.DOUBT, error)


async def _end(session: AsyncSession, delivery_id: int, worker_id: str,
               status: DeliveryStatus, error: str) -> bool:
    return await repo.finish(session, delivery_id, worker_id, clock.now(), status=status,
                             last_error=_short(error), lease_until=None)


async def recover_stale(session: AsyncSession, now: datetime) -> int:
    """Rows left in `sending` past their lease (a worker crashed mid-request) become `doubt`;
    how many."""
    return await repo.stale_to_doubt(session, now, STALE)


def _short(error: str) -> str:
    return error if len(error) <= ERROR_LENGTH else error[:ERROR_LENGTH - 1] + "…"


# -- what the secretariat sees and decides ------------------------------------------------------
async def report(session: AsyncSession, kind: str, ref: str) -> Report:
    """Counts per status, overall and per member state, and who did not (surely) get it."""
    counts = dict.fromkeys(DeliveryStatus, 0)
    by_state: dict[str | None, dict[DeliveryStatus, int]] = {}
    for state, status, number in await repo.counts_by_state(session, kind, ref):
        counts[status] += number
        by_state.setdefault(state, dict.fromkeys(DeliveryStatus, 0))[status] += number
    problems = [
        Problem(user_id, name, state, status, error)
        for user_id, name, state, status, error in await repo.recipients_with(
            session, kind, ref, PROBLEMS)
    ]
    return Report(kind, ref, counts, by_state, problems)


async def resend_doubtful(session: AsyncSession, actor: User, kind: str, ref: str) -> int:
    """A person decided: the rows in doubt are sent again (some may arrive twice); how many."""
    require(actor, Action.ANNOUNCE)
    count = await repo.doubt_to_pending(session, kind, ref, clock.now())
    if count:
        await audit.record(session, "delivery.resend-doubtful", kind, ref, actor_id=actor.id,
                           rows=count)
    return count
