from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Role, User, UserStatus


async def by_telegram_id(session: AsyncSession, telegram_id: int) -> User | None:
    return await session.scalar(select(User).where(User.telegram_id == telegram_id))


async def by_id(session: AsyncSession, user_id: int) -> User | None:
    return await session.get(User, user_id)


async def listed(
    session: AsyncSession,
    *,
    state_code: str | None = None,
    role: Role | None = None,
    statuses: tuple[UserStatus, ...] = (UserStatus.ACTIVE, UserStatus.SUSPENDED),
) -> list[User]:
    query = select(User).where(User.status.in_(statuses))
    if state_code is not None:
        query = query.where(User.member_state_code == state_code)
    if role is not None:
        query = query.where(User.role == role)
    return list(await session.scalars(query.order_by(User.member_state_code, User.full_name)))
