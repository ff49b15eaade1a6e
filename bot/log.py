"""Logging that never prints the bot token (httpx and aiohttp log whole request URLs)."""

import logging
import re

TOKEN_IN_TEXT = re.compile(r"\d{3,}:[A-Za-z0-9_-]{20,}")


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return TOKEN_IN_TEXT.sub("<token>", super().format(record))


def setup_logging(level: str = "INFO") -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # apscheduler.executors says "Running job" at each reminder sweep (every minute)
    for noisy in ("httpx", "httpcore", "aiohttp.access", "alembic.runtime.plugins",
                  "apscheduler.executors"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
