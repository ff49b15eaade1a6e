"""Updates per second and latency of a dialog step, through webhook replicas and the fake Bot API.

    python benchmarks/updates.py [--users 10] [--rounds 10] [--only sqlite-1 pg-2 ...]

Each focal point (one per member state, as those of one state share one questionnaire) goes
back and forth over the first two questions of a questionnaire: type another number on the first
(the answer is written to the database and the bot shows the next question), press "‹ Previous"
(back to the first, its current answer shown), again and again. Every update is a dialog step.
All focal points act at once, each waiting for the bot's answer before its next step, as people
do. Configurations:

- echo-1: a bare aiogram echo bot (a webhook, the same server settings), the floor;
- dialog-1: a bare aiogram-dialog bot taking the same two steps (a number typed, "‹ Previous"
  pressed) with its state in memory and no database: what the dialog framework itself costs;
- sqlite-1, sqlite-2: `python -m bot webhook` replicas on one SQLite file, state in it;
- pg-1, pg-2: replicas on PostgreSQL (TEST_DATABASE_URL's server), state in Redis (TEST_REDIS_URL).

Replicas are separate processes behind a round-robin balancer; the fake Bot API and the balancer
run in this process. Latency is the webhook request's time: Telegram's POST until the bot answered
it after handling the update (the bot's own calls to the fake Bot API included). The first round
of each focal point is a warm-up and not counted. Prints one line a configuration.
"""

import argparse
import asyncio
import logging
import os
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.config import Settings  # noqa: E402
from bot.prepare import fill_database, prepare_database  # noqa: E402
from sandbox.telegram import FakeTelegram  # noqa: E402
from services import form_catalog, member_states, registration  # noqa: E402
from services.forms.xlsform import load_xlsform  # noqa: E402
from storage import migrate  # noqa: E402
from storage.database import create_engine, create_sessionmaker, transaction  # noqa: E402
from storage.models import Role, User, UserStatus  # noqa: E402
from tests.pg import PostgresServer  # noqa: E402
from tests.production.replicas import PATH, SECRET, Balancer  # noqa: E402

FORM = ROOT / "tests" / "e2e" / "forms" / "chat_survey.md"
PG_URL = os.environ.get("TEST_DATABASE_URL") or "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
REDIS_URL = os.environ.get("TEST_REDIS_URL") or "redis://127.0.0.1:6379/14"
STEPS_PER_ROUND = 5

ECHO = """
import asyncio, os
from aiogram import Bot, Dispatcher, F
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web

async def main():
    bot = Bot(os.environ["BOT_TOKEN"], session=AiohttpSession(
        api=TelegramAPIServer.from_base(os.environ["TELEGRAM_API_URL"])))
    dp = Dispatcher()

    @dp.message(F.text)
    async def echo(message):
        await message.answer(message.text)

    app = web.Application()
    SimpleRequestHandler(dispatcher=dp, bot=bot, secret_token=os.environ["WEBHOOK_SECRET"],
                         handle_in_background=False).register(app, path=os.environ["WEBHOOK_PATH"])
    setup_application(app, dp, bot=bot)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", int(os.environ["WEBHOOK_PORT"])).start()
    await bot.set_webhook(os.environ["WEBHOOK_URL"], secret_token=os.environ["WEBHOOK_SECRET"])
    print("serving the webhook", flush=True)
    await asyncio.Event().wait()

asyncio.run(main())
"""


# The same two questions as a bare aiogram-dialog bot: state in memory, no database, no l10n.
DIALOG = ECHO.replace("""    @dp.message(F.text)
    async def echo(message):
        await message.answer(message.text)
""", """    from aiogram.filters import CommandStart
    from aiogram.fsm.state import State, StatesGroup
    from aiogram_dialog import Dialog, DialogManager, StartMode, Window, setup_dialogs
    from aiogram_dialog.widgets.input import TextInput
    from aiogram_dialog.widgets.kbd import Back
    from aiogram_dialog.widgets.text import Const, Format

    class Survey(StatesGroup):
        meetings = State()
        useful = State()

    async def on_number(message, widget, manager, value):
        manager.dialog_data["meetings"] = value
        await manager.next()

    dp.include_router(Dialog(
        Window(Format("How many meetings did you attend? {dialog_data}"),
               TextInput("meetings", type_factory=int, on_success=on_number),
               state=Survey.meetings),
        Window(Const("How useful were they?"), Back(Const("‹ Previous")), state=Survey.useful),
    ))

    @dp.message(CommandStart())
    async def start(message, dialog_manager: DialogManager):
        await dialog_manager.start(Survey.meetings, mode=StartMode.RESET_STACK)

    setup_dialogs(dp)
""")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def start_replica(tg, balancer, env_extra: dict, script: str | None, log: Path):
    port = free_port()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("BOT_", "DATABASE_", "WEBHOOK_", "REDIS_"))}
    env.update(BOT_TOKEN=FakeTelegram.TOKEN, TELEGRAM_API_URL=tg.base_url, LOG_LEVEL="WARNING",
               WEBHOOK_URL=balancer.url + PATH, WEBHOOK_SECRET=SECRET, WEBHOOK_HOST="127.0.0.1",
               WEBHOOK_PORT=str(port), WEBHOOK_PATH=PATH, PYTHONPATH=str(ROOT),
               THROTTLE_RATE="100000", **env_extra)  # the simulated people are quick
    args = ["-c", script] if script else ["-m", "bot", "webhook"]
    with log.open("wb") as out:
        proc = await asyncio.create_subprocess_exec(
            sys.executable, *args, env=env, cwd=log.parent, stdin=asyncio.subprocess.DEVNULL,
            stdout=out, stderr=asyncio.subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    while not any(m == "setWebhook" and p.get("url") for m, p in tg.calls[-50:]) or not (
            await _listening(port)):
        if proc.returncode is not None:
            raise RuntimeError(f"a replica ended at start; see {log}")
        await asyncio.sleep(0.1)
    balancer.backends.append(url)
    tg.calls.clear()
    return proc


async def _listening(port: int) -> bool:
    try:
        _, writer = await asyncio.open_connection("127.0.0.1", port)
    except OSError:
        return False
    writer.close()
    return True


async def prepare(database_url: str, users: int) -> list[int]:
    """The questionnaire open and `users` focal points in the database; their Telegram ids."""
    engine = create_engine(database_url)
    try:
        if database_url.startswith("sqlite"):
            await prepare_database(engine, Settings(_env_file=None, database_url=database_url))
        else:
            await migrate.upgrade(engine)
            await fill_database(engine)
        async with transaction(create_sessionmaker(engine)) as session:
            boss = await registration.bootstrap_secretariat(
                session, registration.Profile(42, "Secretariat"), "en")
            form, _ = await form_catalog.register(session, load_xlsform(FORM))
            await form_catalog.open_form(session, boss, form.id, None)
            # one focal point a state: those of one state would answer the same questionnaire
            states = [s.code for s in await member_states.list_states(session, "en")][:users]
            ids = [600_000 + n for n in range(len(states))]
            session.add_all(User(telegram_id=i, full_name=f"Focal {i}", role=Role.FOCAL_POINT,
                                 member_state_code=code, locale="en", status=UserStatus.ACTIVE)
                            for i, code in zip(ids, states, strict=True))
    finally:
        await engine.dispose()
    return ids


async def survey_rounds(tg, person, rounds: int, measured: list[int]) -> None:
    await person.send("/menu")
    await person.press("📝 Questionnaires")
    await person.press(next(b for b in person.last_message().button_labels if "/" in b))
    await person.press("Next ›")
    for n in range(rounds):
        ids = [await survey_step(person, n * STEPS_PER_ROUND + k) for k in range(STEPS_PER_ROUND)]
        if n:  # the first round warms up
            measured += ids


async def survey_step(person, k: int) -> int:
    """Even steps type another number on the first question (an answer written to the
    database; the bot goes on to the second), odd steps press "‹ Previous" back to it."""
    if k % 2 == 0:
        assert "How many meetings" in person.last_message().text, person.transcript(last=2)
        return await person.send(str(3 + k // 2 % 2))
    assert "How useful" in person.last_message().text, person.transcript(last=2)
    return await person.press("‹ Previous")


async def dialog_rounds(tg, person, rounds: int, measured: list[int]) -> None:
    await person.send("/start")
    for n in range(rounds):
        ids = [await survey_step(person, n * STEPS_PER_ROUND + k) for k in range(STEPS_PER_ROUND)]
        if n:
            measured += ids


async def echo_rounds(tg, person, rounds: int, measured: list[int]) -> None:
    for n in range(rounds):
        ids = [await person.send(f"{n}-{k}") for k in range(STEPS_PER_ROUND)]
        assert person.last_message().text == f"{n}-{STEPS_PER_ROUND - 1}"
        if n:
            measured += ids


async def run_config(name: str, users: int, rounds: int, workdir: Path) -> dict:
    kind, replicas = name.split("-")
    env: dict = {}
    pg = None
    if kind == "sqlite":
        env["DATABASE_URL"] = f"sqlite+aiosqlite:///{workdir / f'{name}.sqlite3'}"
    elif kind == "pg":
        pg = PostgresServer(PG_URL)
        env["DATABASE_URL"] = pg.url_for(pg.create())
        env["REDIS_URL"] = REDIS_URL
        await _flush_redis()
    ids = [600_000 + n for n in range(users)] if kind in SCRIPTS else await prepare(
        env["DATABASE_URL"], users)
    procs = []
    async with FakeTelegram(timeout=60) as tg:
        balancer = await Balancer().start()
        try:
            for n in range(int(replicas)):
                procs.append(await start_replica(tg, balancer, env, SCRIPTS.get(kind),
                                                 workdir / f"{name}-{n}.log"))
            people = [tg.user(i, first_name=f"Focal{i}", started=True) for i in ids]
            measured: list[int] = []
            rounds_of = {"echo": echo_rounds, "dialog": dialog_rounds}.get(kind, survey_rounds)
            began, cpu_before = time.perf_counter(), sum(map(_cpu_seconds, procs))
            await asyncio.gather(*(rounds_of(tg, p, rounds, measured) for p in people))
            wall = time.perf_counter() - began
            cpu = sum(map(_cpu_seconds, procs)) - cpu_before
            total = len(tg.webhook.durations)
            calls = sum(1 for method, _ in tg.calls if method not in ("setWebhook", "getMe"))
            latencies = sorted(tg.webhook.durations[i] for i in measured)
            assert not tg.violations, tg.violations[:3]
        finally:
            await tg.webhook.close()  # no more posts to replicas about to go
            for proc in procs:
                proc.terminate()
                await proc.wait()
            await balancer.stop()
    if pg is not None:
        pg.drop_all()
    return dict(name=name, updates=total, rate=total / wall, calls=calls / total,
                cpu=cpu / total * 1000,
                p50=statistics.median(latencies) * 1000,
                p99=latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000)


def _cpu_seconds(proc) -> float:
    """CPU time (user + system) a replica process has used so far, from /proc."""
    fields = Path(f"/proc/{proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


SCRIPTS = {"echo": ECHO, "dialog": DIALOG}  # the floors, run as `python -c`


async def _flush_redis() -> None:
    from redis import asyncio as aioredis

    client = aioredis.from_url(REDIS_URL)
    try:
        await client.flushdb()
    finally:
        await client.aclose()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=10,
                        help="focal points acting at once, one per member state (at most 22)")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--only", nargs="*",
                        default=["echo-1", "dialog-1", "sqlite-1", "sqlite-2", "pg-1", "pg-2"])
    args = parser.parse_args()
    logging.basicConfig(level=logging.CRITICAL)
    print(f"{args.users} focal points at once, {args.rounds} rounds of {STEPS_PER_ROUND} steps "
          f"each (the first not measured); {os.cpu_count()} CPU(s)")
    print(f"{'config':10} {'updates':>8} {'updates/s':>10} {'p50 ms':>8} {'p99 ms':>8} "
          f"{'p50 / echo':>10} {'API calls/update':>17} {'replica CPU ms/update':>22}")
    floor = None
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.only:
            r = await run_config(name, args.users, args.rounds, Path(tmp))
            floor = floor or (r["p50"] if name.startswith("echo") else None)
            ratio = f"{r['p50'] / floor:.1f}x" if floor else "-"
            print(f"{r['name']:10} {r['updates']:8d} {r['rate']:10.1f} {r['p50']:8.1f} "
                  f"{r['p99']:8.1f} {ratio:>10} {r['calls']:17.1f} {r['cpu']:22.1f}", flush=True)


if __name__ == "__main__":
    asyncio.run(main())
