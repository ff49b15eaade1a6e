"""Replies several handlers give."""

from storage.models import User, UserStatus


def not_registered_text(locales, user: User | None) -> str:
    """For someone who may not use the bot: how to get access, in both languages."""
    msg_id = "access-suspended" if user and user.status == UserStatus.SUSPENDED else "access-none"
    return "\n\n".join(locales.get(lang)(msg_id) for lang in ("ar", "en"))
