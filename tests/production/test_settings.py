"""The settings of the production mode are checked before anything starts."""

import pytest
from pydantic import ValidationError

from bot.__main__ import main
from bot.config import Settings
from sandbox.telegram import FakeTelegram


def settings(**values) -> Settings:
    return Settings(_env_file=None, bot_token=FakeTelegram.TOKEN, **values)


def test_the_webhook_needs_a_public_https_address_and_a_secret():
    with pytest.raises(ValueError, match="WEBHOOK_URL"):
        settings().webhook()
    with pytest.raises(ValueError, match="https"):
        settings(webhook_url="http://bot.example.org/hook", webhook_secret="s3cret").webhook()
    with pytest.raises(ValueError, match="WEBHOOK_SECRET"):
        settings(webhook_url="https://bot.example.org/hook").webhook()
    assert settings(webhook_url="https://bot.example.org/hook",
                    webhook_secret="s3cret").webhook() == ("https://bot.example.org/hook",
                                                           "s3cret")
    # plain http only towards a Bot API server of one's own (as the tests do)
    own = settings(webhook_url="http://10.0.0.5:8080/hook", webhook_secret="s3cret",
                   telegram_api_url="http://127.0.0.1:8081")
    assert own.webhook()[0] == "http://10.0.0.5:8080/hook"


@pytest.mark.parametrize("secret", ["", "has space", "é", "x" * 257])
def test_a_secret_telegram_would_refuse_is_refused(secret):
    with pytest.raises(ValidationError, match="webhook_secret"):
        settings(webhook_secret=secret)


def test_blank_redis_webhook_and_bot_api_urls_mean_unset():
    blank = settings(redis_url="  ", webhook_url="", telegram_api_url=" ")
    assert blank.redis_url is None and blank.webhook_url is None
    assert blank.telegram_api_url is None  # Telegram's own server, so the webhook needs https
    assert settings(telegram_api_url="http://127.0.0.1:8081/").telegram_api_url == (
        "http://127.0.0.1:8081")


def test_webhook_without_its_settings_stops_with_one_line(monkeypatch, capsys):
    for name in ("WEBHOOK_URL", "WEBHOOK_SECRET", "REDIS_URL", "DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("BOT_TOKEN", FakeTelegram.TOKEN)
    monkeypatch.chdir("/")  # no .env
    assert main(["webhook"]) == 2
    assert capsys.readouterr().err == (
        "error: WEBHOOK_URL must be the public https:// address Telegram posts to\n")
