import subprocess
import sys

import pytest

from bot.config import Settings

GOOD = "123456789:AAHx-abcdefghijklmnopqrstuvwxyz012345"


def settings(**values) -> Settings:
    return Settings(_env_file=None, **values)


def test_defaults_are_sqlite_and_arabic(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    for name in ("DATABASE_URL", "DEFAULT_LOCALE", "BOT_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    s = settings()
    assert s.database_url == f"sqlite+aiosqlite:///{tmp_path / 'arcp.sqlite3'}"
    assert s.default_locale == "ar" and s.invite_ttl_days == 14


def test_secretariat_ids_from_environment(monkeypatch):
    monkeypatch.setenv("SECRETARIAT_IDS", "11, 22;33")
    assert settings().secretariat_ids == [11, 22, 33]


@pytest.mark.parametrize("token", [None, "", "nonsense", "123:short", "abc:" + "x" * 35])
def test_bad_tokens_are_refused(token):
    with pytest.raises(ValueError, match="BOT_TOKEN"):
        settings(bot_token=token).token()


def test_good_token_passes():
    assert settings(bot_token=GOOD).token() == GOOD


def run_cli(*args, env=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "bot", *args], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=120)


def clean_env(tmp_path, **extra):
    import os

    env = {k: v for k, v in os.environ.items()
           if k not in {"BOT_TOKEN", "DATABASE_URL", "SECRETARIAT_IDS", "TELEGRAM_API_URL"}}
    env["PYTHONPATH"] = str(__import__("pathlib").Path(__file__).resolve().parents[2])
    env.update(extra)
    return env


def test_cli_one_clear_line_for_each_mistake(tmp_path):
    missing = run_cli("run", env=clean_env(tmp_path), cwd=tmp_path)
    assert missing.returncode != 0
    assert missing.stderr.strip() == (
        "error: BOT_TOKEN is not set: get one from @BotFather and put it in .env")

    malformed = run_cli("run", env=clean_env(tmp_path, BOT_TOKEN="12:x"), cwd=tmp_path)
    assert malformed.returncode != 0 and "Traceback" not in malformed.stderr
    assert "BOT_TOKEN is malformed" in malformed.stderr

    bad_db = run_cli("load-data", env=clean_env(
        tmp_path, DATABASE_URL="sqlite+aiosqlite:////no/such/dir/x.db"), cwd=tmp_path)
    assert bad_db.returncode != 0 and "Traceback" not in bad_db.stderr
    assert "cannot open the database" in bad_db.stderr.splitlines()[-1]

    bad_ids = run_cli("run", env=clean_env(tmp_path, SECRETARIAT_IDS="boss"), cwd=tmp_path)
    assert bad_ids.returncode != 0 and "SECRETARIAT_IDS" in bad_ids.stderr


def test_cli_help_on_each_command(tmp_path):
    for command in ("run", "migrate", "load-data", "invite"):
        result = run_cli(command, "--help", env=clean_env(tmp_path), cwd=tmp_path)
        assert result.returncode == 0 and "usage:" in result.stdout


def test_cli_load_data_twice_and_invite_offline(tmp_path):
    env = clean_env(tmp_path, BOT_USERNAME="arcp_bot")
    first = run_cli("load-data", env=env, cwd=tmp_path)
    second = run_cli("load-data", env=env, cwd=tmp_path)
    assert "22 added" in first.stdout
    assert "0 added, 0 updated, 22 unchanged" in second.stdout
    invite = run_cli("invite", "--state", "EG", env=env, cwd=tmp_path)
    assert invite.returncode == 0, invite.stderr
    assert "Invitation for Egypt" in invite.stdout
    assert "https://t.me/arcp_bot?start=inv_" in invite.stdout
    unknown = run_cli("invite", "--state", "XX", env=env, cwd=tmp_path)
    assert unknown.returncode != 0 and "unknown member state" in unknown.stderr


def test_database_urls_get_the_async_driver():
    assert settings(database_url="sqlite:///x.db").database_url == "sqlite+aiosqlite:///x.db"
    assert settings(database_url="postgres://u@h/db").database_url == \
        "postgresql+asyncpg://u@h/db"
    for bad in ("nonsense", "mysql://x@y/z"):
        with pytest.raises(ValueError, match="URL|supported"):
            settings(database_url=bad)
