"""Presentation details shared by windows."""

import html
import re

from babel.dates import get_timezone_location

from services.timezones import user_timezone
from storage.models import User

TAG = re.compile(r"<[^>]+>")


def zone_name(user: User | None, locale: str) -> str:
    """The viewer's time zone as a place name in their language ("Cairo", "القاهرة")."""
    return get_timezone_location(user_timezone(user), locale=locale, return_city=True)


def excerpt(html_text: str | None, length: int = 40) -> str:
    """The first words of a message, without markup, for a button label."""
    plain = " ".join(html.unescape(TAG.sub("", html_text or "")).split())
    return plain if len(plain) <= length else plain[: length - 1].rstrip() + "…"
