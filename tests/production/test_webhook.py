"""`python -m bot webhook` replicas: the secret is checked, and one user's dialog goes on
whichever replica the load balancer picks, with the state in Redis and the data in PostgreSQL."""

import asyncio
import time

import pytest
from aiohttp import ClientSession
from redis import asyncio as aioredis
from sqlalchemy import func, select

from sandbox.telegram import strip_bidi
from storage.database import transaction
from storage.models import Delivery, FsmRecord, Role, User, UserStatus
from tests.conftest import make_settings
from tests.e2e.flows import create_invite, join, secretariat
from tests.e2e.test_announcements import compose
from tests.production.replicas import PATH, SECRET, Balancer, Replica

HEADER = "X-Telegram-Bot-Api-Secret-Token"


@pytest.fixture
async def balancer():
    balancer = await Balancer().start()
    yield balancer
    await balancer.stop()


@pytest.fixture
async def replicas(tg, db_url, balancer):
    started: list[Replica] = []

    async def start(count: int, **overrides) -> list[Replica]:
        settings = make_settings(tg, db_url, webhook_url=balancer.url + PATH,
                                 webhook_secret=SECRET, **overrides)
        for _ in range(count):
            replica = await Replica(tg, settings).start()
            started.append(replica)
            balancer.backends.append(replica.url)
        return started

    yield start
    for replica in started:
        await replica.stop()


def text_update(update_id: int, user_id: int, text: str) -> dict:
    sender = {"id": user_id, "is_bot": False, "first_name": "Sami", "language_code": "en"}
    return {"update_id": update_id, "message": {
        "message_id": 1, "date": int(time.time()), "text": text, "from": sender,
        "chat": {"id": user_id, "type": "private", "first_name": "Sami"}}}


async def test_the_webhook_is_set_with_its_secret_and_a_wrong_secret_is_refused(tg, replicas):
    (replica,) = await replicas(1)
    calls = [params for method, params in tg.calls if method == "setWebhook"]
    assert calls and calls[-1]["url"].endswith(PATH) and calls[-1]["secret_token"] == SECRET
    assert not any(method == "getUpdates" for method, _ in tg.calls)

    person = tg.user(951001, first_name="Sami", started=True)
    async with ClientSession() as client:
        for headers in ({}, {HEADER: "not-the-secret"}, {HEADER: SECRET + "x"}):
            async with client.post(replica.url + PATH, json=text_update(5001, person.id, "hi"),
                                   headers=headers) as answer:
                assert answer.status == 401, headers
        async with client.get(replica.url + "/healthz") as answer:
            assert answer.status == 200 and (await answer.json())["ok"] is True
        assert person.messages() == []  # nothing was handled
        # the same update with the secret is handled (so the refusals above were the secret's)
        async with client.post(replica.url + PATH, json=text_update(5001, person.id, "hi"),
                               headers={HEADER: SECRET}) as answer:
            assert answer.status == 200
    assert person.messages(), "the update with the right secret was not handled"


@pytest.mark.postgresql(only=True)
async def test_two_replicas_serve_one_users_dialog_alternately(
        tg, replicas, balancer, redis_url, db_url):
    first, second = await replicas(2, redis_url=redis_url)
    boss = secretariat(tg)
    payload = await create_invite(boss, "Palestine")  # a four-step dialog
    person = tg.user(951002, first_name="Yasmin")
    await join(person, payload)  # a three-step dialog
    assert "ARCP — focal point of Palestine" in strip_bidi(person.last_message().text), (
        person.transcript())

    # every update was answered, one replica after the other
    assert len(balancer.served) >= 7 and set(balancer.served) == {0, 1}
    assert all(a != b for a, b in zip(balancer.served, balancer.served[1:], strict=False))
    assert all(200 <= status < 300 for _, status in tg.webhook.answers), tg.webhook.answers
    async with transaction(first.pool) as session:
        joined = await session.scalar(select(User).where(User.telegram_id == person.id))
        assert (joined.role, joined.status, joined.member_state_code) == (
            Role.FOCAL_POINT, UserStatus.ACTIVE, "PS")
        # the dialogs' state lives in Redis, not in the database
        assert await session.scalar(select(func.count()).select_from(FsmRecord)) == 0
    client = aioredis.from_url(redis_url)
    try:
        keys = [key async for key in client.scan_iter(match=f"fsm:*:{person.id}:*")]
    finally:
        await client.aclose()
    assert keys, "no dialog state of the user in Redis"


async def test_health_says_no_when_redis_does_not_answer(tg, replicas):
    (replica,) = await replicas(1, redis_url="redis://127.0.0.1:1/0")  # nothing listens there
    async with ClientSession() as client, client.get(replica.url + "/healthz") as answer:
        assert answer.status == 503 and await answer.json() == {"ok": False}


@pytest.mark.postgresql(only=True)
async def test_a_double_tap_split_over_two_replicas_queues_once_and_shows_it_sent(
        tg, replicas, redis_url):
    first, _ = await replicas(2, redis_url=redis_url)
    boss = secretariat(tg)
    person = tg.user(951003, first_name="Rami")
    await join(person, await create_invite(boss, "Syria"))
    await compose(boss, english="Twice tapped")
    await boss.press("Continue without attachment ›")
    await boss.press("All focal points")
    confirm = boss.last_message()
    send = next(b.callback_data for row in confirm.keyboard for b in row
                if b.text == "📤 Send now")
    await asyncio.gather(boss.press_data(send, message=confirm),
                         boss.press_data(send, message=confirm))
    assert "On its way" in strip_bidi(confirm.text)  # not drawn back to "Ready to send"
    async with transaction(first.pool) as session:
        queued = await session.scalar(select(func.count()).select_from(Delivery).where(
            Delivery.kind == "announcement"))
    assert queued == 1
