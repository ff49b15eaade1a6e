"""APScheduler: timed work that survives restarts.

Jobs are module-level functions in bot.jobs referenced by string, with ids as arguments
(the job store pickles them). One scheduler per job store: the `run` or `worker` process.
With SQLite the jobs live in a file of their own: APScheduler 3's store is synchronous and
would otherwise wait, inside the event loop, for a write lock held by that same loop.
"""

from datetime import datetime

from apscheduler.jobstores.base import JobLookupError
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy.engine import make_url

from bot.config import Settings
from services.timezones import SECRETARIAT_TIMEZONE

JOB_DEFAULTS = {
    "misfire_grace_time": None,  # a job due while the bot was down still runs when it is back
    "coalesce": True,
    "max_instances": 1,
}


def job_store_url(database_url: str) -> str:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        path = url.database or ""
        stem = path.removesuffix(".sqlite3").removesuffix(".db")
        return f"sqlite:///{stem}.jobs.sqlite3"
    return url.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


def create_scheduler(settings: Settings) -> AsyncIOScheduler:
    store = SQLAlchemyJobStore(url=job_store_url(settings.database_url))
    return AsyncIOScheduler(jobstores={"default": store}, job_defaults=JOB_DEFAULTS,
                            timezone="UTC")


class Planner:
    """What the dialogs may ask of the scheduler (they get it as `planner`)."""

    def __init__(self, scheduler: AsyncIOScheduler):
        self.scheduler = scheduler

    def plan_recurring(self, sweep_seconds: int) -> None:
        """The reminder sweep and the secretariat's weekly digest (Sunday 09:00, Cairo)."""
        self.scheduler.add_job("bot.jobs:sweep_reminders", "interval", seconds=sweep_seconds,
                               id="reminders:sweep", replace_existing=True)
        self.scheduler.add_job("bot.jobs:weekly_digest", "cron", day_of_week="sun", hour=9,
                               timezone=SECRETARIAT_TIMEZONE, id="digest:weekly",
                               replace_existing=True)

    def plan_announcement(self, ann_id: int, when: datetime) -> None:
        self.scheduler.add_job("bot.jobs:fire_announcement", "date", run_date=when,
                               args=[ann_id], id=f"announcement:{ann_id}",
                               replace_existing=True)

    def unplan_announcement(self, ann_id: int) -> None:
        try:
            self.scheduler.remove_job(f"announcement:{ann_id}")
        except JobLookupError:
            pass

    def has_job(self, job_id: str) -> bool:
        return self.scheduler.get_job(job_id) is not None
