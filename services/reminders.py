"""The reminder sweep: due slots become deliveries to the focal points of states that owe.

Each slot is decided once, in its own transaction: sent (queued in the outbox, one delivery per
focal point, unique per slot and person) or skipped with a reason. A state that has submitted,
a slot whose local day has passed or whose hour is now a quiet one, a closed deadline: skipped.
"""

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services import deadlines, outbox, submissions
from services.deadlines import Stage, Standing
from services.permissions import Action, can
from services.reminder_slots import civil, zones
from storage.models import (
    Deadline,
    DeadlineStatus,
    Form,
    Reminder,
    ReminderStatus,
    Role,
    User,
    UserStatus,
)

KIND = "reminder"
DIGEST_KIND = "digest"


@dataclass(frozen=True)
class Notice:
    """What a reminder tells: rendered into a message by the caller, per recipient."""

    reminder_id: int
    standing: Standing
    days: int  # the slot: days before (> 0), on the day (0), days overdue (< 0)
    form: Form | None


Render = Callable[[Notice, User], dict]  # a payload for services.outbox


async def due_ids(session: AsyncSession, now: datetime, limit: int = 500) -> list[int]:
    """Slots due by `now`, oldest first (reads the due index only)."""
    rows = await session.scalars(
        select(Reminder.id).where(Reminder.status == ReminderStatus.PLANNED,
                                  Reminder.send_at <= now)
        .order_by(Reminder.send_at, Reminder.id).limit(limit))
    return list(rows)


async def send_one(session: AsyncSession, reminder_id: int, now: datetime, render: Render
                   ) -> ReminderStatus | None:
    """Decide one due slot: queue it or skip it. None if another sweep decided it first."""
    row = await session.get(Reminder, reminder_id)
    if row is None or row.status != ReminderStatus.PLANNED:
        return None
    verdict = await _verdict(session, row, now)
    if verdict.reason:
        return await _finish(session, row, now, ReminderStatus.SKIPPED, verdict.reason)
    people = await _focal_points(session, row.member_state_code)
    if not people:
        return await _finish(session, row, now, ReminderStatus.SKIPPED, "nobody")
    # Claim the slot first: a second sweep racing this one finds it taken and stops here.
    if await _finish(session, row, now, ReminderStatus.SENT, None, len(people)) is None:
        return None
    notice = Notice(row.id, verdict.standing, row.days, verdict.form)
    payloads: dict[str, dict] = {}  # one state, one clock: the message differs by language only
    items = [outbox.Outgoing(p.id, p.telegram_id, payloads.get(p.locale)
                             or payloads.setdefault(p.locale, render(notice, p)))
             for p in people]
    await outbox.enqueue(session, KIND, str(row.id), items)
    return ReminderStatus.SENT


async def still_wanted(session: AsyncSession, ref: str, now: datetime) -> bool:
    """Whether a queued reminder may still go out now (the outbox asks before sending it).
    A worker held up past its local day, or past the state's answer, drops it rather than
    send it at night or to a state that has answered since."""
    row = await session.get(Reminder, int(ref)) if ref.isdigit() else None
    return row is not None and (await _verdict(session, row, now)).reason is None


@dataclass(frozen=True)
class _Verdict:
    reason: str | None  # why the slot no longer applies; None: it does
    form: Form | None = None
    standing: Standing | None = None


async def _verdict(session: AsyncSession, row: Reminder, now: datetime) -> _Verdict:
    """The one rule for whether a slot applies now, asked by the sweep and by the outbox:
    its deadline open and unchanged, still its local day before the quiet hours, its
    questionnaire open, its state still owing."""
    deadline = await session.get(Deadline, row.deadline_id)
    if deadline.status != DeadlineStatus.OPEN or deadline.revision != row.revision:
        return _Verdict("closed")
    if not _in_its_day(row, now, (await zones(session))[row.member_state_code]):
        return _Verdict("missed")
    form = await deadlines.form_for(session, deadline)
    if deadline.form_key and (form is None or not submissions.is_open(form)):
        return _Verdict("not-open")
    standing = (await deadlines.standings(session, deadline, [row.member_state_code]))[0]
    if standing.stage == Stage.SUBMITTED:
        return _Verdict("submitted")
    return _Verdict(None, form, standing)


def _in_its_day(row: Reminder, now: datetime, zone) -> bool:
    local_now = now.astimezone(zone)
    return local_now.date() == row.send_at.astimezone(zone).date() and civil(local_now)


async def _finish(session: AsyncSession, row: Reminder, now: datetime, status: ReminderStatus,
                  reason: str | None, recipients: int = 0) -> ReminderStatus | None:
    result = await session.execute(
        update(Reminder).where(Reminder.id == row.id, Reminder.status == ReminderStatus.PLANNED)
        .values(status=status, reason=reason, recipients=recipients, done_at=now)
        .execution_options(synchronize_session=False))
    return status if result.rowcount == 1 else None


async def _focal_points(session: AsyncSession, code: str) -> list[User]:
    return list(await session.scalars(
        select(User).where(User.member_state_code == code, User.role == Role.FOCAL_POINT,
                           User.status == UserStatus.ACTIVE).order_by(User.id)))


# -- what the secretariat sees ------------------------------------------------------------------
@dataclass(frozen=True)
class SlotSummary:
    """One reminder day of a deadline: how many states it reached and why others were not."""

    revision: int
    days: int
    first_at: datetime
    outcomes: Counter  # "sent", "planned", or a skip reason -> number of states
    people: int  # focal points it was sent to
    states_sent: list[str]


async def history(session: AsyncSession, actor: User, deadline_id: int) -> list[SlotSummary]:
    """The deadline's reminders, newest revision first, then in the order they go out."""
    deadline = await deadlines.get(session, actor, deadline_id)
    rows = await session.scalars(select(Reminder).where(Reminder.deadline_id == deadline.id))
    groups: dict[tuple[int, int], list[Reminder]] = defaultdict(list)
    for row in rows:
        groups[(row.revision, row.days)].append(row)
    summaries = []
    for (revision, days), members in groups.items():
        outcomes = Counter(r.reason or str(r.status) for r in members)
        sent = sorted(r.member_state_code for r in members if r.status == ReminderStatus.SENT)
        summaries.append(SlotSummary(revision, days, min(r.send_at for r in members), outcomes,
                                     sum(r.recipients for r in members), sent))
    return sorted(summaries, key=lambda s: (-s.revision, -s.days))


@dataclass(frozen=True)
class DigestLine:
    deadline: Deadline
    stages: dict[Stage, list[str]]  # state codes at each stage


async def digest(session: AsyncSession) -> list[DigestLine]:
    """Every open deadline with the states at each stage, soonest due first."""
    rows = await session.scalars(select(Deadline).where(Deadline.status == DeadlineStatus.OPEN)
                                 .order_by(Deadline.due_at, Deadline.id))
    lines = []
    for deadline in rows:
        stages: dict[Stage, list[str]] = {stage: [] for stage in Stage}
        for standing in await deadlines.standings(
                session, deadline, await deadlines.audience(session, deadline)):
            stages[standing.stage].append(standing.state)
        lines.append(DigestLine(deadline, stages))
    return lines


async def secretariat(session: AsyncSession) -> list[User]:
    """Who gets the weekly digest."""
    users = await session.scalars(select(User).where(User.role == Role.SECRETARIAT,
                                                     User.status == UserStatus.ACTIVE))
    return [u for u in users if can(u, Action.MANAGE_DEADLINES)]
