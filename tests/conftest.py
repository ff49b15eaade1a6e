"""Shared fixtures: a migrated database per test, the fake Bot API, the bot polling it.

Database tests (tests/unit and tests marked `postgresql`) run on SQLite and, when a server
answers at TEST_DATABASE_URL (default postgresql+asyncpg://postgres@127.0.0.1:5432/test), on
PostgreSQL too, each test in a fresh database copied from a migrated template.
"""

import asyncio
import os
import shutil
from pathlib import Path

import pytest

from bot.app import App
from bot.config import Settings
from bot.prepare import fill_database, prepare_database
from sandbox.telegram import FakeTelegram
from services import clock
from storage import migrate
from storage.database import create_engine, create_sessionmaker, transaction
from tests.pg import PostgresServer

SECRETARIAT_ID = 700001
PG_DEFAULT_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
ROOT = Path(__file__).resolve().parents[1]


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "postgresql(only=False): run on PostgreSQL too (only=True: on PostgreSQL only)")


def pytest_generate_tests(metafunc):
    """Tests with a database run on both back ends where asked (see the module's docstring)."""
    if "db_backend" not in metafunc.fixturenames:
        return
    marker = metafunc.definition.get_closest_marker("postgresql")
    in_unit = Path(str(metafunc.definition.path)).is_relative_to(ROOT / "tests" / "unit")
    if marker and marker.kwargs.get("only"):
        metafunc.parametrize("db_backend", ["postgresql"], indirect=True)
    elif marker or in_unit:
        metafunc.parametrize("db_backend", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture(scope="session")
def postgres() -> PostgresServer:
    """The PostgreSQL server of the tests, or a skip that says why there is none."""
    server = PostgresServer(os.environ.get("TEST_DATABASE_URL") or PG_DEFAULT_URL)
    if reason := server.unreachable():
        pytest.skip(f"PostgreSQL tests skipped: no server at {server.safe_url} ({reason}); "
                    "set TEST_DATABASE_URL")
    yield server
    server.drop_all()


def pytest_report_header(config):
    server = PostgresServer(os.environ.get("TEST_DATABASE_URL") or PG_DEFAULT_URL)
    reason = server.unreachable()
    return f"postgresql: {server.safe_url} " + (f"UNREACHABLE ({reason}): its tests are skipped"
                                                if reason else "reachable")


@pytest.fixture(scope="session")
def pg_template(postgres) -> str:
    """A migrated PostgreSQL database with the shipped data, the model for each test's."""

    async def build(url):
        engine = create_engine(url)
        try:
            await migrate.upgrade(engine)
            await fill_database(engine)
        finally:
            await engine.dispose()

    name = postgres.create()
    asyncio.run(build(postgres.url_for(name)))
    return name


@pytest.fixture
def db_backend(request) -> str:
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def template_db(tmp_path_factory) -> Path:
    """One migrated database with the member states, copied for each test."""
    path = tmp_path_factory.mktemp("template") / "arcp.sqlite3"
    settings = Settings(database_url=f"sqlite+aiosqlite:///{path}")

    async def build():
        engine = create_engine(settings.database_url)
        await prepare_database(engine, settings)
        await engine.dispose()

    asyncio.run(build())
    return path


@pytest.fixture
def db_url(db_backend, request, tmp_path):
    if db_backend == "postgresql":
        server = request.getfixturevalue("postgres")
        name = server.create(template=request.getfixturevalue("pg_template"))
        yield server.url_for(name)
        server.drop(name)
        return
    path = tmp_path / "arcp.sqlite3"
    shutil.copy(request.getfixturevalue("template_db"), path)
    yield f"sqlite+aiosqlite:///{path}"


@pytest.fixture(autouse=True)
def _clock():
    clock.reset()
    yield
    clock.reset()


@pytest.fixture
async def pool(db_url):
    engine = create_engine(db_url)
    yield create_sessionmaker(engine)
    await engine.dispose()


@pytest.fixture
async def session(pool):
    async with transaction(pool) as session:
        yield session


@pytest.fixture
async def tg():
    async with FakeTelegram() as server:
        yield server
        server.assert_no_violations()
        assert not server.rate_violations, server.rate_violations[:5]
        assert not server.bot_errors, f"unhandled errors in the bot: {server.bot_errors!r}"
        assert not server.double_answers, f"presses answered twice: {server.double_answers}"



class BotApp:
    """The real App polling the fake server, as `python -m bot run` does."""

    def __init__(self, server: FakeTelegram, settings: Settings):
        self.server, self.settings = server, settings
        self.task: asyncio.Task | None = None

    async def start(self) -> "BotApp":
        self.app = await App(self.settings).open()
        self.pool, self.dp = self.app.pool, self.app.dp
        # outermost, so "handled" means the transaction was committed too
        self.dp.update.outer_middleware._middlewares.insert(0, self.server.aiogram_middleware())
        started = asyncio.Event()
        self.dp.startup.register(started.set)
        self.task = asyncio.create_task(self.app.poll(handle_signals=False))
        await asyncio.wait_for(started.wait(), 10)
        return self

    async def stop(self) -> None:
        if self.task is None:
            return
        await self.dp.stop_polling()
        await self.task
        self.task = None
        await self.app.close()

    async def restart(self) -> "BotApp":
        await self.stop()
        return await self.start()


def make_settings(tg: FakeTelegram, db_url: str, **overrides) -> Settings:
    values = dict(
        bot_token=FakeTelegram.TOKEN, database_url=db_url, telegram_api_url=tg.base_url,
        secretariat_ids=[SECRETARIAT_ID], bot_username="arcp_test_bot",
        throttle_rate=50, throttle_window=1.0, shutdown_timeout=5,
    )
    values.update(overrides)
    return Settings(_env_file=None, **values)


@pytest.fixture
def settings(tg, db_url) -> Settings:
    return make_settings(tg, db_url)


@pytest.fixture
async def app(tg, settings):
    bot_app = await BotApp(tg, settings).start()
    yield bot_app
    await bot_app.stop()
