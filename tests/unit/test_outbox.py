"""The outbox rules: what may be queued, who holds a row, what becomes of it, what is reported."""

import asyncio
import itertools
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from services import clock, outbox
from services.errors import MessageTooLong, NotAllowed
from storage.database import transaction
from storage.models import AuditLog, Delivery, DeliveryStatus, Role, User, UserStatus
from storage.repositories import deliveries as repo

KIND, REF = "announcement", "1"
_telegram_ids = itertools.count(5000)


async def add_users(session, states, role=Role.FOCAL_POINT) -> list[User]:
    users = []
    for state in states:
        n = next(_telegram_ids)
        users.append(User(telegram_id=n, full_name=f"Person {n}", role=role,
                          member_state_code=state, status=UserStatus.ACTIVE, locale="en"))
    session.add_all(users)
    await session.flush()
    return users


def items(users, text="Hello") -> list[outbox.Outgoing]:
    return [outbox.Outgoing(u.id, u.telegram_id, {"text": f"{text} <b>{u.id}</b>"})
            for u in users]


async def rows(pool) -> dict[int, Delivery]:
    async with transaction(pool) as session:
        return {d.id: d for d in await session.scalars(select(Delivery))}


async def queued(pool, states=("EG", "JO", "MA")) -> list[User]:
    async with transaction(pool) as session:
        users = await add_users(session, states)
        await outbox.enqueue(session, KIND, REF, items(users))
    return users


# -- check_payload ----------------------------------------------------------------------------
def test_text_may_be_4096_visible_characters():
    outbox.check_payload({"text": "a" * 4096})
    outbox.check_payload({"text": "<b>" + "a" * 4095 + "</b>&amp;"})  # tags are not counted
    outbox.check_payload({"text": "&lt;" * 4096})  # an entity is one character
    with pytest.raises(MessageTooLong) as refusal:
        outbox.check_payload({"text": "<i>" + "ب" * 4097 + "</i>"})
    assert refusal.value.reason == "too-long"
    assert refusal.value.details == {"limit": 4096, "length": 4097}


def test_emoji_outside_the_bmp_count_twice():
    outbox.check_payload({"text": "🙂" * 2048})
    with pytest.raises(MessageTooLong):
        outbox.check_payload({"text": "🙂" * 2049})


def test_caption_may_be_1024_visible_characters():
    outbox.check_payload({"photo": "PHOTO-1", "caption": "<b>" + "x" * 1024 + "</b>"})
    outbox.check_payload({"document": "DOC-1"})  # no caption at all
    with pytest.raises(MessageTooLong) as refusal:
        outbox.check_payload({"document": "DOC-1", "caption": "x" * 1025})
    assert refusal.value.details == {"limit": 1024, "length": 1025}


def test_text_with_nothing_visible_is_refused():
    with pytest.raises(MessageTooLong) as refusal:
        outbox.check_payload({"text": "<b> </b>\n"})
    assert refusal.value.reason == "empty"


@pytest.mark.parametrize("payload", [{}, {"text": "a", "photo": "P"}, {"caption": "a"},
                                     {"photo": ""}, {"text": 5}])
def test_payload_of_the_wrong_shape_is_a_programming_error(payload):
    with pytest.raises(ValueError):
        outbox.check_payload(payload)


# -- enqueue ------------------------------------------------------------------------------------
async def test_enqueue_skips_what_is_already_queued(pool):
    async with transaction(pool) as session:
        users = await add_users(session, ["EG", "JO", "MA", "TN"])
        assert await outbox.enqueue(session, KIND, REF, items(users[:3])) == 3
        assert await outbox.enqueue(session, KIND, REF, items(users, "Again")) == 1
        assert await outbox.enqueue(session, KIND, "2", items(users[:1])) == 1  # another thing
        assert await outbox.enqueue(session, KIND, REF, []) == 0
    stored = await rows(pool)
    assert len(stored) == 5
    first = next(d for d in stored.values() if d.recipient_id == users[0].id and d.ref == REF)
    assert first.payload["text"].startswith("Hello")  # the first queuing stands
    assert {d.status for d in stored.values()} == {DeliveryStatus.PENDING}


async def test_enqueue_refuses_the_whole_batch_when_one_is_too_long(pool):
    async with transaction(pool) as session:
        users = await add_users(session, ["EG", "JO"])
        batch = items(users)
        batch[1].payload = {"text": "x" * 5000}
        with pytest.raises(MessageTooLong):
            await outbox.enqueue(session, KIND, REF, batch)
    assert await rows(pool) == {}


async def test_enqueue_of_many_rows_goes_in_chunks(pool):
    async with transaction(pool) as session:
        users = await add_users(session, ["EG"] * (repo.INSERT_CHUNK + 20))
        assert await outbox.enqueue(session, KIND, REF, items(users)) == len(users)
        assert await outbox.enqueue(session, KIND, REF, items(users)) == 0


# -- claiming -------------------------------------------------------------------------------------
async def claim(pool, worker, limit=10, lease=30.0) -> list[outbox.Claimed]:
    async with transaction(pool) as session:
        return await outbox.claim(session, worker, limit, lease)


async def test_two_claimers_never_hold_the_same_row(pool):
    await queued(pool, ["EG"] * 10)
    first, second = await asyncio.gather(claim(pool, "a", 6), claim(pool, "b", 6))
    assert not {r.id for r in first} & {r.id for r in second}
    # On SQLite both may have read the same candidates: the loser gets fewer, never the same.
    rest = await claim(pool, "c", 10)
    assert len(first) + len(second) + len(rest) == 10
    assert await claim(pool, "d") == []


async def test_claim_is_a_compare_and_set(pool):
    """A candidate another worker took between select and update is not taken twice."""
    await queued(pool)
    async with transaction(pool) as session:
        seen = await repo.due_ids(session, clock.now(), 10)
    assert len(await claim(pool, "b")) == 3  # b got there first
    async with transaction(pool) as session:
        now = clock.now()
        assert await repo.reserve(session, seen, "a", now, now) == []


async def test_claim_takes_due_rows_oldest_first_with_their_content(pool):
    users = await queued(pool)
    async with transaction(pool) as session:
        late = await add_users(session, ["TN"])
        await outbox.enqueue(session, KIND, "2", items(late))
        await session.execute(Delivery.__table__.update()
                              .where(Delivery.ref == "2")
                              .values(not_before=clock.now() + timedelta(seconds=60)))
    held = await claim(pool, "a", lease=120)
    assert [r.chat_id for r in held] == [u.telegram_id for u in users]
    assert held[0].payload == {"text": f"Hello <b>{users[0].id}</b>"}
    clock.advance(61)
    assert [r.chat_id for r in await claim(pool, "a")] == [late[0].telegram_id]


async def test_held_rows_stay_pending_and_free_up_when_the_lease_ends(pool):
    await queued(pool)
    held = await claim(pool, "a", lease=30)
    assert {d.status for d in (await rows(pool)).values()} == {DeliveryStatus.PENDING}
    assert await claim(pool, "b") == []
    clock.advance(31)
    assert len(await claim(pool, "b")) == 3  # a died before sending: no doubt, no loss
    async with transaction(pool) as session:
        assert not await outbox.start_sending(session, held[0].id, "a", 30)


async def test_start_sending_then_sent(pool):
    await queued(pool)
    row = (await claim(pool, "a"))[0]
    async with transaction(pool) as session:
        assert await outbox.start_sending(session, row.id, "a", 30)
        assert not await outbox.start_sending(session, row.id, "a", 30)  # once only
        assert not await outbox.mark_sent(session, row.id, "b", 77)  # not b's
        assert await outbox.mark_sent(session, row.id, "a", 77)
    stored = (await rows(pool))[row.id]
    assert (stored.status, stored.message_id, stored.lease_until) == (
        DeliveryStatus.SENT, 77, None)
    assert stored.sent_at is not None


async def test_release_gives_held_rows_back_at_once(pool):
    await queued(pool)
    held = await claim(pool, "a")
    async with transaction(pool) as session:
        assert await outbox.release(session, [r.id for r in held], "b") == 0
        assert await outbox.release(session, [r.id for r in held], "a") == 3
    assert len(await claim(pool, "b")) == 3


async def sending(pool, worker="a", lease=30.0) -> outbox.Claimed:
    row = (await claim(pool, worker, 1, lease))[0]
    async with transaction(pool) as session:
        assert await outbox.start_sending(session, row.id, worker, lease)
    return row


# -- outcomes -----------------------------------------------------------------------------------
async def test_retry_later_counts_attempts_then_fails(pool):
    await queued(pool, ["EG"])
    for attempt in range(1, 4):
        row = await sending(pool)
        async with transaction(pool) as session:
            status = await outbox.retry_later(session, row.id, "a", 10, "Bad Gateway",
                                              max_attempts=3)
        stored = (await rows(pool))[row.id]
        assert (status, stored.attempts, stored.last_error) == (
            DeliveryStatus.FAILED if attempt == 3 else DeliveryStatus.PENDING, attempt,
            "Bad Gateway")
        if attempt < 3:
            assert await claim(pool, "a") == []  # not before its time
            clock.advance(11)
    assert await claim(pool, "a") == []


def test_backoff_doubles_up_to_a_cap():
    assert [outbox.backoff(n, 2.0) for n in (1, 2, 3, 4)] == [2.0, 4.0, 8.0, 16.0]
    assert outbox.backoff(30, 2.0) == 300.0


async def test_postpone_waits_without_counting_an_attempt(pool):
    await queued(pool, ["EG"])
    row = await sending(pool)
    async with transaction(pool) as session:
        assert await outbox.postpone(session, row.id, "a", 5, "RetryAfter: 5")
    stored = (await rows(pool))[row.id]
    assert (stored.status, stored.attempts, stored.claimed_by) == (
        DeliveryStatus.PENDING, 0, None)
    assert await claim(pool, "b") == []
    clock.advance(6)
    assert len(await claim(pool, "b")) == 1


@pytest.mark.parametrize("mark, status", [
    (outbox.mark_blocked, DeliveryStatus.BLOCKED),
    (outbox.mark_failed, DeliveryStatus.FAILED),
    (outbox.mark_doubt, DeliveryStatus.DOUBT),
])
async def test_final_outcomes(pool, mark, status):
    await queued(pool, ["EG"])
    row = await sending(pool)
    async with transaction(pool) as session:
        assert await mark(session, row.id, "a", "x" * 600)
    stored = (await rows(pool))[row.id]
    assert stored.status == status
    assert len(stored.last_error) == outbox.ERROR_LENGTH
    assert await claim(pool, "a") == []


# -- crashes ------------------------------------------------------------------------------------
async def test_recover_stale_turns_expired_sending_into_doubt(pool):
    await queued(pool, ["EG", "JO", "MA"])
    crashed = await sending(pool, "a", lease=10)
    alive = await sending(pool, "b", lease=60)
    async with transaction(pool) as session:
        assert await outbox.recover_stale(session, clock.now()) == 0
    clock.advance(11)
    async with transaction(pool) as session:
        assert await outbox.recover_stale(session, clock.now()) == 1
    stored = await rows(pool)
    assert stored[crashed.id].status == DeliveryStatus.DOUBT
    assert "may have arrived" in stored[crashed.id].last_error
    assert stored[alive.id].status == DeliveryStatus.SENDING
    async with transaction(pool) as session:
        # the stopped worker's answer came after all: the real outcome wins
        assert await outbox.mark_sent(session, crashed.id, "a", 9)
    assert (await rows(pool))[crashed.id].status == DeliveryStatus.SENT
    assert len(await claim(pool, "c")) == 1  # the third row was never touched


# -- report and resend ------------------------------------------------------------------------
async def test_report_counts_per_status_and_state_and_lists_problems(pool):
    async with transaction(pool) as session:
        people = await add_users(session, ["EG", "EG", "JO", "MA"])
        boss = (await add_users(session, [None], Role.SECRETARIAT))[0]
        await outbox.enqueue(session, KIND, REF, items([*people, boss]))
        await outbox.enqueue(session, KIND, "other", items(people))
    held = {}
    for row in await claim(pool, "a", 10):  # oldest first: REF's rows come before "other"'s
        held.setdefault(row.chat_id, row)
    outcomes = {
        people[0]: outbox.mark_sent, people[1]: outbox.mark_blocked,
        people[2]: outbox.mark_doubt, people[3]: outbox.mark_failed,
    }
    async with transaction(pool) as session:
        for person, mark in outcomes.items():
            row = held[person.telegram_id]
            assert await outbox.start_sending(session, row.id, "a", 30)
            if mark is outbox.mark_sent:
                await mark(session, row.id, "a", 1)
            else:
                await mark(session, row.id, "a", f"error {person.id}")

        report = await outbox.report(session, KIND, REF)

    assert report.total == 5 and not report.finished
    assert {s: n for s, n in report.counts.items() if n} == {
        "sent": 1, "blocked": 1, "doubt": 1, "failed": 1, "pending": 1}
    assert {state: {s: n for s, n in counts.items() if n}
            for state, counts in report.by_state.items()} == {
        "EG": {"sent": 1, "blocked": 1}, "JO": {"doubt": 1}, "MA": {"failed": 1},
        None: {"pending": 1}}
    assert [(p.user_id, p.name, p.state, p.status, p.error) for p in report.problems] == [
        (people[2].id, people[2].full_name, "JO", DeliveryStatus.DOUBT,
         f"error {people[2].id}"),
        (people[3].id, people[3].full_name, "MA", DeliveryStatus.FAILED,
         f"error {people[3].id}"),
        (people[1].id, people[1].full_name, "EG", DeliveryStatus.BLOCKED,
         f"error {people[1].id}"),
    ]
    async with transaction(pool) as session:
        nothing = await outbox.report(session, KIND, "none")
    assert nothing.total == 0 and nothing.finished and nothing.by_state == {}


async def test_only_the_secretariat_resends_doubtful_rows(pool):
    async with transaction(pool) as session:
        person = (await add_users(session, ["EG", "JO"]))
        boss = (await add_users(session, [None], Role.SECRETARIAT))[0]
        await outbox.enqueue(session, KIND, REF, items(person))
    for _ in person:
        row = await sending(pool)
        async with transaction(pool) as session:
            await outbox.mark_doubt(session, row.id, "a", "ReadTimeout")

    async with transaction(pool) as session:
        with pytest.raises(NotAllowed):
            await outbox.resend_doubtful(session, person[0], KIND, REF)
        assert await outbox.resend_doubtful(session, boss, KIND, "other") == 0
        assert await outbox.resend_doubtful(session, boss, KIND, REF) == 2
        assert await outbox.resend_doubtful(session, boss, KIND, REF) == 0
        audit = await session.scalar(select(func.count()).select_from(AuditLog).where(
            AuditLog.action == "delivery.resend-doubtful", AuditLog.actor_id == boss.id))
    assert audit == 1
    assert len(await claim(pool, "b")) == 2
