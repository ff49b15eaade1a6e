"""python -m bot (or arcp-bot): run the bot and the operator's commands."""

import argparse
import asyncio
import logging
import sys
from pathlib import Path

from alembic.util.exc import CommandError as AlembicError
from pydantic import ValidationError
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError

from bot.config import Settings
from bot.log import setup_logging

log = logging.getLogger("bot")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="ARCP focal-point bot. Settings come from the environment or a .env file.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("run", help="run the bot (long polling; the default)",
                        description="Run the bot with long polling. A SQLite database is "
                        "created or upgraded and filled with the member states and the action "
                        "plan by itself.")
    commands.add_parser("webhook", help="serve Telegram's webhook (one replica of several)",
                        description="Serve Telegram's webhook over HTTP on WEBHOOK_HOST:"
                        "WEBHOOK_PORT, set it to WEBHOOK_URL with WEBHOOK_SECRET on start, answer "
                        "GET /healthz. Runs neither the scheduler nor the deliveries: run one "
                        "`worker` beside any number of replicas. Needs a migrated database "
                        "(PostgreSQL) and REDIS_URL for more than one replica.")
    commands.add_parser("worker", help="run the scheduler and the deliveries only",
                        description="Run the reminders, scheduled announcements, weekly digest "
                        "and the delivery of queued messages, without taking updates (for use "
                        "beside `webhook` replicas). Run one.")
    migrate = commands.add_parser("migrate", help="bring the database schema up to date",
                                  description="Apply database migrations (needed for "
                                  "PostgreSQL before `run`; SQLite is migrated by `run`).")
    migrate.add_argument("--revision", default=None,
                         help="target revision (default: head; required with --down)")
    migrate.add_argument("--down", action="store_true",
                         help="downgrade to --revision instead of upgrading")
    commands.add_parser("load-data", help="load the member states, forms and action plan "
                        "(safe to repeat)",
                        description="Load or update the 22 member states, the shipped "
                        "questionnaires and the ARCP action plan(s) from the shipped data files "
                        "(a plan the secretariat imported in the bot is left as imported). "
                        "Running it twice changes nothing.")
    invite = commands.add_parser("invite", help="create an invitation link",
                                 description="Create an invitation link and print it.")
    target = invite.add_mutually_exclusive_group(required=True)
    target.add_argument("--state", metavar="CODE", help="member state ISO code, e.g. EG")
    target.add_argument("--secretariat", action="store_true",
                        help="invite a member of the secretariat")
    invite.add_argument("--uses", type=int, default=1, help="how many people may join (default 1)")
    invite.add_argument("--days", type=int, default=None,
                        help="days the link stays valid (default: INVITE_TTL_DAYS, 14)")
    sandbox = commands.add_parser(
        "sandbox", help="try the bot in a browser, on this computer only",
        description="Start a local copy of the Telegram Bot API, the bot against it on a "
        "throwaway database with demo people and an open deadline, and a web page to chat as "
        "any of them. Listens on 127.0.0.1 only; needs no BOT_TOKEN and ignores .env. Stop it "
        "with Ctrl+C: its temporary files are deleted.")
    sandbox.add_argument("--port", type=int, default=8080,
                         help="port of the page and the emulator (default 8080; 0: any free one)")
    sandbox.add_argument("--lang", choices=("ar", "en"), default="ar",
                         help="language of the page (default ar)")
    return parser


def run_sandbox(args: argparse.Namespace) -> int:
    setup_logging("WARNING")
    from sandbox.run import run_sandbox as run  # aiogram is slow to import: only when asked

    try:
        asyncio.run(run(args.port, args.lang))
    except KeyboardInterrupt:
        return 130
    except OSError as error:  # most often: the port is taken
        return fail(f"sandbox: {error}; try --port 0")
    return 0


def _missing_sqlite_folder(database_url: str) -> str | None:
    """The folder an SQLite file would go in, if it does not exist. Said before connecting:
    aiosqlite's thread outlives a failed connection and prints a traceback at exit."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    folder = Path(url.database).expanduser().resolve().parent
    return None if folder.is_dir() else str(folder)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "sandbox":  # its settings are made in code, not read
        return run_sandbox(args)
    try:
        settings = Settings()
    except ValidationError as error:
        first = error.errors()[0]
        return fail(f"setting {'.'.join(map(str, first['loc'])).upper()}: {first['msg']}")
    setup_logging(settings.log_level)
    command = args.command or "run"
    try:
        if command in ("run", "webhook", "worker"):
            settings.token()
        if command == "webhook":
            settings.webhook()
        if missing := _missing_sqlite_folder(settings.database_url):
            return fail(f"cannot open the database {_safe_url(settings.database_url)}: "
                        f"the folder {missing} does not exist")
        from bot import commands  # aiogram is slow to import: not before the settings are sound

        asyncio.run(commands.COMMANDS[command](settings, args))
    except KeyboardInterrupt:
        return 130
    except (ArgumentError, NoSuchModuleError) as error:
        return fail(f"DATABASE_URL is not usable ({error}); expected e.g. "
                    "sqlite+aiosqlite:///arcp.sqlite3 or postgresql+asyncpg://user@host/db")
    except AlembicError as error:
        return fail(f"migration: {error}")
    except (RuntimeError, ValueError) as error:  # CommandError, a bad token: the operator's to fix
        return fail(str(error))
    except (OperationalError, DBAPIError, OSError) as error:
        url = _safe_url(settings.database_url)
        reason = str(getattr(error, "orig", None) or error).splitlines()[0]
        return fail(f"cannot open the database {url}: {reason}")
    return 0


def _safe_url(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(DATABASE_URL)"


def fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
