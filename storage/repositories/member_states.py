from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import MemberState


async def all_states(session: AsyncSession) -> list[MemberState]:
    return list(await session.scalars(select(MemberState)))


async def get_state(session: AsyncSession, code: str) -> MemberState | None:
    return await session.get(MemberState, code)
