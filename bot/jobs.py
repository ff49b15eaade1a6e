"""Scheduled jobs. Each takes ids only and opens its own transaction."""

import logging
from dataclasses import dataclass
from datetime import timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from dialogs.owed import notices
from services import announcements, clock, deadlines, member_states, outbox, reminders
from services.timezones import SECRETARIAT_TIMEZONE
from storage.database import transaction
from storage.models import ReminderStatus, User

log = logging.getLogger(__name__)
SWEEP_BATCH = 500


@dataclass
class JobContext:
    pool: async_sessionmaker[AsyncSession]
    worker: object  # bot.delivery.DeliveryWorker
    locales: object  # bot.l10n.L10n


_context: JobContext | None = None


def configure(pool: async_sessionmaker[AsyncSession], worker: object, locales: object) -> None:
    """Give the jobs what they work with (set by the process that runs the scheduler)."""
    global _context
    _context = JobContext(pool, worker, locales)


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


async def sweep_reminders() -> int:
    """Send the reminders due now; the number of slots sent (the rest were skipped)."""
    ctx, now = context(), clock.now()
    sent = 0
    while True:
        async with transaction(ctx.pool) as session:
            ids = await reminders.due_ids(session, now, SWEEP_BATCH)
        for reminder_id in ids:
            async with transaction(ctx.pool) as session:
                outcome = await reminders.send_one(session, reminder_id, now, _render_reminder)
            sent += outcome == ReminderStatus.SENT
        if len(ids) < SWEEP_BATCH:
            break
    if sent:
        log.info("%s reminder(s) queued", sent)
        ctx.worker.wake()
    return sent


def _render_reminder(notice: reminders.Notice, user: User) -> dict:
    return notices.reminder_payload(context().locales.get(user.locale), notice, user)


async def weekly_digest() -> int:
    """The secretariat's weekly summary of open deadlines; sent once per week whatever runs."""
    ctx, now = context(), clock.now()
    today = now.astimezone(ZoneInfo(SECRETARIAT_TIMEZONE)).date()
    # Keyed by the Sunday it belongs to: run late on a Monday (the bot was down), it is still
    # that Sunday's digest, and the next Sunday's goes out as usual.
    sunday = today - timedelta(days=(today.weekday() + 1) % 7)
    async with transaction(ctx.pool) as session:
        lines = await reminders.digest(session)
        if not lines:
            return 0
        forms = {line.deadline.form_key: await deadlines.form_for(session, line.deadline)
                 for line in lines if line.deadline.form_key}
        states = await member_states.list_states(session, "en")
        items = []
        for person in await reminders.secretariat(session):
            tr = ctx.locales.get(person.locale)
            names = {s.code: s.name(tr.locale) for s in states}
            items.append(outbox.Outgoing(person.id, person.telegram_id, notices.digest_payload(
                tr, person, lines, forms, names, now)))
        queued = await outbox.enqueue(session, reminders.DIGEST_KIND, sunday.isoformat(),
                                      items)
    if queued:
        ctx.worker.wake()
    return queued
