"""Invites, joining, roles and suspension of users."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from services import audit, clock
from services.errors import InviteRefused, NotAllowed, NotFound
from services.permissions import Action, require
from storage.models import Invite, Role, User, UserStatus
from storage.repositories import invites as invite_repo
from storage.repositories import member_states as state_repo
from storage.repositories import users as user_repo

INVITE_PREFIX = "inv_"


@dataclass(frozen=True)
class Profile:
    """What Telegram tells about a person."""

    telegram_id: int
    full_name: str
    username: str | None = None


@dataclass(frozen=True)
class NewInvite:
    invite: Invite
    token: str

    def link(self, bot_username: str) -> str:
        return f"https://t.me/{bot_username}?start={INVITE_PREFIX}{self.token}"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def token_from_payload(payload: str | None) -> str | None:
    """The invite token in a /start payload, if the payload is shaped like one."""
    if payload and payload.startswith(INVITE_PREFIX):
        token = payload.removeprefix(INVITE_PREFIX)
        if 16 <= len(token) <= 60:
            return token
    return None


async def create_invite(
    session: AsyncSession, *, actor: User | None, role: Role, state_code: str | None,
    ttl_days: int, max_uses: int = 1,
) -> NewInvite:
    """A new invite link for one state (focal points) or for the secretariat.

    actor None means the operator's command line, trusted as the secretariat.
    """
    if actor is not None:
        require(actor, Action.INVITE)
    if role == Role.FOCAL_POINT:
        if not state_code or await state_repo.get_state(session, state_code) is None:
            raise NotFound("state", code=state_code)
    else:
        state_code = None
    if not 1 <= max_uses <= 1000 or not 1 <= ttl_days <= 365:
        raise ValueError("uses must be 1-1000 and days 1-365")
    token = secrets.token_urlsafe(24)  # 32 characters, 192 bits
    invite = Invite(
        token_hash=hash_token(token), role=role, member_state_code=state_code,
        created_by=actor.id if actor else None, created_at=clock.now(),
        expires_at=clock.now() + timedelta(days=ttl_days), max_uses=max_uses, uses=0,
    )
    session.add(invite)
    await session.flush()
    await audit.record(session, "invite.create", "invite", invite.id,
                       actor_id=actor.id if actor else None, role=str(role), state=state_code,
                       max_uses=max_uses, ttl_days=ttl_days)
    await session.refresh(invite, ["member_state"])
    return NewInvite(invite, token)


def _refusal(invite: Invite | None, now: datetime) -> str | None:
    if invite is None:
        return "unknown"
    if invite.revoked_at is not None:
        return "revoked"
    if invite.uses >= invite.max_uses:
        return "used"
    if invite.expires_at <= now:
        return "expired"
    return None


async def check_invite(session: AsyncSession, token: str, user: User | None) -> Invite:
    """The invite behind a token, if this person may still join with it."""
    invite = await invite_repo.by_token_hash(session, hash_token(token))
    reason = _refusal(invite, clock.now())
    if reason is None and user is not None and user.status != UserStatus.PENDING:
        reason = "suspended" if user.status == UserStatus.SUSPENDED else "registered"
    if reason:
        raise InviteRefused(reason)
    return invite


async def begin_joining(
    session: AsyncSession, profile: Profile, locale: str, user: User | None,
) -> User:
    """Keep a person who opened a valid invite, with the language they chose (status pending)."""
    if user is None:
        user = User(telegram_id=profile.telegram_id, role=Role.FOCAL_POINT,
                    status=UserStatus.PENDING, created_at=clock.now())
        session.add(user)
    user.full_name = profile.full_name[:200]
    user.username = profile.username
    user.locale = locale
    await session.flush()
    return user


async def accept_invite(session: AsyncSession, token: str, user: User) -> User:
    """Join with an invite: counts one use, gives the invite's role and state."""
    invite = await check_invite(session, token, user)
    if not await invite_repo.take_use(session, invite.id, clock.now()):
        raise InviteRefused("used")
    user.role = invite.role
    user.member_state_code = invite.member_state_code
    user.status = UserStatus.ACTIVE
    await session.flush()
    await session.refresh(user, ["member_state"])
    await audit.record(session, "user.join", "user", user.id, actor_id=user.id,
                       invite=invite.id, role=str(invite.role), state=invite.member_state_code)
    return user


async def bootstrap_secretariat(
    session: AsyncSession, profile: Profile, locale: str,
) -> User:
    """A person listed in SECRETARIAT_IDS, seen for the first time, starts as secretariat."""
    user = User(telegram_id=profile.telegram_id, full_name=profile.full_name[:200],
                username=profile.username, role=Role.SECRETARIAT, status=UserStatus.ACTIVE,
                locale=locale, created_at=clock.now())
    session.add(user)
    await session.flush()
    await audit.record(session, "user.bootstrap", "user", user.id, actor_id=user.id)
    return user


async def set_locale(session: AsyncSession, user: User, locale: str) -> None:
    user.locale = locale
    await session.flush()


async def list_users(session: AsyncSession, actor: User, state_code: str | None) -> list[User]:
    require(actor, Action.MANAGE_USERS)
    return await user_repo.listed(session, state_code=state_code)


async def get_user(session: AsyncSession, actor: User, user_id: int) -> User:
    require(actor, Action.MANAGE_USERS)
    user = await user_repo.by_id(session, user_id)
    if user is None or user.status == UserStatus.PENDING:
        raise NotFound("user", id=user_id)
    return user


async def set_suspended(session: AsyncSession, actor: User, user_id: int, suspended: bool) -> User:
    """Suspend or reinstate a user; the secretariat cannot suspend itself."""
    user = await get_user(session, actor, user_id)
    if user.id == actor.id:
        raise NotAllowed("self")
    user.status = UserStatus.SUSPENDED if suspended else UserStatus.ACTIVE
    await session.flush()
    await audit.record(session, "user.suspend" if suspended else "user.reinstate", "user",
                       user.id, actor_id=actor.id)
    return user


async def secretariat_members(session: AsyncSession) -> list[User]:
    """Active secretariat users, who are told when someone joins."""
    return await user_repo.listed(session, role=Role.SECRETARIAT, statuses=(UserStatus.ACTIVE,))



async def display_name(session: AsyncSession, user_id: int) -> str:
    """A person's name as shown to colleagues (e.g. who last changed an answer)."""
    person = await user_repo.by_id(session, user_id)
    return person.full_name if person else ""
