"""The one place where routers, dialogs, middlewares and storage are wired."""

from aiogram import Dispatcher
from aiogram.fsm.storage.redis import RedisStorage
from aiogram_dialog import setup_dialogs
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.fsm_storage import create_storage
from bot.l10n import L10n
from bot.middlewares import (
    ChatLockMiddleware,
    DedupeMiddleware,
    InflightMiddleware,
    SessionMiddleware,
    ThrottleMiddleware,
    UserMiddleware,
)
from dialogs.announce.dialog import announce_dialog
from dialogs.announcements.dialog import announcements_dialog
from dialogs.deadlines.dialog import deadlines_dialog
from dialogs.feed.dialog import feed_dialog
from dialogs.forms_admin.dialog import forms_admin_dialog
from dialogs.invites.dialog import invites_dialog
from dialogs.language.dialog import language_dialog
from dialogs.menu.dialog import menu_dialog
from dialogs.onboarding.dialog import onboarding_dialog
from dialogs.owed.dialog import owed_dialog
from dialogs.plan.dialog import plan_dialog, plan_import_dialog
from dialogs.practices.dialog import (
    practice_review_dialog,
    practices_dialog,
    shared_practices_dialog,
)
from dialogs.survey.dialog import survey_dialog
from dialogs.users.dialog import users_dialog
from handlers.commands import commands_router
from handlers.errors import errors_router
from handlers.fallback import fallback_router
from handlers.reminders import reminders_router
from handlers.start import start_router


def create_dispatcher(
    settings: Settings, pool: async_sessionmaker[AsyncSession], locales: L10n | None = None,
    deliveries=None,
) -> Dispatcher:
    """The dispatcher; `deliveries` (the outbox worker) is woken when an update queued mail."""
    locales = locales or L10n(default=settings.default_locale)
    storage = create_storage(settings, pool)
    # With Redis (several replicas), one user's updates are taken one at a time across all of
    # them, as the chat lock does within one process; aiogram-dialog's redraws share the lock.
    isolation = storage.create_isolation() if isinstance(storage, RedisStorage) else None
    dp = Dispatcher(storage=storage, settings=settings, locales=locales,
                    **({"events_isolation": isolation} if isolation else {}))
    inflight = InflightMiddleware()
    dp["inflight"] = inflight
    for middleware in (
        inflight,
        ThrottleMiddleware(settings.throttle_rate, settings.throttle_window, locales),
        ChatLockMiddleware(),
        SessionMiddleware(pool, deliveries),
        DedupeMiddleware(pool),
        UserMiddleware(settings, locales),
    ):
        dp.update.outer_middleware(middleware)
    # aiogram handles errors outside our middlewares, after the update's transaction was rolled
    # back: error handlers get a fresh session and user of their own.
    dp.errors.outer_middleware(SessionMiddleware(pool, deliveries))
    dp.errors.outer_middleware(UserMiddleware(settings, locales))
    dp.include_routers(
        errors_router(),
        start_router(),
        commands_router(),
        reminders_router(),
        onboarding_dialog(),
        menu_dialog(),
        language_dialog(),
        invites_dialog(),
        users_dialog(),
        announce_dialog(),
        announcements_dialog(),
        feed_dialog(),
        survey_dialog(),
        plan_dialog(),
        plan_import_dialog(),
        owed_dialog(),
        deadlines_dialog(),
        forms_admin_dialog(),
        practices_dialog(),
        practice_review_dialog(),
        shared_practices_dialog(),
        fallback_router(),
    )
    setup_dialogs(dp, events_isolation=isolation)
    return dp
