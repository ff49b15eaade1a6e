from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import flag_modified

from storage.models import FsmRecord

_BY_KEY = select(FsmRecord).where(FsmRecord.key == bindparam("key"))


def _known(session: AsyncSession) -> dict[str, FsmRecord | None]:
    """The records this session has read or written, by key (None: known not to exist).

    An update reads aiogram-dialog's stack and context, then saves them; within its
    transaction one read of each is enough.
    """
    return session.info.setdefault("fsm_records", {})


async def get(session: AsyncSession, key: str) -> FsmRecord | None:
    known = _known(session)
    if key not in known:
        known[key] = await session.scalar(_BY_KEY, {"key": key})
    return known[key]


async def put(session: AsyncSession, key: str, data: dict) -> None:
    """Set the data of a key; a key left with neither state nor data is deleted."""
    record = await get(session, key)
    if record is None:
        record = FsmRecord(key=key, state=None, data={})
        session.add(record)
    if data != record.data:  # aiogram-dialog saves unchanged ones too
        record.data = data
        flag_modified(record, "data")
    if record.state is None and not record.data:
        if record in session.new:
            session.expunge(record)
        else:
            await session.delete(record)
        record = None
    _known(session)[key] = record
    await session.flush()
