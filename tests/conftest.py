"""Shared fixtures: a migrated database per test, the fake Bot API, the bot polling it."""

import asyncio
import shutil
from pathlib import Path

import pytest

from bot.app import App, prepare_database
from bot.config import Settings
from services import clock
from storage.database import create_engine, create_sessionmaker, transaction
from tests.fake_telegram import FakeTelegram

SECRETARIAT_ID = 700001


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
def db_url(template_db, tmp_path) -> str:
    path = tmp_path / "arcp.sqlite3"
    shutil.copy(template_db, path)
    return f"sqlite+aiosqlite:///{path}"


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
