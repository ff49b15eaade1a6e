"""Which clock a person reads: their state's, or Cairo's for the secretariat."""

from datetime import datetime
from zoneinfo import ZoneInfo

from storage.models import User

SECRETARIAT_TIMEZONE = "Africa/Cairo"


def user_timezone(user: User | None) -> ZoneInfo:
    if user is not None and user.member_state is not None and not user.is_secretariat:
        return ZoneInfo(user.member_state.timezone)
    return ZoneInfo(SECRETARIAT_TIMEZONE)


def local(moment: datetime, user: User | None) -> datetime:
    """A stored UTC time as the viewer's wall-clock time (naive, for display)."""
    return moment.astimezone(user_timezone(user)).replace(tzinfo=None)
