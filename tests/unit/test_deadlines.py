"""The deadline rules: who may set them, what is refused, where each state stands."""

from datetime import UTC, datetime, timedelta

import pytest

from services import clock, deadlines
from services.deadlines import DeadlineRefused, Spec, Stage
from services.errors import NotAllowed, NotFound
from storage.database import transaction
from storage.models import User
from tests.unit.conftest import HOUR, START, cairo, new_deadline


async def _user(session, world, name) -> User:
    return await session.get(User, world[name])


@pytest.mark.parametrize("spec, reason", [
    (dict(task_en=None, task_ar=None), "no-task"),
    (dict(form_key="no_such_form"), "no-form"),
    (dict(task_en="x" * 501), "too-long"),
    (dict(task_en="Fine", states=("EG", "XX")), "no-states"),
    (dict(task_en="Fine", offsets=(7, 400)), "bad-offsets"),
])
async def test_a_bad_deadline_is_refused_with_its_reason(pool, world, spec, reason):
    async with transaction(pool) as s:
        with pytest.raises(DeadlineRefused) as refusal:
            await deadlines.create(s, await _user(s, world, "boss"), Spec(
                item_id=world["item"], due_at=cairo(2026, 12, 20), **spec), hour=HOUR)
    assert refusal.value.reason == reason


async def test_an_unknown_item_is_refused(pool, world):
    async with transaction(pool) as s:
        with pytest.raises(DeadlineRefused, match="no-item"):
            await deadlines.create(s, await _user(s, world, "boss"), Spec(
                item_id=99999, due_at=cairo(2026, 12, 20), task_en="x"), hour=HOUR)


async def test_focal_points_cannot_set_or_manage_deadlines(pool, world):
    deadline = await new_deadline(pool, world, cairo(2026, 12, 20), task_en="Mine")
    async with transaction(pool) as s:
        focal = await _user(s, world, "EG-ar")
        with pytest.raises(NotAllowed):
            await deadlines.create(s, focal, Spec(item_id=world["item"],
                                                  due_at=cairo(2026, 12, 20), task_en="x"),
                                   hour=HOUR)
        for action in (deadlines.close, deadlines.board):
            with pytest.raises(NotAllowed):
                await action(s, focal, deadline)
        with pytest.raises(NotAllowed):
            await deadlines.owed(s, await _user(s, world, "boss"))  # not the secretariat's


async def test_a_state_sees_only_deadlines_that_concern_it(pool, world):
    mine = await new_deadline(pool, world, cairo(2026, 12, 20), task_en="Oman only",
                              states=("OM",))
    everyone = await new_deadline(pool, world, cairo(2026, 12, 10), task_en="All")
    async with transaction(pool) as s:
        egypt, oman = await _user(s, world, "EG-ar"), await _user(s, world, "OM-en")
        assert [o.deadline.id for o in await deadlines.owed(s, oman)] == [everyone, mine]
        assert [o.deadline.id for o in await deadlines.owed(s, egypt)] == [everyone]
        with pytest.raises(DeadlineRefused, match="not-concerned"):
            await deadlines.standing_for(s, egypt, mine)
        with pytest.raises(DeadlineRefused, match="not-concerned"):
            await deadlines.mark_done(s, egypt, mine)
        with pytest.raises(NotFound):
            await deadlines.standing_for(s, egypt, 4242)


async def test_stages_and_days_left_follow_the_clock_and_the_state(pool, world):
    task = await new_deadline(pool, world, cairo(2026, 12, 3), task_en="Soon", states=("EG",))
    form = await new_deadline(pool, world, cairo(2026, 12, 3), form_key="arcp_evaluation",
                              states=("EG",))
    async with transaction(pool) as s:
        egypt = await _user(s, world, "EG-ar")
        standing = await deadlines.standing_for(s, egypt, task)
        assert (standing.stage, standing.days_left) == (Stage.NOT_STARTED, 2)
        with pytest.raises(DeadlineRefused, match="not-a-task"):
            await deadlines.mark_done(s, egypt, form)
        assert (await deadlines.mark_done(s, egypt, task)).stage == Stage.SUBMITTED
    clock.freeze(START + timedelta(days=5))
    async with transaction(pool) as s:
        egypt = await _user(s, world, "EG-ar")
        late = await deadlines.standing_for(s, egypt, form)
        assert (late.stage, late.days_left) == (Stage.LATE, -3)
        assert (await deadlines.mark_done(s, egypt, task, done=False)).stage == Stage.LATE


async def test_closing_hides_a_deadline_and_reopening_plans_what_is_left(pool, world):
    deadline = await new_deadline(pool, world, cairo(2026, 12, 20), task_en="Pause",
                                  states=("EG",))
    async with transaction(pool) as s:
        boss, egypt = await _user(s, world, "boss"), await _user(s, world, "EG-ar")
        await deadlines.close(s, boss, deadline)
        assert await deadlines.owed(s, egypt) == []
    clock.freeze(datetime(2026, 12, 15, tzinfo=UTC))
    async with transaction(pool) as s:
        boss = await _user(s, world, "boss")
        await deadlines.reopen(s, boss, deadline, hour=HOUR)
        plan = await deadlines.board(s, boss, deadline)
        assert [p.state for p in plan] == ["EG"]
