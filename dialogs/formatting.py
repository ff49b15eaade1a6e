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
    return clip(" ".join(html.unescape(TAG.sub("", html_text or "")).split()), length)


def clip(text: str, length: int) -> str:
    """Plain text shortened to `length` characters, marked with an ellipsis when cut."""
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"
