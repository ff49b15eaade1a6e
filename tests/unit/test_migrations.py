"""The migrations build exactly the tables the models describe, and undo cleanly."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.ext.asyncio import create_async_engine

from storage import migrate
from storage.models import Base


def _ours(obj, name, type_, reflected, compare_to) -> bool:
    return not (type_ == "table" and name == "apscheduler_jobs")


async def _diff(engine) -> list:
    def compare(sync):
        context = MigrationContext.configure(
            sync, opts={"include_object": _ours, "compare_type": True})
        return compare_metadata(context, Base.metadata)

    async with engine.connect() as conn:
        return await conn.run_sync(compare)


async def _tables(engine) -> set[str]:
    async with engine.connect() as conn:
        return await conn.run_sync(lambda sync: set(inspect(sync).get_table_names()))


async def test_head_matches_the_models_and_downgrades_to_nothing(tmp_path):
    engine = create_async_engine(f"sqlite+aiosqlite:///{tmp_path / 'm.sqlite3'}")
    try:
        await migrate.upgrade(engine)
        assert await migrate.current_revision(engine) == migrate.head_revision()
        assert await _diff(engine) == []
        await migrate.downgrade(engine, "base")
        assert await _tables(engine) <= {"alembic_version"}
        await migrate.upgrade(engine)
        assert {"deadline", "reminder", "action_item"} <= await _tables(engine)
    finally:
        await engine.dispose()
