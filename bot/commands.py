"""What each CLI subcommand does.

The Telegram framework is imported only by the commands that talk to Telegram: importing it
takes seconds, and migrate, load-data and invite (with BOT_USERNAME) do without it.
"""

import argparse

from bot.config import Settings
from bot.prepare import StartupError, prepare_database
from services import action_plan, form_catalog, member_states, registration
from services.errors import NotFound
from storage import migrate
from storage.database import create_engine, create_sessionmaker, transaction
from storage.models import Role


class CommandError(RuntimeError):
    pass


async def cmd_run(settings: Settings, args: argparse.Namespace) -> None:
    from bot.app import run_polling

    await _serving(run_polling(settings))


async def cmd_webhook(settings: Settings, args: argparse.Namespace) -> None:
    from bot.webhook import run_webhook

    await _serving(run_webhook(settings))


async def cmd_worker(settings: Settings, args: argparse.Namespace) -> None:
    from bot.worker import run_worker

    await _serving(run_worker(settings))


async def _serving(process) -> None:
    from aiogram.exceptions import TelegramNetworkError, TelegramUnauthorizedError

    try:
        await process
    except StartupError as error:
        raise CommandError(str(error)) from error
    except TelegramUnauthorizedError as error:
        raise CommandError("Telegram refused BOT_TOKEN (401): check it with @BotFather") from error
    except TelegramNetworkError as error:
        raise CommandError(f"cannot reach the Telegram Bot API: {error}") from error


async def cmd_migrate(settings: Settings, args: argparse.Namespace) -> None:
    if args.down and not args.revision:
        raise CommandError("--down needs --revision (e.g. --revision base to remove everything)")
    engine = create_engine(settings.database_url)
    try:
        if args.down:
            await migrate.downgrade(engine, args.revision)
        else:
            await migrate.upgrade(engine, args.revision or "head")
        print(f"database at revision {await migrate.current_revision(engine) or 'base (empty)'}")
    finally:
        await engine.dispose()


async def cmd_load_data(settings: Settings, args: argparse.Namespace) -> None:
    engine = create_engine(settings.database_url)
    try:
        await _ready(engine, settings, fill=False)
        async with transaction(create_sessionmaker(engine)) as session:
            result = await member_states.load_states(session)
            forms = await form_catalog.load_shipped(session)
            plans = await action_plan.load_shipped(session)
        print(f"member states: {result.added} added, {result.updated} updated, "
              f"{result.unchanged} unchanged")
        print(f"forms: {forms.added} added, {forms.unchanged} unchanged")
        kept = f", {plans.kept} kept as the secretariat imported them" if plans.kept else ""
        print(f"action plans: {plans.added} added, {plans.updated} updated, "
              f"{plans.unchanged} unchanged{kept}")
    finally:
        await engine.dispose()


async def cmd_invite(settings: Settings, args: argparse.Namespace) -> None:
    username = settings.bot_username or await _username_from_telegram(settings)
    engine = create_engine(settings.database_url)
    try:
        await _ready(engine, settings)
        async with transaction(create_sessionmaker(engine)) as session:
            try:
                created = await registration.create_invite(
                    session, actor=None,
                    role=Role.SECRETARIAT if args.secretariat else Role.FOCAL_POINT,
                    state_code=(args.state or "").upper() or None,
                    ttl_days=settings.invite_ttl_days if args.days is None else args.days,
                    max_uses=args.uses)
            except NotFound as error:
                raise CommandError(f"unknown member state {args.state!r} "
                                   "(use an ISO code such as EG; run load-data first)") from error
        invite = created.invite
        target = invite.member_state.name_en if invite.member_state else "the secretariat"
        print(f"Invitation for {target}, valid until {invite.expires_at:%Y-%m-%d %H:%M} UTC, "
              f"for {invite.max_uses} person(s):")
        print(created.link(username))
    finally:
        await engine.dispose()


async def _ready(engine, settings: Settings, *, fill: bool = True) -> None:
    try:
        await prepare_database(engine, settings, fill=fill)
    except StartupError as error:
        raise CommandError(str(error)) from error


async def _username_from_telegram(settings: Settings) -> str:
    from aiogram.exceptions import TelegramNetworkError, TelegramUnauthorizedError

    from bot.app import create_bot

    bot = create_bot(settings)
    try:
        return (await bot.me()).username
    except TelegramUnauthorizedError as error:
        raise CommandError("Telegram refused BOT_TOKEN (401)") from error
    except TelegramNetworkError as error:
        raise CommandError("cannot reach Telegram to learn the bot's username: "
                           "set BOT_USERNAME") from error
    finally:
        await bot.session.close()


COMMANDS = {
    "run": cmd_run,
    "webhook": cmd_webhook,
    "worker": cmd_worker,
    "migrate": cmd_migrate,
    "load-data": cmd_load_data,
    "invite": cmd_invite,
}
