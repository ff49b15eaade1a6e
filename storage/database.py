"""Engine and sessions.

SQLite: WAL, so readers never wait; reads run outside any transaction (autocommit), so no
stale snapshot can make a later write fail with "database is locked"; a transaction begins
with BEGIN IMMEDIATE at its first write, so writers queue (busy timeout) and the write lock
is held only from that write to the commit, not while an update waits on Telegram.
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from contextvars import ContextVar

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

SQLITE_BUSY_TIMEOUT_MS = 30_000

# The session of the update being handled: the FSM storage joins it so that one transaction
# (owned by the session middleware) covers a handler's writes and its dialog state.
current_session: ContextVar[AsyncSession | None] = ContextVar("current_session", default=None)


def create_engine(url: str, *, echo: bool = False) -> AsyncEngine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_async_engine(url, echo=echo, pool_pre_ping=True)
    engine = create_async_engine(url, echo=echo, connect_args={"timeout": 30})
    _configure_sqlite(engine)
    return engine


WRITE_STATEMENTS = ("INSERT", "UPDATE", "DELETE", "REPLACE", "SAVEPOINT", "CREATE", "DROP",
                    "ALTER")


def _configure_sqlite(engine: AsyncEngine) -> None:
    sync_engine = engine.sync_engine

    @event.listens_for(sync_engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # autocommit; we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(sync_engine, "begin")
    def _on_begin(connection):
        connection.info["writing"] = False  # nothing yet: the first write begins it

    @event.listens_for(sync_engine, "before_cursor_execute")
    def _before_write(connection, cursor, statement, parameters, context, executemany):
        if connection.info.get("writing") is False and statement.lstrip()[:9].upper().startswith(
                WRITE_STATEMENTS):
            cursor.execute("BEGIN IMMEDIATE")
            connection.info["writing"] = True

    @event.listens_for(sync_engine, "commit")
    @event.listens_for(sync_engine, "rollback")
    def _on_end(connection):
        connection.info["writing"] = None


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


@asynccontextmanager
async def transaction(pool: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """A session that commits on success and rolls back on error (for jobs and commands)."""
    async with pool() as session:
        try:
            yield session
            await session.commit()
        except BaseException:
            await session.rollback()
            raise


@asynccontextmanager
async def joined_session(pool: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """The update's own session when there is one (its owner commits), else a transaction."""
    session = current_session.get()
    if session is not None:
        yield session
        return
    async with transaction(pool) as session:
        yield session
