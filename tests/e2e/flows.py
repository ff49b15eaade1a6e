"""Journeys several tests share, done the way a person does them in the chat."""

import asyncio
import re

from sandbox.telegram import FakeTelegram, FakeUser, strip_bidi
from services import registration
from storage.database import transaction
from storage.models import Role
from tests.conftest import SECRETARIAT_ID

LINK = re.compile(r"https://t\.me/arcp_test_bot\?start=(inv_[A-Za-z0-9_-]+)")


def secretariat(tg: FakeTelegram, language_code: str = "en") -> FakeUser:
    return tg.user(SECRETARIAT_ID, first_name="Layla", last_name="Mansour",
                   username="layla_las", language_code=language_code)


async def create_invite(boss: FakeUser, state: str, *, uses: str | None = None) -> str:
    """The secretariat makes an invitation link in the bot; returns the /start payload."""
    await boss.send("/menu")
    await boss.press("✉️ Invite focal points")
    await boss.press(state)
    if uses:
        await boss.press(f"○ {uses}")
    await boss.press("Create link")
    match = LINK.search(boss.last_message().text)
    assert match, boss.transcript(last=3)
    return match.group(1)


async def focal_point(tg: FakeTelegram, app, user_id: int, state: str,
                      language: str = "English", name: str = "Focal") -> FakeUser:
    """A focal point of `state` who joined with an invitation link made for them."""
    async with transaction(app.pool) as session:
        created = await registration.create_invite(
            session, actor=None, role=Role.FOCAL_POINT, state_code=state, ttl_days=14)
    person = tg.user(user_id, first_name=name)
    await join(person, f"inv_{created.token}", language=language)
    return person


async def join(person: FakeUser, payload: str, language: str = "English") -> None:
    await person.send(f"/start {payload}")
    await person.press(language)
    await person.press("✅ Join" if language == "English" else "✅ انضمام")


async def eventually(check, timeout: float = 5.0):
    """Wait for something the outbox delivers in the background; returns the check's value."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        value = check()
        if value or loop.time() > deadline:
            assert value, "not delivered in time"
            return value
        await asyncio.sleep(0.05)


def message_with(person: FakeUser, *needles: str):
    """The newest bot message containing every needle (bidi marks ignored), if any."""
    return next((m for m in reversed(person.messages())
                 if all(n in strip_bidi(m.text) for n in needles)), None)
