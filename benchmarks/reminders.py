"""The reminder sweep's cost in time and SQL statements, by slots due and slots kept.

    python benchmarks/reminders.py [--users 10000] [--deadlines 20 200] [--due 0 1 22 220]

For each number of deadlines, a temporary SQLite database is migrated and filled with the 22
member states, `--users` focal points spread over them and that many deadlines for every state
(each with its 9 reminder slots: 14, 7, 3, 1 days before, the day, four weekly overdue ones),
due on different days. Then the clock is set so that exactly `--due` slots are due, and one
sweep (bot.jobs.sweep_reminders, as the scheduler runs it) is timed and its statements counted.
A due slot queues one delivery per focal point of its state (about users / 22).
"""

import argparse
import asyncio
import itertools
import logging
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import event, func, select, update

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot import jobs  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.l10n import L10n  # noqa: E402
from bot.prepare import prepare_database  # noqa: E402
from services import clock, deadlines  # noqa: E402
from storage.database import create_engine, create_sessionmaker, transaction  # noqa: E402
from storage.models import (  # noqa: E402
    ActionItem,
    Delivery,
    MemberState,
    Reminder,
    ReminderStatus,
    Role,
    User,
    UserStatus,
)

START = datetime(2027, 1, 1, tzinfo=UTC)


class Worker:
    def wake(self) -> None:
        pass


async def fill(pool, users: int, count: int) -> None:
    async with transaction(pool) as session:
        codes = sorted(await session.scalars(select(MemberState.code)))
        session.add_all(
            User(telegram_id=20_000_000 + n, full_name=f"Focal point {n}",
                 role=Role.FOCAL_POINT, member_state_code=codes[n % len(codes)],
                 status=UserStatus.ACTIVE, locale=("ar", "en")[n % 2])
            for n in range(users))
        boss = User(telegram_id=1, full_name="Secretariat", role=Role.SECRETARIAT,
                    status=UserStatus.ACTIVE, locale="en")
        session.add(boss)
        await session.flush()
        item = await session.scalar(select(ActionItem.id).limit(1))
        for n in range(count):
            spec = deadlines.Spec(item_id=item, task_en=f"Task {n}",
                                  due_at=START + timedelta(days=30 + n, hours=10))
            await deadlines.create(session, boss, spec, hour=10)


async def make_due(pool, due: int, moment: datetime) -> None:
    """Bring the `due` earliest planned slots to `moment` (09:00 UTC: a civil hour in every
    member state, from UTC+0 to UTC+4); all others lie weeks later."""
    async with transaction(pool) as session:
        ids = list(await session.scalars(
            select(Reminder.id).where(Reminder.status == ReminderStatus.PLANNED)
            .order_by(Reminder.send_at, Reminder.id).limit(due)))
        await session.execute(update(Reminder).where(Reminder.id.in_(ids))
                              .values(send_at=moment))


async def measure(users: int, count: int, dues: list[int]) -> list[dict]:
    results = []
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(database_url=f"sqlite+aiosqlite:///{folder}/bench.sqlite3")
        engine = create_engine(settings.database_url)
        await prepare_database(engine, settings)
        pool = create_sessionmaker(engine)
        clock.freeze(START)
        await fill(pool, users, count)
        jobs.configure(pool, Worker(), L10n())
        statements = itertools.count()
        event.listen(engine.sync_engine, "before_cursor_execute",
                     lambda *args: next(statements))
        async with transaction(pool) as session:
            slots = await session.scalar(select(func.count()).select_from(Reminder))
        for round_, due in enumerate(dues, start=1):
            moment = START + timedelta(days=round_, hours=9)
            await make_due(pool, due, moment)
            clock.freeze(moment)
            before, started = next(statements), time.perf_counter()
            await jobs.sweep_reminders()
            elapsed = time.perf_counter() - started
            used = next(statements) - before - 1
            async with transaction(pool) as session:
                queued = await session.scalar(select(func.count()).select_from(Delivery))
                await session.execute(Delivery.__table__.delete())
            results.append(dict(deadlines=count, slots=slots, due=due, deliveries=queued,
                                statements=used, ms=elapsed * 1000))
        await engine.dispose()
        clock.reset()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--deadlines", type=int, nargs="+", default=[20, 200])
    parser.add_argument("--due", type=int, nargs="+", default=[0, 1, 22, 220])
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    print(f"{'deadlines':>9} {'slots kept':>10} {'due':>5} {'deliveries':>10} "
          f"{'statements':>10} {'ms':>9} {'ms/due slot':>11}")
    for count in args.deadlines:
        for row in asyncio.run(measure(args.users, count, args.due)):
            per = f"{row['ms'] / row['due']:.1f}" if row["due"] else "-"
            print(f"{row['deadlines']:>9} {row['slots']:>10} {row['due']:>5} "
                  f"{row['deliveries']:>10} {row['statements']:>10} {row['ms']:>9.1f} "
                  f"{per:>11}")
    print(f"users: {args.users}, states: 22, date: {date.today()}")


if __name__ == "__main__":
    main()
