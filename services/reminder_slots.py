"""When a deadline's reminders go out: one slot per (state, days), at a civil hour locally.

Slots are rows planned when a deadline is set, so a sweep only reads the slots that are due
(an index on status and time), however many deadlines, states and people there are.
"""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services import clock
from storage.models import Deadline, Reminder, ReminderStatus
from storage.repositories import member_states as member_state_repo

QUIET_FROM, QUIET_UNTIL = 21, 8  # no reminder between 21:00 and 08:00, local time


def civil(local: datetime) -> bool:
    return QUIET_UNTIL <= local.hour < QUIET_FROM


async def zones(session: AsyncSession) -> dict[str, ZoneInfo]:
    return {s.code: ZoneInfo(s.timezone) for s in await member_state_repo.all_states(session)}


def due_day(due_at: datetime, zone: ZoneInfo) -> date:
    """The day a deadline falls on, for people of that zone: a moment in the night (before
    08:00) ends the day before. 23:59 in Cairo is 00:59 the next day in Amman, and there too
    it is the evening of the same day, not a deadline "tomorrow"."""
    local = due_at.astimezone(zone)
    return local.date() - timedelta(days=1) if local.hour < QUIET_UNTIL else local.date()


def slots(deadline: Deadline, zone: ZoneInfo, hour: int) -> list[tuple[int, datetime]]:
    """(days, moment) of every reminder: `hour` local time on the days before the due day
    and on it (those before the due moment), then every `overdue_every` days after it."""
    day = due_day(deadline.due_at, zone)

    def at(shift: int) -> datetime:
        local = datetime.combine(day + timedelta(days=shift), time(hour), zone)
        return local.astimezone(UTC)

    result = [(days, at(-days)) for days in deadline.offsets if at(-days) < deadline.due_at]
    if deadline.overdue_every:
        result += [(-k * deadline.overdue_every, at(k * deadline.overdue_every))
                   for k in range(1, deadline.overdue_max + 1)]
    return result


async def plan(session: AsyncSession, deadline: Deadline, codes: list[str], *,
               hour: int) -> int:
    """Add the slots of the deadline's current revision still to come; the number added.

    A slot already past when planned is never sent (a deadline set late gets no "14 days
    before"), and a slot planned before (sent or not) is not planned twice.
    """
    now, zone_of = clock.now(), await zones(session)
    planned = set((await session.execute(
        select(Reminder.member_state_code, Reminder.days).where(
            Reminder.deadline_id == deadline.id, Reminder.revision == deadline.revision))).all())
    rows = [
        dict(deadline_id=deadline.id, revision=deadline.revision, member_state_code=code,
             days=days, send_at=moment, status=ReminderStatus.PLANNED, recipients=0)
        for code in codes
        for days, moment in slots(deadline, zone_of[code], hour)
        if moment > now and (code, days) not in planned
    ]
    if rows:
        await session.execute(insert(Reminder), rows)
    return len(rows)


async def drop(session: AsyncSession, deadline: Deadline, reason: str) -> int:
    """Skip every slot of the deadline not sent yet (it was moved, changed or closed)."""
    result = await session.execute(
        update(Reminder).where(Reminder.deadline_id == deadline.id,
                               Reminder.status == ReminderStatus.PLANNED)
        .values(status=ReminderStatus.SKIPPED, reason=reason, done_at=clock.now()))
    return result.rowcount
