"""Presentation details shared by windows."""

from babel.dates import get_timezone_location

from services.timezones import user_timezone
from storage.models import User


def zone_name(user: User | None, locale: str) -> str:
    """The viewer's time zone as a place name in their language ("Cairo", "القاهرة")."""
    return get_timezone_location(user_timezone(user), locale=locale, return_city=True)
