"""The delivery worker against the fake Bot API: limits, failures, crashes, two workers."""

import asyncio
import itertools
import os
import sys
import time
from collections import Counter
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.delivery import DeliveryWorker, classify
from sandbox.telegram import FakeTelegram
from services import outbox
from storage.database import create_engine, create_sessionmaker, transaction
from storage.models import Delivery, DeliveryStatus, Role, User, UserStatus
from tests.conftest import make_settings

KIND = "announcement"
STATES = ("EG", "JO", "MA", "PS", "TN", "SA")
_ids = itertools.count(810_000)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
async def workers(tg, pool, db_url):
    """Make workers with short waits; all are stopped at the end of the test."""
    made: list[DeliveryWorker] = []

    def make(worker_pool=None, **options) -> DeliveryWorker:
        options = {"poll_interval": 0.05, "lease": 2.0, "timeout": 2.0, "backoff": 0.05,
                   **options}
        worker = DeliveryWorker(worker_pool or pool, make_settings(tg, db_url), **options)
        made.append(worker)
        return worker

    yield make
    for worker in made:
        await worker.stop(timeout=1)


WORKER_PROCESS = """
import asyncio, sys
from bot.config import Settings
from bot.delivery import DeliveryWorker
from storage.database import create_engine, create_sessionmaker

async def main(api, db_url):
    settings = Settings(_env_file=None, bot_token=sys.argv[3], database_url=db_url,
                        telegram_api_url=api)
    pool = create_sessionmaker(create_engine(db_url))
    worker = DeliveryWorker(pool, settings, worker_id="doomed", lease=1.0, timeout=0.6,
                            poll_interval=0.05)
    await worker.start()
    await asyncio.Event().wait()

asyncio.run(main(sys.argv[1], sys.argv[2]))
"""


async def worker_process(tg, db_url) -> asyncio.subprocess.Process:
    """A worker in a process of its own, to be killed without a chance to clean up."""
    return await asyncio.create_subprocess_exec(
        sys.executable, "-c", WORKER_PROCESS, tg.base_url, db_url, FakeTelegram.TOKEN,
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdin=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)


async def people(pool, tg, count: int, *, started: bool = True) -> list[User]:
    """Focal points of several states, each having opened the chat with the bot."""
    async with transaction(pool) as session:
        users = []
        for n in range(count):
            telegram_id = next(_ids)
            users.append(User(telegram_id=telegram_id, full_name=f"Focal {n}",
                              role=Role.FOCAL_POINT, member_state_code=STATES[n % len(STATES)],
                              status=UserStatus.ACTIVE, locale="en"))
            if started:
                tg.user(telegram_id, first_name=f"Focal{n}", started=True)
        session.add_all(users)
    return users


def text_for(user: User) -> str:
    return f"Meeting on <b>Tuesday</b> &amp; Wednesday, {user.full_name}"


async def broadcast(pool, users, ref="1", payload=None) -> None:
    items = [outbox.Outgoing(u.id, u.telegram_id, payload or {"text": text_for(u)})
             for u in users]
    async with transaction(pool) as session:
        assert await outbox.enqueue(session, KIND, ref, items) == len(users)


async def report(pool, ref="1") -> outbox.Report:
    async with transaction(pool) as session:
        return await outbox.report(session, KIND, ref)


async def finished(pool, ref="1", timeout=15.0) -> outbox.Report:
    deadline = time.monotonic() + timeout
    while True:
        result = await report(pool, ref)
        if result.finished:
            return result
        assert time.monotonic() < deadline, result.counts
        await asyncio.sleep(0.05)


async def deliveries(pool) -> dict[int, Delivery]:
    """Rows by chat id."""
    async with transaction(pool) as session:
        return {d.chat_id: d for d in await session.scalars(select(Delivery))}


def sends_per_chat(tg) -> Counter:
    return Counter(send.chat_id for send in tg.sends)


def statuses(result: outbox.Report) -> dict[str, int]:
    return {str(status): n for status, n in result.counts.items() if n}


# -- throughput within limits -------------------------------------------------------------------
async def test_broadcast_to_300_stays_within_flood_limits(tg, pool, workers):
    tg.enforce_limits(30, 1)
    users = await people(pool, tg, 300)
    await broadcast(pool, users)
    worker = workers()

    began = time.monotonic()
    await worker.start()
    result = await finished(pool, timeout=30)
    elapsed = time.monotonic() - began
    await worker.stop()

    assert statuses(result) == {"sent": 300}
    assert not tg.rate_violations
    assert not [e for e in tg.errors if e[1] == 429], tg.errors[:3]
    assert sends_per_chat(tg) == {u.telegram_id: 1 for u in users}
    for user in users:
        [message] = tg.user(user.telegram_id).messages()
        assert message.text == f"Meeting on Tuesday & Wednesday, {user.full_name}"
        assert message.entities[0]["type"] == "bold"
    assert tg.max_sends_in_window(1.0) <= 30
    assert elapsed < 300 / 29 + 3, f"{300 / elapsed:.1f} messages/s"  # close to the limit
    rows = await deliveries(pool)
    assert all(r.message_id and r.sent_at and r.lease_until is None for r in rows.values())


async def test_several_messages_to_one_chat_are_a_second_apart(tg, pool, workers):
    tg.enforce_limits(30, 1)
    [user] = await people(pool, tg, 1)
    for ref in ("1", "2", "3"):
        await broadcast(pool, [user], ref)
    worker = workers()
    assert await worker.run_once() == 3
    assert len(tg.sends) == 3
    gaps = [b.time - a.time for a, b in itertools.pairwise(tg.sends)]
    assert min(gaps) >= 1.0


async def test_photo_and_document_with_captions(tg, pool, workers):
    photo = tg.world.store_file(b"\x89PNG", "map.png", "image/png", "photo").file_id
    document = tg.world.store_file(b"%PDF", "plan.pdf", "application/pdf", "document").file_id
    first, second = await people(pool, tg, 2)
    await broadcast(pool, [first], "p", {"photo": photo, "caption": "The <i>map</i>"})
    await broadcast(pool, [second], "d", {"document": document, "caption": ""})
    assert await workers().run_once() == 2
    [shown] = tg.user(first.telegram_id).messages()
    assert (shown.photo.file_id, shown.caption) == (photo, "The map")
    [shown] = tg.user(second.telegram_id).messages()
    assert (shown.document.file_id, shown.caption) == (document, "")


# -- failures ---------------------------------------------------------------------------------
async def test_flood_wait_pauses_every_send_then_retries(tg, pool, workers):
    tg.enforce_limits(30, 1)
    users = await people(pool, tg, 3)
    await broadcast(pool, users)
    tg.fail("sendMessage", status=429, retry_after=1)  # the first message, whichever chat
    worker = workers()

    began = time.monotonic()
    await worker.start()
    result = await finished(pool)
    await worker.stop()

    assert statuses(result) == {"sent": 3}
    assert [e[1] for e in tg.errors] == [429]
    assert min(send.time for send in tg.sends) >= began + 1.0  # nobody went on sending
    assert sends_per_chat(tg) == {u.telegram_id: 1 for u in users}
    assert all(row.attempts == 0 for row in (await deliveries(pool)).values())
    assert worker.outcomes == {"postpone": 1, "sent": 3}


async def test_server_errors_are_retried_with_backoff_then_fail(tg, pool, workers):
    flaky, broken, fine = await people(pool, tg, 3)
    await broadcast(pool, [flaky, broken, fine])
    tg.fail("sendMessage", status=500, chat_id=flaky.telegram_id)
    tg.fail("sendMessage", status=502, chat_id=flaky.telegram_id)
    tg.fail("sendMessage", status=500, chat_id=broken.telegram_id, times=None)
    worker = workers(max_attempts=3)

    await worker.start()
    result = await finished(pool)
    await worker.stop()

    rows = await deliveries(pool)
    assert (rows[flaky.telegram_id].status, rows[flaky.telegram_id].attempts) == ("sent", 2)
    assert (rows[broken.telegram_id].status, rows[broken.telegram_id].attempts) == ("failed", 3)
    assert "Internal Server Error" in rows[broken.telegram_id].last_error
    assert rows[fine.telegram_id].status == "sent"
    assert sends_per_chat(tg) == {flaky.telegram_id: 1, fine.telegram_id: 1}
    assert [p.user_id for p in result.problems] == [broken.id]


async def test_read_timeout_is_doubt_and_not_resent(tg, pool, workers):
    slow, quick = await people(pool, tg, 2)
    await broadcast(pool, [slow])
    tg.delay("sendMessage", 1.5, times=1)
    worker = workers(timeout=0.4)
    await worker.start()
    await broadcast(pool, [quick], "2")
    result = await finished(pool)
    await asyncio.sleep(1.5)  # Telegram went on and delivered it after the client gave up

    assert statuses(result) == {"doubt": 1}
    [problem] = result.problems
    assert (problem.user_id, problem.status) == (slow.id, DeliveryStatus.DOUBT)
    assert "TimedOut" in problem.error
    assert statuses(await finished(pool, "2")) == {"sent": 1}
    assert sends_per_chat(tg) == {slow.telegram_id: 1, quick.telegram_id: 1}

    async with transaction(pool) as session:  # a person decides to send it again
        boss = User(telegram_id=next(_ids), full_name="Layla", role=Role.SECRETARIAT,
                    status=UserStatus.ACTIVE)
        session.add(boss)
        await session.flush()
        assert await outbox.resend_doubtful(session, boss, KIND, "1") == 1
    worker.wake()
    assert statuses(await finished(pool)) == {"sent": 1}
    await worker.stop()
    assert sends_per_chat(tg)[slow.telegram_id] == 2  # which is why a person decides


async def test_blocked_deactivated_unknown_and_refused(tg, pool, workers):
    blocked, gone, fine, refused = await people(pool, tg, 4)
    [stranger] = await people(pool, tg, 1, started=False)  # never wrote to the bot
    tg.block(blocked.telegram_id)
    tg.deactivate(gone.telegram_id)
    tg.fail("sendMessage", status=400, chat_id=refused.telegram_id,
            description="Bad Request: can't parse entities: unexpected end tag")
    await broadcast(pool, [blocked, gone, stranger, fine, refused])

    assert await workers().run_once() == 5

    result = await report(pool)
    assert statuses(result) == {"sent": 1, "blocked": 3, "failed": 1}
    assert {p.user_id: str(p.status) for p in result.problems} == {
        blocked.id: "blocked", gone.id: "blocked", stranger.id: "blocked", refused.id: "failed"}
    errors = {p.user_id: p.error.lower() for p in result.problems}
    assert "blocked by the user" in errors[blocked.id]
    assert "deactivated" in errors[gone.id]
    assert "chat not found" in errors[stranger.id]
    assert "can't parse entities" in errors[refused.id]
    calls = Counter(params["chat_id"] for method, params in tg.calls if method == "sendMessage")
    assert all(n == 1 for n in calls.values()), calls  # none of them retried
    assert await workers().run_once() == 0


@pytest.mark.parametrize("error, status", [
    (RetryAfter(3), "postpone"),
    (Forbidden("Forbidden: bot was blocked by the user"), "blocked"),
    (BadRequest("Bad Request: chat not found"), "blocked"),
    (BadRequest("Bad Request: message is too long"), "failed"),
    (NetworkError("Internal Server Error"), "retry"),
    (NetworkError("Bad Gateway"), "retry"),
    (ValueError("unexpected"), "doubt"),
])
def test_classify(error, status):
    outcome = classify(error)
    assert outcome.status == status
    assert outcome.error.count(type(error).__name__) == 1  # "Forbidden: Forbidden: ..." no more
    if status == "postpone":
        assert outcome.wait == 3


@pytest.mark.parametrize("cause, status", [
    (httpx.ConnectError("refused"), "retry"),
    (httpx.ConnectTimeout("slow connect"), "retry"),
    (httpx.PoolTimeout("pool"), "retry"),
    (httpx.ReadTimeout("no answer"), "doubt"),
    (httpx.WriteTimeout("half sent"), "doubt"),
    (httpx.RemoteProtocolError("closed"), "doubt"),
    (httpx.ReadError("reset"), "doubt"),
])
def test_classify_network_errors_by_what_reached_telegram(cause, status):
    wrapper = TimedOut if isinstance(cause, httpx.TimeoutException) else NetworkError
    try:
        try:
            raise cause
        except httpx.HTTPError as inner:
            raise wrapper(str(inner)) from inner
    except NetworkError as error:
        assert classify(error).status == status


# -- crashes and company ----------------------------------------------------------------------
async def test_crash_mid_broadcast_then_a_new_worker(tg, pool, db_url, workers):
    tg.enforce_limits(30, 1)
    tg.delay("sendMessage", 0.25)  # slow answers: requests are under way when it dies
    users = await people(pool, tg, 60)
    await broadcast(pool, users)
    doomed = await worker_process(tg, db_url)
    try:
        async with asyncio.timeout(20):
            while len(tg.sends) < 15:  # noqa: ASYNC110
                assert doomed.returncode is None, (await doomed.stderr.read()).decode()
                await asyncio.sleep(0.01)
    finally:
        doomed.kill()  # SIGKILL: no stop(), no rollback, no goodbye
        await doomed.wait()
    rows = await deliveries(pool)
    cut = {chat for chat, row in rows.items() if row.status == "sending"}
    assert cut, "no request was under way"
    assert all(row.claimed_by == "doomed" for row in rows.values() if row.status != "pending")

    worker = workers(lease=1.0, timeout=0.6)
    await worker.start()
    result = await finished(pool, timeout=20)
    await worker.stop()

    counts = sends_per_chat(tg)
    rows = await deliveries(pool)
    doubt = {chat for chat, row in rows.items() if row.status == "doubt"}
    assert doubt == cut  # only what may have gone out, reported, not resent
    assert statuses(result) == {"sent": 60 - len(cut), "doubt": len(cut)}
    assert {p.user_id for p in result.problems} == {
        r.recipient_id for r in rows.values() if r.chat_id in cut}
    assert all(counts[u.telegram_id] == 1 for u in users if u.telegram_id not in cut)
    assert all(counts[chat] <= 1 for chat in cut)  # none twice
    assert sum(counts[chat] for chat in cut) >= 1  # and some did arrive: right not to resend


async def test_stop_finishes_what_is_under_way_and_gives_back_the_rest(tg, pool, workers):
    tg.enforce_limits(30, 1)
    users = await people(pool, tg, 40)
    await broadcast(pool, users)
    first = workers(lease=30)
    await first.start()
    async with asyncio.timeout(10):
        while len(tg.sends) < 5:  # noqa: ASYNC110 (the fake server has no event to wait on)
            await asyncio.sleep(0.01)
    await first.stop()

    rows = await deliveries(pool)
    assert {str(r.status) for r in rows.values()} == {"sent", "pending"}
    assert all(r.claimed_by is None for r in rows.values() if r.status == "pending")
    assert len(tg.sends) == sum(r.status == "sent" for r in rows.values())

    second = workers(lease=30)  # need not wait for any lease
    await second.start()
    assert statuses(await finished(pool, timeout=5)) == {"sent": 40}
    await second.stop()
    assert sends_per_chat(tg) == {u.telegram_id: 1 for u in users}


async def test_stop_does_not_wait_forever_for_an_answer(tg, pool, workers):
    [user] = await people(pool, tg, 1)
    await broadcast(pool, [user])
    tg.delay("sendMessage", 1.5, times=1)
    worker = workers(timeout=5)
    await worker.start()
    async with asyncio.timeout(5):
        while not any(method == "sendMessage" for method, _ in tg.calls):  # noqa: ASYNC110
            await asyncio.sleep(0.01)

    began = time.monotonic()
    await worker.stop(timeout=0.2)

    assert time.monotonic() - began < 1.0
    [row] = (await deliveries(pool)).values()
    assert (row.status, row.last_error) == ("doubt", "stopped while sending: it may have arrived")


async def test_wake_sends_at_once_without_waiting_for_the_poll(tg, pool, workers):
    [user] = await people(pool, tg, 1)
    worker = workers(poll_interval=30)
    await worker.start()
    await asyncio.sleep(0.3)  # it has looked, found nothing and sleeps
    await broadcast(pool, [user])
    worker.wake()
    assert statuses(await finished(pool, timeout=2)) == {"sent": 1}


async def test_two_workers_on_one_database_send_nothing_twice(tg, pool, db_url, workers):
    users = await people(pool, tg, 120)
    await broadcast(pool, users)
    engine = create_engine(db_url)  # a second process would have its own connections
    try:
        one = workers(batch=10, worker_id="one")
        two = workers(create_sessionmaker(engine), batch=10, worker_id="two")
        await asyncio.gather(one.start(), two.start())
        assert statuses(await finished(pool, timeout=20)) == {"sent": 120}
        await asyncio.gather(one.stop(), two.stop())
    finally:
        await engine.dispose()
    assert sends_per_chat(tg) == {u.telegram_id: 1 for u in users}
    assert one.outcomes["sent"] and two.outcomes["sent"]
    assert one.outcomes["sent"] + two.outcomes["sent"] == 120
    rows = await deliveries(pool)
    assert Counter(r.claimed_by for r in rows.values()) == {
        "one": one.outcomes["sent"], "two": two.outcomes["sent"]}
