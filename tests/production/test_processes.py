"""`python -m bot worker` and `python -m bot webhook` as the separate processes an operator runs,
on PostgreSQL, against the fake Bot API."""

import asyncio
import os
import signal
import socket
import sys
from collections import Counter
from pathlib import Path

import pytest
from aiohttp import ClientSession

from sandbox.telegram import FakeTelegram
from storage.database import create_engine, create_sessionmaker
from tests.conftest import SECRETARIAT_ID
from tests.e2e.test_delivery import broadcast, deliveries, finished, people, sends_per_chat
from tests.production.replicas import PATH, SECRET

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.postgresql(only=True)


class Process:
    def __init__(self, proc: asyncio.subprocess.Process, log: Path):
        self.proc, self.log = proc, log

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    async def wait_for(self, text: str, timeout: float = 60) -> None:
        """Until the process logged `text` (it is up), or fail with its output."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while text not in self.output():
            assert self.proc.returncode is None, self.output()
            assert loop.time() < deadline, f"no {text!r} within {timeout} s:\n{self.output()}"
            await asyncio.sleep(0.1)

    async def stop(self) -> int:
        """SIGTERM, as `docker stop` sends; the exit status."""
        if self.proc.returncode is None:
            self.proc.send_signal(signal.SIGTERM)
        return await asyncio.wait_for(self.proc.wait(), 30)


@pytest.fixture
async def spawn(tg, db_url, tmp_path):
    started: list[Process] = []

    async def start(command: str, **env_extra: str) -> Process:
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("BOT_", "DATABASE_", "WEBHOOK_", "REDIS_"))}
        env.update(BOT_TOKEN=FakeTelegram.TOKEN, TELEGRAM_API_URL=tg.base_url,
                   DATABASE_URL=db_url, SECRETARIAT_IDS=str(SECRETARIAT_ID), LOG_LEVEL="INFO",
                   PYTHONPATH=str(ROOT), **env_extra)
        log = tmp_path / f"{command}-{len(started)}.log"
        with log.open("wb") as out:
            proc = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", command, cwd=tmp_path, env=env,
                stdin=asyncio.subprocess.DEVNULL, stdout=out, stderr=asyncio.subprocess.STDOUT)
        started.append(Process(proc, log))
        return started[-1]

    yield start
    for process in started:
        if process.proc.returncode is None:
            process.proc.kill()
            await process.proc.wait()


@pytest.fixture
async def pool(db_url):
    engine = create_engine(db_url)
    yield create_sessionmaker(engine)
    await engine.dispose()


async def test_two_worker_processes_drain_one_broadcast_and_send_nothing_twice(
        tg, pool, spawn):
    one, two = await spawn("worker"), await spawn("worker")
    await asyncio.gather(one.wait_for("running"), two.wait_for("running"))
    users = await people(pool, tg, 80)
    await broadcast(pool, users)

    assert {str(k): n for k, n in (await finished(pool, timeout=60)).counts.items() if n} == {
        "sent": 80}
    assert sends_per_chat(tg) == {u.telegram_id: 1 for u in users}
    claimed = Counter(row.claimed_by for row in (await deliveries(pool)).values())
    assert len(claimed) == 2, claimed  # both processes took a share
    assert await one.stop() == 0 and await two.stop() == 0
    for process in (one, two):
        assert "Traceback" not in process.output(), process.output()
    assert not any(method == "getUpdates" for method, _ in tg.calls)  # workers take no updates


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_a_webhook_process_sets_the_webhook_serves_and_deletes_it_on_stop(tg, spawn):
    port = free_port()
    replica = await spawn("webhook", WEBHOOK_URL=f"http://127.0.0.1:{port}{PATH}",
                          WEBHOOK_SECRET=SECRET, WEBHOOK_HOST="127.0.0.1",
                          WEBHOOK_PORT=str(port), WEBHOOK_DELETE_ON_STOP="true")
    await replica.wait_for("serving the webhook")
    person = tg.user(952001, first_name="Omar")
    await person.send("/start")
    assert person.messages(), person.transcript()  # answered through the webhook
    async with ClientSession() as client, client.get(f"http://127.0.0.1:{port}/healthz") as ok:
        assert ok.status == 200
    assert await replica.stop() == 0
    methods = [method for method, _ in tg.calls]
    assert "setWebhook" in methods and methods[-1] == "deleteWebhook"
    assert "getUpdates" not in methods
    assert "Traceback" not in replica.output(), replica.output()
    assert FakeTelegram.TOKEN.split(":")[1] not in replica.output()


async def test_an_update_a_dying_replica_was_handling_is_handled_by_another(tg, spawn):
    """A replica killed mid-update (no SIGTERM: a crash, an OOM kill) loses nothing: its
    transaction, with the update's claim, ends with its connection, and Telegram's redelivery
    is handled by the replica that takes over."""
    def webhook_env(port: int) -> dict:
        return dict(WEBHOOK_URL=f"http://127.0.0.1:{port}{PATH}", WEBHOOK_SECRET=SECRET,
                    WEBHOOK_HOST="127.0.0.1", WEBHOOK_PORT=str(port))

    first_port, second_port = free_port(), free_port()
    first = await spawn("webhook", **webhook_env(first_port))
    await first.wait_for("serving the webhook")
    tg.delay("sendMessage", 5, times=1)  # the first replica's answer hangs...
    person = tg.user(954001, first_name="Rana")
    update_id = await person.send("/start", wait=False)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 30
    while not any(method == "sendMessage" for method, _ in tg.calls):
        assert loop.time() < deadline, first.output()
        await asyncio.sleep(0.05)
    first.proc.kill()  # ...and the replica dies in the middle of the update
    await first.proc.wait()

    second = await spawn("webhook", **webhook_env(second_port))  # it sets the webhook to itself
    await second.wait_for("serving the webhook")
    await tg.wait_for_update(update_id, timeout=60)  # Telegram delivers the update again

    assert "seen before" not in second.output(), second.output()
    answers = [params for method, params in tg.calls
               if method == "sendMessage" and params.get("chat_id") == str(person.id)]
    assert len(answers) == 2, answers  # the dead replica's attempt, then the second's answer
    assert tg.webhook.statuses(update_id)[-1] == 200
    assert await second.stop() == 0
