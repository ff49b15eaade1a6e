"""Notices to the secretariat about what focal points did."""

import logging

from aiogram.exceptions import TelegramAPIError

from services import registration
from storage.models import User

log = logging.getLogger(__name__)


async def tell_secretariat_joined(data: dict, user: User) -> None:
    """Tell every active secretariat member, each in their language, who joined."""
    locales, bot = data["locales"], data["bot"]
    for member in await registration.secretariat_members(data["session"]):
        if member.id == user.id:
            continue
        l10n = locales.get(member.locale)
        state = user.member_state.name(member.locale) if user.member_state else ""
        text = l10n("notice-joined", name=user.full_name, role=str(user.role), state=state,
                    username=user.username or "")
        try:
            await bot.send_message(member.telegram_id, text)
        except TelegramAPIError as error:  # one unreachable member must not stop the others
            log.warning("join notice to user %s failed: %s", member.id, error)
