import asyncio

import pytest

from services import clock, registration
from services.errors import InviteRefused, NotAllowed, NotFound
from storage.database import transaction
from storage.models import Role, UserStatus


def profile(telegram_id: int, name: str = "Amina Haddad") -> registration.Profile:
    return registration.Profile(telegram_id, name, "amina")


async def joined_user(session, token: str, telegram_id: int):
    user = await registration.begin_joining(session, profile(telegram_id), "en", None)
    return await registration.accept_invite(session, token, user)


async def test_invite_joins_focal_point_to_its_state(session):
    created = await registration.create_invite(
        session, actor=None, role=Role.FOCAL_POINT, state_code="EG", ttl_days=14)
    assert created.link("arcp_bot").startswith("https://t.me/arcp_bot?start=inv_")
    assert len(created.link("arcp_bot").split("start=")[1]) <= 64  # Telegram's payload limit
    assert created.invite.token_hash != created.token  # only a hash is stored

    user = await joined_user(session, created.token, 42)

    assert (user.role, user.member_state_code, user.status) == (
        Role.FOCAL_POINT, "EG", UserStatus.ACTIVE)
    await session.refresh(created.invite)
    assert created.invite.uses == 1


async def test_single_use_invite_refuses_second_person(session):
    created = await registration.create_invite(
        session, actor=None, role=Role.FOCAL_POINT, state_code="MA", ttl_days=14)
    await joined_user(session, created.token, 1)
    with pytest.raises(InviteRefused) as refusal:
        await joined_user(session, created.token, 2)
    assert refusal.value.reason == "used"


async def test_multi_use_invite_counts_uses(session):
    created = await registration.create_invite(
        session, actor=None, role=Role.FOCAL_POINT, state_code="OM", ttl_days=14, max_uses=2)
    await joined_user(session, created.token, 1)
    await joined_user(session, created.token, 2)
    with pytest.raises(InviteRefused, match="used"):
        await joined_user(session, created.token, 3)


async def test_invite_expires_after_its_days(session):
    created = await registration.create_invite(
        session, actor=None, role=Role.FOCAL_POINT, state_code="JO", ttl_days=14)
    clock.advance(14 * 86400 - 60)
    await registration.check_invite(session, created.token, None)
    clock.advance(120)
    with pytest.raises(InviteRefused) as refusal:
        await registration.check_invite(session, created.token, None)
    assert refusal.value.reason == "expired"


async def test_forged_and_malformed_tokens(session):
    with pytest.raises(InviteRefused) as refusal:
        await registration.check_invite(session, "A" * 32, None)
    assert refusal.value.reason == "unknown"
    assert registration.token_from_payload("inv_short") is None
    assert registration.token_from_payload("hello") is None
    assert registration.token_from_payload(None) is None


async def test_registered_and_suspended_people_cannot_reuse_invites(session):
    first = await registration.create_invite(
        session, actor=None, role=Role.FOCAL_POINT, state_code="EG", ttl_days=14)
    second = await registration.create_invite(
        session, actor=None, role=Role.FOCAL_POINT, state_code="SA", ttl_days=14)
    user = await joined_user(session, first.token, 5)
    with pytest.raises(InviteRefused, match="registered"):
        await registration.check_invite(session, second.token, user)
    user.status = UserStatus.SUSPENDED
    with pytest.raises(InviteRefused, match="suspended"):
        await registration.check_invite(session, second.token, user)


async def test_concurrent_joins_take_a_single_use_once(pool):
    async with transaction(pool) as session:
        created = await registration.create_invite(
            session, actor=None, role=Role.FOCAL_POINT, state_code="TN", ttl_days=14)

    async def join(telegram_id):
        try:
            async with transaction(pool) as session:
                await joined_user(session, created.token, telegram_id)
            return True
        except InviteRefused:
            return False

    results = await asyncio.gather(*(join(100 + n) for n in range(5)))
    assert results.count(True) == 1


async def test_only_secretariat_invites_and_manages(session):
    invite = await registration.create_invite(
        session, actor=None, role=Role.FOCAL_POINT, state_code="IQ", ttl_days=14)
    focal = await joined_user(session, invite.token, 9)
    with pytest.raises(NotAllowed):
        await registration.create_invite(
            session, actor=focal, role=Role.FOCAL_POINT, state_code="IQ", ttl_days=14)
    with pytest.raises(NotAllowed):
        await registration.set_suspended(session, focal, focal.id, True)
    with pytest.raises(NotAllowed):
        await registration.list_users(session, focal, None)


async def test_secretariat_suspends_and_reinstates(session):
    boss = await registration.bootstrap_secretariat(session, profile(1, "Head"), "ar")
    invite = await registration.create_invite(
        session, actor=boss, role=Role.FOCAL_POINT, state_code="LB", ttl_days=3)
    focal = await joined_user(session, invite.token, 2)
    assert (await registration.set_suspended(session, boss, focal.id, True)).status == \
        UserStatus.SUSPENDED
    assert (await registration.set_suspended(session, boss, focal.id, False)).status == \
        UserStatus.ACTIVE
    with pytest.raises(NotAllowed):
        await registration.set_suspended(session, boss, boss.id, True)
    with pytest.raises(NotFound):
        await registration.get_user(session, boss, 99999)


async def test_unknown_state_and_bad_limits_are_refused(session):
    with pytest.raises(NotFound):
        await registration.create_invite(
            session, actor=None, role=Role.FOCAL_POINT, state_code="XX", ttl_days=14)
    with pytest.raises(ValueError):
        await registration.create_invite(
            session, actor=None, role=Role.FOCAL_POINT, state_code="EG", ttl_days=0)
