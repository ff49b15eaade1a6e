"""A Telegram Bot API emulator (the tests' fake server and the sandbox's) and simulated
users, over real HTTP."""

from .bidi import strip_bidi
from .errors import ApiError
from .html import HtmlParseError, parse_html
from .server import FakeTelegram
from .spec import validate
from .state import CallbackAnswer, Message
from .user import FakeUser

__all__ = [
    "ApiError",
    "CallbackAnswer",
    "FakeTelegram",
    "FakeUser",
    "HtmlParseError",
    "Message",
    "parse_html",
    "strip_bidi",
    "validate",
]
