"""The database made ready for the bot: migrated and filled on SQLite, checked on PostgreSQL.

Kept apart from the process (bot/app.py) so that the operator's commands (migrate, load-data,
invite) start without importing the Telegram framework.
"""

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import Settings
from services import action_plan, form_catalog, member_states
from storage import migrate
from storage.database import create_sessionmaker, transaction


class StartupError(RuntimeError):
    """A problem the operator must fix; printed as one line."""


async def prepare_database(engine: AsyncEngine, settings: Settings, *, fill: bool = True) -> None:
    """SQLite is brought up to date and filled (member states on first run; shipped forms and
    action plans each time, safe to repeat); PostgreSQL must be migrated."""
    if settings.is_sqlite:
        await migrate.upgrade(engine)
        if fill:
            await fill_database(engine)
        return
    if await migrate.current_revision(engine) != migrate.head_revision():
        raise StartupError("the database schema is not up to date: run `python -m bot migrate`")


async def fill_database(engine: AsyncEngine) -> None:
    """Member states on first run; shipped forms and action plans each time (safe to repeat)."""
    async with transaction(create_sessionmaker(engine)) as session:
        if not await member_states.list_states(session, "en"):
            await member_states.load_states(session)
        await form_catalog.load_shipped(session)  # new forms of a new release, as drafts
        await action_plan.load_shipped(session)  # the shipped plans, new or corrected
