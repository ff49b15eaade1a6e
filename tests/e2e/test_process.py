"""`python -m bot run` as a separate process against the fake Bot API, as an operator runs it."""

import asyncio
import os
import signal
import sys
from pathlib import Path

import pytest

from sandbox.telegram import FakeTelegram, strip_bidi
from tests.conftest import SECRETARIAT_ID
from tests.e2e.flows import create_invite, join, secretariat

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
async def process(tg, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "DATABASE_"))}
    env.update(
        BOT_TOKEN=FakeTelegram.TOKEN, TELEGRAM_API_URL=tg.base_url,
        SECRETARIAT_IDS=str(SECRETARIAT_ID), LOG_LEVEL="DEBUG", PYTHONPATH=str(ROOT),
    )
    log = (tmp_path / "bot.log").open("wb")
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=tmp_path, env=env,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=log, stderr=asyncio.subprocess.STDOUT)
    proc.log_path = tmp_path / "bot.log"
    for _ in range(300):  # the bot is up once it asks for updates
        if any(method == "getUpdates" for method, _ in tg.calls):
            break
        assert proc.returncode is None, proc.log_path.read_text()
        await asyncio.sleep(0.1)
    yield proc
    if proc.returncode is None:
        proc.kill()
        await proc.wait()
    log.close()


async def test_operator_runs_the_bot_and_a_focal_point_joins(tg, process, tmp_path):
    boss = secretariat(tg)
    payload = await create_invite(boss, "Palestine")
    person = tg.user(920001, first_name="Yasmin", language_code="ar")
    await join(person, payload, language="العربية")
    assert "نقطة اتصال فلسطين" in strip_bidi(person.last_message().text)
    assert (tmp_path / "arcp.sqlite3").exists()  # the default database, made by `run`

    # SIGTERM while an answer is on its way: it is still delivered, then the process ends
    tg.delay("sendMessage", 1.0, times=1)
    person_update = asyncio.create_task(person.send("hello"))
    await asyncio.sleep(0.5)
    process.send_signal(signal.SIGTERM)
    await person_update
    assert await asyncio.wait_for(process.wait(), 30) == 0
    output = process.log_path.read_text()
    assert any("لم أفهم ذلك" in m.text for m in person.messages()), person.transcript()
    assert FakeTelegram.TOKEN not in output
    assert FakeTelegram.TOKEN.split(":")[1] not in output
    assert "Traceback" not in output
