"""`python -m bot worker`: the scheduler and the delivery worker, without any updates.

Run one beside the webhook replicas. A second one by mistake sends nothing twice (rows are
claimed with FOR UPDATE SKIP LOCKED, reminders and deliveries have unique keys), but the two
would share Telegram's flood limits without knowing it.
"""

import logging

from bot.app import Background, until_signal
from bot.config import Settings
from bot.l10n import L10n
from bot.prepare import prepare_database
from storage.database import create_engine, create_sessionmaker

log = logging.getLogger(__name__)


async def run_worker(settings: Settings) -> None:
    engine = create_engine(settings.database_url)
    try:
        await prepare_database(engine, settings)
        background = Background(settings, create_sessionmaker(engine),
                                L10n(default=settings.default_locale))
        await background.start()
        log.info("worker %s running (scheduler and deliveries)", background.worker.worker_id)
        try:
            await until_signal()
        finally:
            await background.stop()
    finally:
        await engine.dispose()
