"""Reminders with a controllable clock: the right local hour, only to states that owe, once."""

import asyncio
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import String, cast, func, select

from bot import jobs
from bot.delivery import CHECKS
from sandbox.telegram import strip_bidi
from services import clock, deadlines, outbox, reminder_slots, reminders
from storage.database import transaction
from storage.models import (
    Deadline,
    Delivery,
    DeliveryStatus,
    Reminder,
    ReminderStatus,
    Submission,
    SubmissionStatus,
    User,
)
from tests.unit.conftest import CAIRO, HOUR, START, ZONES, cairo, new_deadline


async def sent_reminders(pool) -> list[tuple[int, str, int, datetime]]:
    """(deadline, state, days, queued at) of every reminder delivery, one per slot."""
    async with transaction(pool) as s:
        rows = await s.execute(
            select(Reminder.deadline_id, Reminder.member_state_code, Reminder.days,
                   func.min(Delivery.created_at))
            .join(Delivery, Delivery.ref == cast(Reminder.id, String))
            .where(Delivery.kind == reminders.KIND)
            .group_by(Reminder.id).order_by(Reminder.id))
        return [tuple(row) for row in rows]


async def deliveries(pool, kind=reminders.KIND) -> list[Delivery]:
    async with transaction(pool) as s:
        return list(await s.scalars(select(Delivery).where(Delivery.kind == kind)
                                    .order_by(Delivery.id)))


async def run_until(moment: datetime, step=timedelta(hours=1), on_step=None) -> None:
    """Sweep at every step from now until `moment`, as the scheduler would."""
    while clock.now() < moment:
        clock.advance(step.total_seconds())
        if on_step:
            await on_step(clock.now())
        await jobs.sweep_reminders()


async def submit(pool, world, state):
    async with transaction(pool) as s:
        s.add(Submission(form_id=world["form"], member_state_code=state,
                         single_key=f"{world['form']}:{state}",
                         status=SubmissionStatus.SUBMITTED, submitted_at=clock.now()))


# -- sixty days ---------------------------------------------------------------------------------
async def test_sixty_days_of_reminders_reach_each_state_at_ten_local_until_it_submits(
        pool, world):
    form_due = await new_deadline(pool, world, cairo(2026, 12, 20, 23, 59),
                                  form_key="arcp_evaluation", states=("EG", "MA", "OM"))
    task_due = await new_deadline(pool, world, cairo(2026, 12, 31), task_en="Confirm your "
                                  "delegation", task_ar="أكد وفدك", states=("MA", "OM"))

    async def events(now):
        if now == datetime(2026, 12, 15, 12, tzinfo=UTC):
            await submit(pool, world, "MA")  # Morocco submits the questionnaire
        if now == datetime(2027, 1, 5, 12, tzinfo=UTC):
            async with transaction(pool) as s:  # Oman marks its task done
                await deadlines.mark_done(s, await s.get(User, world["OM-en"]), task_due)

    await run_until(START + timedelta(days=60), on_step=events)
    sent = await sent_reminders(pool)
    for which, state, days, at in sent:  # every one at 10:00 sharp, the state's own time
        local = at.astimezone(ZONES[state])
        assert (local.hour, local.minute) == (HOUR, 0), (state, local)
        if which == form_due and days >= 0:  # and on the same days in Cairo and Muscat
            assert local.date() == date(2026, 12, 20) - timedelta(days=days)
    by_slot = {(d, state): sorted(days for dd, st, days, _ in sent if (dd, st) == (d, state))
               for d in (form_due, task_due) for state in ZONES}
    # Egypt and Oman never submit: 14, 7, 3, 1 days before, on the day, then four weekly ones.
    assert by_slot[(form_due, "EG")] == [-28, -21, -14, -7, 0, 1, 3, 7, 14]
    # 23:59 in Cairo is 01:59 on the 21st in Muscat: a deadline in the night ends the day
    # before, so Oman's reminders fall on the same days as Egypt's, at 10:00 Muscat time.
    assert by_slot[(form_due, "OM")] == [-28, -21, -14, -7, 0, 1, 3, 7, 14]
    # Morocco submitted on 15 December: the 14 and 7 days' reminders, then nothing.
    assert by_slot[(form_due, "MA")] == [7, 14]
    # The task concerns Morocco and Oman only; Oman is done on 5 January.
    assert by_slot[(task_due, "EG")] == []
    assert by_slot[(task_due, "OM")] == [0, 1, 3, 7, 14]
    assert by_slot[(task_due, "MA")] == [-28, -21, -14, -7, 0, 1, 3, 7, 14]
    # Each slot went to every focal point of its state, once: Morocco has two.
    rows = await deliveries(pool)
    assert len(rows) == len({(d.ref, d.recipient_id) for d in rows})
    per_state = {"EG": 1, "MA": 2, "OM": 1}
    assert len(rows) == sum(per_state[state] for _, state, _, _ in sent)
    assert world["worker"].wakes > 0


async def test_reminder_text_is_in_the_readers_language_with_its_local_date(pool, world):
    due = await new_deadline(pool, world, cairo(2026, 12, 20), form_key="arcp_evaluation",
                             states=("MA",))
    await run_until(datetime(2026, 12, 6, 12, tzinfo=UTC))
    rows = {d.recipient_id: d.payload for d in await deliveries(pool)}
    english, arabic = (strip_bidi(rows[world[who]]["text"]) for who in ("MA-en", "MA-ar"))
    assert "14 days left" in english and "Questionnaire evaluating" in english
    assert "December 20, 2026" in english and "Casablanca time" in english
    assert "not started" in english and "Action plan item 9: Evaluation" in english
    assert "بقي 14 يومًا" in arabic and "استبيان تقييم" in arabic and "الدار البيضاء" in arabic
    assert rows[world["MA-en"]]["buttons"] == [[["📝 Open the questionnaire", f"owe:{due}"]]]


# -- quiet hours, missed slots, clock jumps -------------------------------------------------------
async def test_a_slot_missed_until_quiet_hours_is_skipped_not_sent_at_night(pool, world):
    deadline = await new_deadline(pool, world, cairo(2026, 12, 20), task_en="Send the list",
                                  states=("OM", "MA"))
    # The bot is down from before 10:00 on 6 December until 21:30 in Muscat (17:30 UTC),
    # which is still 18:30 in Morocco: Oman's slot is skipped, Morocco's goes out.
    clock.freeze(datetime(2026, 12, 6, 17, 30, tzinfo=UTC))
    await jobs.sweep_reminders()
    assert [(s, d) for _, s, d, _ in await sent_reminders(pool)] == [("MA", 14)]
    async with transaction(pool) as s:
        oman = await s.scalar(select(Reminder).where(Reminder.member_state_code == "OM",
                                                     Reminder.days == 14))
        assert (oman.status, oman.reason) == (ReminderStatus.SKIPPED, "missed")
    # The clock jumps ten days ahead: only the slots of that local day may go out.
    clock.freeze(datetime(2026, 12, 17, 11, tzinfo=UTC))
    await jobs.sweep_reminders()
    assert sorted((s, d) for dd, s, d, _ in await sent_reminders(pool) if dd == deadline) == [
        ("MA", 3), ("MA", 14), ("OM", 3)]
    # and back two days: nothing is sent again
    clock.freeze(datetime(2026, 12, 15, 11, tzinfo=UTC))
    await jobs.sweep_reminders()
    assert len(await sent_reminders(pool)) == 3


async def test_a_deadline_set_in_the_past_gets_only_overdue_reminders(pool, world):
    await new_deadline(pool, world, cairo(2026, 11, 25), task_en="Late already", states=("EG",))
    await run_until(START + timedelta(days=40))
    assert [d for _, _, d, _ in await sent_reminders(pool)] == [-7, -14, -21, -28]
    assert all(d < 0 for _, _, d, _ in await sent_reminders(pool))


async def test_a_deadline_set_late_skips_the_early_offsets(pool, world):
    await new_deadline(pool, world, cairo(2026, 12, 5), task_en="Soon", states=("EG",))
    await run_until(datetime(2026, 12, 5, 23, tzinfo=UTC))
    assert [d for _, _, d, _ in await sent_reminders(pool)] == [3, 1, 0]


# -- changes by the secretariat -----------------------------------------------------------------
async def test_extending_a_deadline_plans_its_reminders_anew(pool, world):
    deadline = await new_deadline(pool, world, cairo(2026, 12, 20), task_en="Extend me",
                                  states=("EG",))
    await run_until(datetime(2026, 12, 13, 12, tzinfo=UTC))
    assert [d for _, _, d, _ in await sent_reminders(pool)] == [14, 7]
    async with transaction(pool) as s:
        boss = await s.get(User, world["boss"])
        await deadlines.move(s, boss, deadline, cairo(2026, 12, 31), hour=HOUR)
    await run_until(datetime(2027, 1, 1, 12, tzinfo=UTC))
    sent = [(d, at.astimezone(CAIRO).date()) for _, _, d, at in await sent_reminders(pool)]
    assert sent == [(14, date(2026, 12, 6)), (7, date(2026, 12, 13)),
                    (14, date(2026, 12, 17)), (7, date(2026, 12, 24)), (3, date(2026, 12, 28)),
                    (1, date(2026, 12, 30)), (0, date(2026, 12, 31))]
    async with transaction(pool) as s:
        history = await reminders.history(s, await s.get(User, world["boss"]), deadline)
    moved = [h for h in history if h.revision == 1 and h.outcomes.get("moved")]
    assert {h.days for h in moved} == {3, 1, 0, -7, -14, -21, -28}  # the old date's, dropped
    assert history[0].revision == 2


async def test_closing_a_deadline_stops_its_reminders(pool, world):
    deadline = await new_deadline(pool, world, cairo(2026, 12, 20), task_en="Close me")
    await run_until(datetime(2026, 12, 7, tzinfo=UTC))
    first = len(await sent_reminders(pool))
    assert first == 3  # the 14 days' slot of each state with a focal point
    async with transaction(pool) as s:
        await deadlines.close(s, await s.get(User, world["boss"]), deadline)
    await run_until(START + timedelta(days=40))
    assert len(await sent_reminders(pool)) == first


async def test_changing_the_reminder_days_keeps_what_was_sent(pool, world):
    deadline = await new_deadline(pool, world, cairo(2026, 12, 20), task_en="Days",
                                  states=("EG",))
    await run_until(datetime(2026, 12, 7, tzinfo=UTC))
    async with transaction(pool) as s:
        await deadlines.set_offsets(s, await s.get(User, world["boss"]), deadline, (14, 2),
                                    hour=HOUR)
    await run_until(datetime(2026, 12, 21, tzinfo=UTC))
    assert [d for _, _, d, _ in await sent_reminders(pool)] == [14, 2]


# -- restarts and races -------------------------------------------------------------------------
async def test_a_sweep_that_dies_midway_sends_each_slot_once_when_run_again(
        pool, world, monkeypatch):
    await new_deadline(pool, world, cairo(2026, 12, 20), task_en="Crash", states=("EG", "MA",
                                                                                   "OM"))
    clock.freeze(datetime(2026, 12, 6, 10, tzinfo=UTC))  # every state's 14-day slot is due
    real_enqueue, calls = outbox.enqueue, []

    async def dying(session, kind, ref, items):
        calls.append(ref)
        if len(calls) == 2:
            raise RuntimeError("the process is killed here")
        return await real_enqueue(session, kind, ref, items)

    monkeypatch.setattr(outbox, "enqueue", dying)
    with pytest.raises(RuntimeError):
        await jobs.sweep_reminders()
    assert len(await sent_reminders(pool)) == 1  # the second slot's transaction was undone
    monkeypatch.setattr(outbox, "enqueue", real_enqueue)
    await asyncio.gather(jobs.sweep_reminders(), jobs.sweep_reminders())  # and two at once
    await jobs.sweep_reminders()
    sent = await sent_reminders(pool)
    assert sorted(s for _, s, _, _ in sent) == ["EG", "MA", "OM"]
    assert len(await deliveries(pool)) == 4  # Morocco has two focal points


async def test_a_state_with_no_focal_point_is_skipped_and_shown_in_the_history(pool, world):
    deadline = await new_deadline(pool, world, cairo(2026, 12, 20), task_en="Nobody",
                                  states=("JO", "EG"))
    await run_until(datetime(2026, 12, 6, 12, tzinfo=UTC))
    async with transaction(pool) as s:
        history = await reminders.history(s, await s.get(User, world["boss"]), deadline)
    fourteen = next(h for h in history if h.days == 14)
    assert fourteen.outcomes == {"sent": 1, "nobody": 1}
    assert fourteen.states_sent == ["EG"] and fourteen.people == 1


# -- the weekly digest --------------------------------------------------------------------------
async def test_the_weekly_digest_goes_once_a_week_to_the_secretariat(pool, world):
    await new_deadline(pool, world, cairo(2026, 12, 3), form_key="arcp_evaluation",
                       states=("EG", "MA", "OM"))
    await submit(pool, world, "MA")
    clock.freeze(datetime(2026, 12, 6, 7, tzinfo=UTC))  # Sunday 09:00 in Cairo
    assert await jobs.weekly_digest() == 1
    assert await jobs.weekly_digest() == 0  # run again (a restart): nothing more
    (row,) = await deliveries(pool, reminders.DIGEST_KIND)
    assert row.recipient_id == world["boss"]
    text = strip_bidi(row.payload["text"])
    assert "Weekly digest" in text and "✅ 1" in text and "⚠️ 2" in text
    assert "Late: Egypt, Oman" in text and "Submitted: Morocco" in text
    clock.advance(7 * 86400)
    assert await jobs.weekly_digest() == 1


async def test_a_digest_run_late_on_monday_does_not_take_the_next_sundays_place(pool, world):
    await new_deadline(pool, world, cairo(2026, 12, 30), task_en="Digest", states=("EG",))
    clock.freeze(datetime(2026, 12, 7, 8, tzinfo=UTC))  # Monday: the bot was down on Sunday
    assert await jobs.weekly_digest() == 1
    clock.freeze(datetime(2026, 12, 13, 7, tzinfo=UTC))  # the next Sunday, 09:00 Cairo
    assert await jobs.weekly_digest() == 1
    refs = [d.ref for d in await deliveries(pool, reminders.DIGEST_KIND)]
    assert refs == ["2026-12-06", "2026-12-13"]


# -- a reminder waiting in the outbox -----------------------------------------------------------
async def claim_all(pool) -> list[int]:
    async with transaction(pool) as s:
        held = await outbox.claim(s, "w1", 100, 30, CHECKS)
        return [row.id for row in held]


async def test_a_queued_reminder_is_dropped_once_its_state_has_answered(pool, world):
    deadline = await new_deadline(pool, world, cairo(2026, 12, 20), task_en="Delegation",
                                  states=("OM", "EG"))
    clock.freeze(datetime(2026, 12, 6, 16, 50, tzinfo=UTC))  # 20:50 in Muscat, 18:50 in Cairo
    await jobs.sweep_reminders()
    assert len(await deliveries(pool)) == 2  # queued; the worker has not sent them yet
    async with transaction(pool) as s:
        await deadlines.mark_done(s, await s.get(User, world["OM-en"]), deadline)
    held = await claim_all(pool)
    statuses = {d.recipient_id: d.status for d in await deliveries(pool)}
    assert statuses[world["OM-en"]] == DeliveryStatus.DROPPED  # Oman answered meanwhile
    assert statuses[world["EG-ar"]] == DeliveryStatus.PENDING and len(held) == 1


async def test_a_queued_reminder_is_not_sent_in_the_quiet_hours(pool, world):
    await new_deadline(pool, world, cairo(2026, 12, 20), task_en="Night", states=("OM",))
    clock.freeze(datetime(2026, 12, 6, 16, 50, tzinfo=UTC))  # 20:50 in Muscat
    await jobs.sweep_reminders()
    clock.freeze(datetime(2026, 12, 6, 19, 40, tzinfo=UTC))  # the worker is back at 23:40
    assert await claim_all(pool) == []
    assert [d.status for d in await deliveries(pool)] == [DeliveryStatus.DROPPED]


@pytest.mark.parametrize("zone, due", [
    ("Africa/Cairo", datetime(2027, 5, 5, 12, tzinfo=ZoneInfo("Africa/Cairo"))),  # summer time
    ("Africa/Cairo", datetime(2027, 11, 5, 12, tzinfo=ZoneInfo("Africa/Cairo"))),  # ends 28 Oct
    ("Africa/Casablanca", datetime(2027, 2, 20, 16, tzinfo=ZoneInfo("Africa/Cairo"))),  # Ramadan
    ("Africa/Casablanca", datetime(2027, 3, 20, 16, tzinfo=ZoneInfo("Africa/Cairo"))),
])
async def test_reminders_keep_their_local_hour_across_a_change_of_time(zone, due):
    """Egypt's summer time (30 April - 28 October 2027) and Morocco's Ramadan hour (7 February
    - 14 March 2027) fall between some reminders of these deadlines."""
    deadline = Deadline(due_at=due.astimezone(UTC), offsets=[30, 21, 14, 7, 3, 1, 0],
                        overdue_every=7, overdue_max=4)
    moments = reminder_slots.slots(deadline, ZoneInfo(zone), HOUR)
    assert len(moments) == 11
    offsets = {m.astimezone(ZoneInfo(zone)).utcoffset() for _, m in moments}
    assert len(offsets) == 2  # the change really lies between them
    for _, moment in moments:
        local = moment.astimezone(ZoneInfo(zone))
        assert (local.hour, local.minute) == (HOUR, 0)


async def test_no_reminder_for_a_questionnaire_that_is_not_open(pool, world):
    deadline = await new_deadline(pool, world, cairo(2026, 12, 20),
                                  form_key="regional_processes", states=("EG",))
    await run_until(datetime(2026, 12, 6, 12, tzinfo=UTC))
    assert await sent_reminders(pool) == []
    async with transaction(pool) as s:
        history = await reminders.history(s, await s.get(User, world["boss"]), deadline)
    assert next(h for h in history if h.days == 14).outcomes == {"not-open": 1}
