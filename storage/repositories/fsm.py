from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import flag_modified

from storage.models import FsmRecord


async def get(session: AsyncSession, key: str) -> FsmRecord | None:
    return await session.scalar(select(FsmRecord).where(FsmRecord.key == key))


async def put(session: AsyncSession, key: str, *, state=..., data=...) -> None:
    """Set the state and/or data of a key; a key left with neither is deleted."""
    record = await get(session, key)
    if record is None:
        record = FsmRecord(key=key, state=None, data={})
        session.add(record)
    if state is not ...:
        record.state = state
    if data is not ...:
        record.data = data
        flag_modified(record, "data")
    if record.state is None and not record.data:
        if record in session.new:
            session.expunge(record)
        else:
            await session.execute(delete(FsmRecord).where(FsmRecord.key == key))
    await session.flush()
