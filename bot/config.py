"""Settings read from the environment or a `.env` file."""

import re
from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

TOKEN_PATTERN = re.compile(r"^\d{3,}:[A-Za-z0-9_-]{20,}$")
SECRET_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
LOCALES = ("ar", "en")


def default_database_url() -> str:
    return f"sqlite+aiosqlite:///{Path.cwd() / 'arcp.sqlite3'}"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    bot_token: SecretStr | None = None
    bot_username: str | None = None
    database_url: str = Field(default_factory=default_database_url)
    telegram_api_url: str | None = None
    secretariat_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    default_locale: str = "ar"
    invite_ttl_days: int = Field(default=14, ge=1, le=365)
    # room for quick taps (ticking several states) but not for a flood
    throttle_rate: int = Field(default=30, ge=1, description="updates a user may send per window")
    throttle_window: float = Field(default=10.0, gt=0)
    shutdown_timeout: float = Field(default=20.0, gt=0)
    # Reminders go out at this hour in each state's own time zone (never 21:00-08:00 there).
    reminder_hour: int = Field(default=10, ge=8, le=20)
    reminder_sweep_seconds: int = Field(default=60, ge=10, le=3600)
    log_level: str = "INFO"
    # At scale (see README, "Running at scale"): dialog state in Redis, updates by webhook.
    redis_url: str | None = None
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_host: str = "0.0.0.0"
    webhook_port: int = Field(default=8080, ge=1, le=65535)
    webhook_delete_on_stop: bool = False

    @field_validator("secretariat_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            return [int(part) for part in re.split(r"[\s,;]+", value.strip()) if part]
        if isinstance(value, int):
            return [value]
        return value

    @field_validator("default_locale")
    @classmethod
    def _known_locale(cls, value: str) -> str:
        if value not in LOCALES:
            raise ValueError(f"must be one of {', '.join(LOCALES)}")
        return value

    @field_validator("database_url")
    @classmethod
    def _async_driver(cls, value: str) -> str:
        # The usual URLs are accepted and given the async driver the bot runs on.
        scheme, sep, rest = value.partition("://")
        if not sep:
            raise ValueError("expected a URL such as sqlite+aiosqlite:///arcp.sqlite3")
        drivers = {"sqlite": "sqlite+aiosqlite", "sqlite+aiosqlite": "sqlite+aiosqlite",
                   "postgresql": "postgresql+asyncpg", "postgres": "postgresql+asyncpg",
                   "postgresql+asyncpg": "postgresql+asyncpg"}
        if scheme not in drivers:
            raise ValueError("only SQLite (sqlite+aiosqlite://) and PostgreSQL "
                             "(postgresql+asyncpg://) are supported")
        return f"{drivers[scheme]}://{rest}"

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        if value.upper() not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
            raise ValueError("must be DEBUG, INFO, WARNING, ERROR or CRITICAL")
        return value.upper()

    @field_validator("bot_username")
    @classmethod
    def _strip_at(cls, value: str | None) -> str | None:
        return value.lstrip("@") if value else value

    @field_validator("telegram_api_url")
    @classmethod
    def _strip_slash(cls, value: str | None) -> str | None:
        return value.strip().rstrip("/") or None if value else None  # blank: Telegram's own

    @field_validator("redis_url", "webhook_url")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return value.strip() or None if value else None

    @field_validator("webhook_secret")
    @classmethod
    def _telegram_secret(cls, value: SecretStr | None) -> SecretStr | None:
        # Telegram accepts 1-256 characters A-Z, a-z, 0-9, _ and - in secret_token.
        if value is not None and not SECRET_PATTERN.match(value.get_secret_value()):
            raise ValueError("must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
        return value

    def webhook(self) -> tuple[str, str]:
        """The public webhook URL and its secret; raises ValueError when either is missing."""
        url = self.webhook_url or ""
        own_api = self.telegram_api_url is not None  # a Bot API server of one's own may use http
        if not (url.startswith("https://") or own_api and url.startswith("http://")):
            raise ValueError("WEBHOOK_URL must be the public https:// address Telegram posts to")
        if self.webhook_secret is None:
            raise ValueError("WEBHOOK_SECRET is not set: choose 32 or more random characters "
                             "of A-Z, a-z, 0-9, _ and -")
        return self.webhook_url, self.webhook_secret.get_secret_value()

    def token(self) -> str:
        """The bot token, checked for Telegram's shape; raises ValueError when unusable."""
        if self.bot_token is None or not self.bot_token.get_secret_value().strip():
            raise ValueError("BOT_TOKEN is not set: get one from @BotFather and put it in .env")
        token = self.bot_token.get_secret_value().strip()
        if not TOKEN_PATTERN.match(token):
            raise ValueError("BOT_TOKEN is malformed: expected 123456789:AA... from @BotFather")
        return token

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")
