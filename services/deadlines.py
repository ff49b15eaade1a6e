"""Deadlines of the action plan: what member states owe, by when, and where each state stands.

A deadline names a form (by key, whatever its version) or a plain task, the states it concerns
(all, or some) and a due moment. Its reminder slots are planned when it is set and planned anew
when it changes (services.reminder_slots keeps them, services.reminders sends them).
"""

import enum
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services import audit, clock, reminder_slots
from services.errors import NotFound, ServiceError
from services.permissions import Action, can, require
from storage.models import (
    ActionItem,
    Deadline,
    DeadlineStatus,
    Form,
    FormStatus,
    Submission,
    SubmissionStatus,
    TaskDone,
    User,
)
from storage.repositories import member_states as member_state_repo

DEFAULT_OFFSETS = (14, 7, 3, 1, 0)
OFFSET_CHOICES = (30, 21, 14, 7, 3, 2, 1, 0)
OVERDUE_EVERY, OVERDUE_MAX = 7, 4
TASK_LIMIT = 500
DONE = (SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED, SubmissionStatus.CIRCULATED)


class Stage(enum.StrEnum):
    NOT_STARTED = "not-started"
    DRAFT = "draft"
    SUBMITTED = "submitted"
    LATE = "late"


class DeadlineRefused(ServiceError):
    """reason: no-item | no-form | no-task | too-long | bad-offsets | closed | not-concerned
    | not-a-task | no-states"""


@dataclass(frozen=True)
class Spec:
    """What the secretariat sets; `states` empty means every member state."""

    item_id: int
    due_at: datetime
    form_key: str | None = None
    task_ar: str | None = None
    task_en: str | None = None
    states: tuple[str, ...] = ()
    offsets: tuple[int, ...] = DEFAULT_OFFSETS
    overdue_every: int = OVERDUE_EVERY
    overdue_max: int = OVERDUE_MAX


@dataclass(frozen=True)
class Standing:
    """Where one state stands on one deadline."""

    deadline: Deadline
    state: str
    stage: Stage
    started: bool  # a draft exists (a late state may have started)
    days_left: int  # calendar days to the due day, on the state's calendar; < 0: overdue


# -- the secretariat's side ---------------------------------------------------------------------
async def create(session: AsyncSession, actor: User, spec: Spec, *, hour: int) -> Deadline:
    """Set a new deadline and plan its reminders at `hour`, local time of each state."""
    require(actor, Action.MANAGE_DEADLINES)
    await _check(session, spec)
    now = clock.now()
    deadline = Deadline(
        item_id=spec.item_id, form_key=spec.form_key, task_ar=spec.task_ar,
        task_en=spec.task_en, audience_states=sorted(spec.states), due_at=spec.due_at,
        offsets=sorted(set(spec.offsets), reverse=True), overdue_every=spec.overdue_every,
        overdue_max=spec.overdue_max, status=DeadlineStatus.OPEN, revision=1,
        created_by=actor.id, created_at=now, updated_at=now)
    session.add(deadline)
    await session.flush()
    await reminder_slots.plan(session, deadline, await audience(session, deadline), hour=hour)
    await audit.record(session, "deadline.create", "deadline", deadline.id, actor_id=actor.id,
                       due_at=spec.due_at.isoformat(), form=spec.form_key)
    return deadline


async def move(session: AsyncSession, actor: User, deadline_id: int, due_at: datetime, *,
               hour: int) -> Deadline:
    """Extend (or bring forward) a deadline: its reminders are planned anew for the new date."""
    deadline = await get(session, actor, deadline_id)
    previous, deadline.due_at = deadline.due_at, due_at
    await _replan(session, deadline, "moved", hour)
    await audit.record(session, "deadline.move", "deadline", deadline.id, actor_id=actor.id,
                       due_at=due_at.isoformat(), was=previous.isoformat())
    return deadline


async def set_offsets(session: AsyncSession, actor: User, deadline_id: int,
                      offsets: tuple[int, ...], *, hour: int) -> Deadline:
    """Change the days before on which reminders go out; ones already sent stay sent."""
    deadline = await get(session, actor, deadline_id)
    _check_offsets(offsets)
    deadline.offsets = sorted(set(offsets), reverse=True)
    await _replan(session, deadline, "changed", hour)
    await audit.record(session, "deadline.offsets", "deadline", deadline.id, actor_id=actor.id,
                       offsets=deadline.offsets)
    return deadline


async def set_states(session: AsyncSession, actor: User, deadline_id: int,
                     states: tuple[str, ...], *, hour: int) -> Deadline:
    """Change the states a deadline concerns (none: all); reminders follow at once."""
    deadline = await get(session, actor, deadline_id)
    await _check_states(session, states)
    deadline.audience_states = sorted(set(states))
    await _replan(session, deadline, "changed", hour)
    await audit.record(session, "deadline.states", "deadline", deadline.id, actor_id=actor.id,
                       states=deadline.audience_states)
    return deadline


async def close(session: AsyncSession, actor: User, deadline_id: int) -> Deadline:
    """Nothing more is owed: no more reminders, and states no longer see it."""
    deadline = await get(session, actor, deadline_id)
    deadline.status, deadline.updated_at = DeadlineStatus.CLOSED, clock.now()
    await reminder_slots.drop(session, deadline, "closed")
    await audit.record(session, "deadline.close", "deadline", deadline.id, actor_id=actor.id)
    return deadline


async def reopen(session: AsyncSession, actor: User, deadline_id: int, *, hour: int) -> Deadline:
    deadline = await get(session, actor, deadline_id)
    deadline.status = DeadlineStatus.OPEN
    await _replan(session, deadline, "reopened", hour)
    await audit.record(session, "deadline.reopen", "deadline", deadline.id, actor_id=actor.id)
    return deadline


async def _replan(session: AsyncSession, deadline: Deadline, reason: str, hour: int) -> None:
    # A new revision: slots not sent yet are dropped and the ones still to come planned anew.
    # A slot already sent lies in the past, so it is never planned again.
    deadline.revision += 1
    deadline.updated_at = clock.now()
    await reminder_slots.drop(session, deadline, reason)
    if deadline.status == DeadlineStatus.OPEN:
        await reminder_slots.plan(session, deadline, await audience(session, deadline), hour=hour)


async def get(session: AsyncSession, actor: User, deadline_id: int) -> Deadline:
    require(actor, Action.MANAGE_DEADLINES)
    deadline = await session.get(Deadline, deadline_id)
    if deadline is None:
        raise NotFound("deadline", id=deadline_id)
    return deadline


async def list_all(session: AsyncSession, actor: User, *, open_only: bool = False
                   ) -> list[Deadline]:
    """Open ones first, soonest due first."""
    require(actor, Action.MANAGE_DEADLINES)
    query = select(Deadline)
    if open_only:
        query = query.where(Deadline.status == DeadlineStatus.OPEN)
    rows = list(await session.scalars(query))
    return sorted(rows, key=lambda d: (d.status != DeadlineStatus.OPEN, d.due_at, d.id))


async def form_choices(session: AsyncSession, actor: User) -> list[Form]:
    """One form per key (its newest version) that a deadline may ask for."""
    require(actor, Action.MANAGE_DEADLINES)
    newest: dict[str, Form] = {}
    for form in await session.scalars(select(Form).order_by(Form.id)):
        newest[form.key] = form
    return sorted(newest.values(), key=lambda f: f.key)


async def board(session: AsyncSession, actor: User, deadline_id: int) -> list[Standing]:
    """Every concerned state's standing, for the secretariat."""
    deadline = await get(session, actor, deadline_id)
    return await standings(session, deadline, await audience(session, deadline))


# -- what a state owes --------------------------------------------------------------------------
async def owed(session: AsyncSession, user: User) -> list[Standing]:
    """Every open deadline concerning the user's state, soonest first."""
    require(user, Action.ANSWER_FORMS)
    code = user.member_state_code
    rows = await session.scalars(select(Deadline).where(Deadline.status == DeadlineStatus.OPEN)
                                 .order_by(Deadline.due_at, Deadline.id))
    mine = [d for d in rows if concerns(d, code)]
    result = []
    for deadline in mine:
        result += await standings(session, deadline, [code])
    return result


async def of_item(session: AsyncSession, user: User, item_id: int) -> list[Standing | Deadline]:
    """An item's open deadlines as the user may see them: a focal point those of its state
    (as standings), the secretariat all of them."""
    rows = list(await session.scalars(
        select(Deadline).where(Deadline.item_id == item_id,
                               Deadline.status == DeadlineStatus.OPEN)
        .order_by(Deadline.due_at, Deadline.id)))
    if can(user, Action.MANAGE_DEADLINES):
        return rows
    if not can(user, Action.ANSWER_FORMS):
        return []
    code = user.member_state_code
    return [(await standings(session, d, [code]))[0] for d in rows if concerns(d, code)]


async def standing_for(session: AsyncSession, user: User, deadline_id: int) -> Standing:
    """One deadline as the user's state sees it (refused for another state's deadline)."""
    require(user, Action.ANSWER_FORMS)
    deadline = await session.get(Deadline, deadline_id)
    if deadline is None or deadline.status != DeadlineStatus.OPEN:
        raise NotFound("deadline", id=deadline_id)
    if not concerns(deadline, user.member_state_code):
        raise DeadlineRefused("not-concerned")
    return (await standings(session, deadline, [user.member_state_code]))[0]


async def mark_done(session: AsyncSession, user: User, deadline_id: int, done: bool = True
                    ) -> Standing:
    """A focal point says a plain task is done for the state (or takes it back)."""
    standing = await standing_for(session, user, deadline_id)
    deadline, code = standing.deadline, user.member_state_code
    if deadline.form_key is not None:
        raise DeadlineRefused("not-a-task")
    row = await session.scalar(select(TaskDone).where(TaskDone.deadline_id == deadline.id,
                                                      TaskDone.member_state_code == code))
    if done and row is None:
        session.add(TaskDone(deadline_id=deadline.id, member_state_code=code, by=user.id,
                             at=clock.now()))
    elif not done and row is not None:
        await session.delete(row)
    await session.flush()
    await audit.record(session, "deadline.done" if done else "deadline.undone", "deadline",
                       deadline.id, actor_id=user.id, state=code)
    return await standing_for(session, user, deadline_id)


async def form_for(session: AsyncSession, deadline: Deadline) -> Form | None:
    """The form a deadline asks for: its open version if there is one, else the newest."""
    if deadline.form_key is None:
        return None
    return await session.scalar(
        select(Form).where(Form.key == deadline.form_key)
        .order_by((Form.status == FormStatus.OPEN).desc(), Form.id.desc()).limit(1))


# -- rules shared with the reminders ------------------------------------------------------------
def concerns(deadline: Deadline, code: str | None) -> bool:
    return code is not None and (not deadline.audience_states or code in deadline.audience_states)


async def audience(session: AsyncSession, deadline: Deadline) -> list[str]:
    if deadline.audience_states:
        return sorted(deadline.audience_states)
    return sorted(s.code for s in await member_state_repo.all_states(session))


async def standings(session: AsyncSession, deadline: Deadline, codes: list[str]
                    ) -> list[Standing]:
    """The standing of each of `codes` on `deadline`, in one query whatever their number."""
    done, started = await _progress(session, deadline, codes)
    zones = await reminder_slots.zones(session)
    now = clock.now()
    result = []
    for code in codes:
        if code in done:
            stage = Stage.SUBMITTED
        elif deadline.due_at <= now:
            stage = Stage.LATE
        else:
            stage = Stage.DRAFT if code in started else Stage.NOT_STARTED
        result.append(Standing(deadline, code, stage, code in started,
                               days_left(now, deadline.due_at, zones[code])))
    return result


def days_left(now: datetime, due: datetime, zone: ZoneInfo) -> int:
    """Days from today to the due day, on the state's own calendar (see due_day)."""
    return (reminder_slots.due_day(due, zone) - now.astimezone(zone).date()).days


async def _progress(session: AsyncSession, deadline: Deadline, codes: list[str]
                    ) -> tuple[set[str], set[str]]:
    """(states done, states with a draft)."""
    if deadline.form_key is None:
        rows = await session.scalars(select(TaskDone.member_state_code).where(
            TaskDone.deadline_id == deadline.id, TaskDone.member_state_code.in_(codes)))
        return set(rows), set()
    form = await form_for(session, deadline)  # a new version is a new round: its own answers
    rows = await session.execute(
        select(Submission.member_state_code, Submission.status, Submission.updated_by)
        .where(Submission.form_id == (form.id if form else None),
               Submission.member_state_code.in_(codes)))
    done, started = set(), set()
    for code, status, editor in rows:
        if status in DONE:
            done.add(code)
        elif editor is not None or status == SubmissionStatus.RETURNED:  # not just opened
            started.add(code)
    return done, started - done


async def _check(session: AsyncSession, spec: Spec) -> None:
    if await session.get(ActionItem, spec.item_id) is None:
        raise DeadlineRefused("no-item")
    if spec.form_key is not None:
        if await session.scalar(select(Form.id).where(Form.key == spec.form_key).limit(1)) is None:
            raise DeadlineRefused("no-form")
    elif not (spec.task_ar or spec.task_en):
        raise DeadlineRefused("no-task")
    for text in (spec.task_ar, spec.task_en):
        if text is not None and len(text) > TASK_LIMIT:
            raise DeadlineRefused("too-long", limit=TASK_LIMIT)
    await _check_states(session, spec.states)
    _check_offsets(spec.offsets)


async def _check_states(session: AsyncSession, states: tuple[str, ...]) -> None:
    known = {s.code for s in await member_state_repo.all_states(session)}
    if not set(states) <= known:
        raise DeadlineRefused("no-states")


def _check_offsets(offsets: tuple[int, ...]) -> None:
    if any(not isinstance(d, int) or not 0 <= d <= 90 for d in offsets):
        raise DeadlineRefused("bad-offsets")
