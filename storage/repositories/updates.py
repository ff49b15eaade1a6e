from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import ProcessedUpdate


async def claim(session: AsyncSession, update_id: int) -> bool:
    """Record an update id; False when it was recorded before (a redelivery).

    One statement (no savepoint): SQLite and PostgreSQL both skip a duplicate key quietly."""
    dialect = postgresql if session.bind.dialect.name == "postgresql" else sqlite
    result = await session.execute(
        dialect.insert(ProcessedUpdate).values(update_id=update_id)
        .on_conflict_do_nothing(index_elements=["update_id"]))
    return result.rowcount == 1


async def prune(session: AsyncSession, before: datetime) -> int:
    result = await session.execute(delete(ProcessedUpdate).where(ProcessedUpdate.at < before))
    return result.rowcount
