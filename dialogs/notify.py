"""Notices to the secretariat about what focal points did, sent through the outbox."""

from services import outbox, registration
from storage.models import User

NOTICE = "notice"


async def tell_secretariat_joined(data: dict, user: User) -> None:
    """Queue, for every active secretariat member in their language, who joined."""
    locales = data["locales"]
    items = []
    for member in await registration.secretariat_members(data["session"]):
        if member.id == user.id:
            continue
        state = user.member_state.name(member.locale) if user.member_state else ""
        text = locales.get(member.locale)("notice-joined", name=user.full_name,
                                          role=str(user.role), state=state)
        items.append(outbox.Outgoing(member.id, member.telegram_id, {"text": text}))
    await outbox.enqueue(data["session"], NOTICE, f"join:{user.id}", items)
