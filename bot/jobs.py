"""Scheduled jobs. Each takes ids only and opens its own transaction."""

import logging
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services import announcements
from storage.database import transaction

log = logging.getLogger(__name__)


@dataclass
class JobContext:
    pool: async_sessionmaker[AsyncSession]
    worker: object  # bot.delivery.DeliveryWorker


_context: JobContext | None = None


def configure(pool: async_sessionmaker[AsyncSession], worker: object) -> None:
    """Give the jobs what they work with (set by the process that runs the scheduler)."""
    global _context
    _context = JobContext(pool, worker)


def context() -> JobContext:
    if _context is None:
        raise RuntimeError("jobs are not configured")
    return _context


async def fire_announcement(ann_id: int) -> None:
    ctx = context()
    async with transaction(ctx.pool) as session:
        queued = await announcements.fire_scheduled(session, ann_id)
    if queued:
        log.info("announcement %s queued for %s recipients", ann_id, queued.recipients)
        ctx.worker.wake()
    else:
        log.info("announcement %s was not due any more (cancelled or sent)", ann_id)
