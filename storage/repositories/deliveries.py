"""Queries on the outbox (the delivery table). Callers own the transaction."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Row, case, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Delivery, DeliveryStatus, User

# Eight columns a row: well under the bind-parameter limits of SQLite (32766) and asyncpg (32767).
INSERT_CHUNK = 500

TAKEN = (DeliveryStatus.SENDING, DeliveryStatus.DOUBT)


def _insert(session: AsyncSession):
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        return sqlite.insert(Delivery)
    if dialect == "postgresql":
        return postgresql.insert(Delivery)
    raise NotImplementedError(f"insert-or-ignore is not written for {dialect}")


async def insert_new(session: AsyncSession, rows: Sequence[dict[str, Any]]) -> int:
    """Insert rows, skipping any (kind, ref, recipient) already there; how many were new."""
    added = 0
    for start in range(0, len(rows), INSERT_CHUNK):
        chunk = rows[start:start + INSERT_CHUNK]
        # executemany with a cached statement: SQLAlchemy batches it into multi-row INSERTs
        # ("insertmanyvalues") without compiling a new statement for every batch.
        statement = (
            _insert(session)
            .on_conflict_do_nothing(index_elements=["kind", "ref", "recipient_id"])
            .returning(Delivery.id)
        )
        added += len((await session.execute(statement, list(chunk))).all())
    return added


async def due_ids(session: AsyncSession, now: datetime, limit: int) -> list[int]:
    """Pending rows whose time has come and which nobody holds, oldest first.

    PostgreSQL skips rows another transaction is claiming; SQLite has one writer at a time and
    no row locks, and SQLAlchemy leaves the clause out there.
    """
    query = (
        select(Delivery.id)
        .where(
            Delivery.status == DeliveryStatus.PENDING,
            Delivery.not_before <= now,
            or_(Delivery.lease_until.is_(None), Delivery.lease_until <= now),
        )
        .order_by(Delivery.not_before, Delivery.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return list(await session.scalars(query))


async def unsent_due(session: AsyncSession, now: datetime) -> int:
    """How many rows due by `now` are not sent yet (waiting, or being sent)."""
    return await session.scalar(
        select(func.count()).select_from(Delivery).where(
            Delivery.status.in_([DeliveryStatus.PENDING, DeliveryStatus.SENDING]),
            Delivery.not_before <= now))


async def reserve(
    session: AsyncSession, ids: Sequence[int], worker: str, now: datetime, until: datetime,
) -> list[Row]:
    """Compare-and-set: hold the rows still free for `worker`; the rows it got."""
    if not ids:
        return []
    statement = (
        update(Delivery)
        .where(
            Delivery.id.in_(ids),
            Delivery.status == DeliveryStatus.PENDING,
            or_(Delivery.lease_until.is_(None), Delivery.lease_until <= now),
        )
        .values(claimed_by=worker, lease_until=until, updated_at=now)
        .returning(Delivery.id, Delivery.chat_id, Delivery.payload, Delivery.attempts,
                   Delivery.kind, Delivery.ref)
        .execution_options(synchronize_session=False)
    )
    rows = list((await session.execute(statement)).all())
    return sorted(rows, key=lambda row: ids.index(row.id))


async def mark_recipient_unreachable(session: AsyncSession, delivery_id: int,
                                     now: datetime) -> None:
    recipient = select(Delivery.recipient_id).where(Delivery.id == delivery_id)
    await session.execute(
        update(User).where(User.id == recipient.scalar_subquery(),
                           User.unreachable_since.is_(None))
        .values(unreachable_since=now).execution_options(synchronize_session=False))


async def drop(session: AsyncSession, delivery_id: int, worker: str, now: datetime) -> bool:
    """A row the worker holds (still pending) is no longer wanted: dropped, never sent."""
    result = await session.execute(
        update(Delivery)
        .where(Delivery.id == delivery_id, Delivery.claimed_by == worker,
               Delivery.status == DeliveryStatus.PENDING)
        .values(status=DeliveryStatus.DROPPED, lease_until=None, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


async def start_sending(
    session: AsyncSession, delivery_id: int, worker: str, now: datetime, until: datetime,
) -> bool:
    """Compare-and-set from held-pending to sending; False when the row is no longer ours."""
    result = await session.execute(
        update(Delivery)
        .where(
            Delivery.id == delivery_id,
            Delivery.claimed_by == worker,
            Delivery.status == DeliveryStatus.PENDING,
        )
        .values(status=DeliveryStatus.SENDING, lease_until=until, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


async def unreserve(session: AsyncSession, ids: Sequence[int], worker: str, now: datetime) -> int:
    """Let go of held rows that were never sent."""
    if not ids:
        return 0
    result = await session.execute(
        update(Delivery)
        .where(
            Delivery.id.in_(ids),
            Delivery.claimed_by == worker,
            Delivery.status == DeliveryStatus.PENDING,
        )
        .values(claimed_by=None, lease_until=None, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount


async def finish(
    session: AsyncSession, delivery_id: int, worker: str, now: datetime, **values: Any,
) -> bool:
    """Record the outcome of a send by the worker that made it.

    A row another worker already judged stale (doubt) still takes the real outcome.
    """
    result = await session.execute(
        update(Delivery)
        .where(
            Delivery.id == delivery_id,
            Delivery.claimed_by == worker,
            Delivery.status.in_(TAKEN),
        )
        .values(updated_at=now, **values)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


async def retry(
    session: AsyncSession, delivery_id: int, worker: str, now: datetime, not_before: datetime,
    error: str, max_attempts: int,
) -> DeliveryStatus | None:
    """One more failed attempt: pending again, or failed once attempts reach the maximum."""
    attempts = Delivery.attempts + 1
    status = case(
        (attempts >= max_attempts, DeliveryStatus.FAILED.value),
        else_=DeliveryStatus.PENDING.value,
    )
    result = await session.execute(
        update(Delivery)
        .where(
            Delivery.id == delivery_id,
            Delivery.claimed_by == worker,
            Delivery.status.in_(TAKEN),
        )
        .values(
            status=status, attempts=attempts, not_before=not_before, last_error=error,
            claimed_by=None, lease_until=None, updated_at=now,
        )
        .returning(Delivery.status)
        .execution_options(synchronize_session=False)
    )
    return result.scalar_one_or_none()


async def stale_to_doubt(session: AsyncSession, now: datetime, error: str) -> int:
    result = await session.execute(
        update(Delivery)
        .where(Delivery.status == DeliveryStatus.SENDING, Delivery.lease_until < now)
        .values(status=DeliveryStatus.DOUBT, last_error=error, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount


async def counts_by_state(session: AsyncSession, kind: str, ref: str) -> list[Row]:
    """(member_state_code, status, n) for one thing sent."""
    query = (
        select(User.member_state_code, Delivery.status, func.count())
        .join(User, Delivery.recipient_id == User.id)
        .where(Delivery.kind == kind, Delivery.ref == ref)
        .group_by(User.member_state_code, Delivery.status)
    )
    return list((await session.execute(query)).all())


async def recipients_with(
    session: AsyncSession, kind: str, ref: str, statuses: Sequence[DeliveryStatus],
) -> list[Row]:
    """(user id, name, state code, status, error) of recipients whose row is in `statuses`,
    in the order of `statuses`."""
    order = case({status.value: n for n, status in enumerate(statuses)}, value=Delivery.status)
    query = (
        select(User.id, User.full_name, User.member_state_code, Delivery.status,
               Delivery.last_error)
        .join(User, Delivery.recipient_id == User.id)
        .where(Delivery.kind == kind, Delivery.ref == ref, Delivery.status.in_(statuses))
        .order_by(order, User.member_state_code, User.full_name, User.id)
    )
    return list((await session.execute(query)).all())


async def doubt_to_pending(session: AsyncSession, kind: str, ref: str, now: datetime) -> int:
    result = await session.execute(
        update(Delivery)
        .where(Delivery.kind == kind, Delivery.ref == ref,
               Delivery.status == DeliveryStatus.DOUBT)
        .values(status=DeliveryStatus.PENDING, not_before=now, claimed_by=None,
                lease_until=None, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount
