"""One broadcast through the delivery worker against the fake Bot API with Telegram's limits.

    python benchmarks/broadcast.py [--sizes 100 1000 10000] [--latency 0.2]

Each size runs in a fresh process (so its peak memory is its own): a temporary SQLite database
is migrated, N focal points are created, one announcement is queued for all of them and a
DeliveryWorker drains it while the fake server enforces 30 messages/s overall and 1/s per chat.
--latency delays every sendMessage answer (before the server counts it), as a distant
Telegram data centre would. The fake server runs in the same process, so CPU and memory
include it.
"""

import argparse
import asyncio
import json
import logging
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.config import Settings  # noqa: E402
from bot.delivery import OVERALL_LIMIT, DeliveryWorker  # noqa: E402
from bot.prepare import prepare_database  # noqa: E402
from sandbox.telegram import FakeTelegram  # noqa: E402
from services import outbox  # noqa: E402
from storage.database import create_engine, create_sessionmaker, transaction  # noqa: E402
from storage.models import Role, User, UserStatus  # noqa: E402

STATES = ("EG", "JO", "MA", "PS", "TN", "SA", "IQ", "LB")
TEXT = ("<b>Regional consultation</b>: the national reports are due on <i>15 March</i>. "
        "Please reply through the bot &amp; attach your practice.")


async def create_people(pool, tg: FakeTelegram, count: int) -> list[User]:
    users = [
        User(telegram_id=10_000_000 + n, full_name=f"Focal point {n}", role=Role.FOCAL_POINT,
             member_state_code=STATES[n % len(STATES)], status=UserStatus.ACTIVE, locale="en")
        for n in range(count)
    ]
    async with transaction(pool) as session:
        session.add_all(users)
    for user in users:
        tg.user(user.telegram_id, started=True)
    return users


async def measure(size: int, latency: float) -> dict:
    tracemalloc.start()
    with tempfile.TemporaryDirectory() as folder:
        db_url = f"sqlite+aiosqlite:///{folder}/bench.sqlite3"
        async with FakeTelegram() as tg:
            tg.enforce_limits(OVERALL_LIMIT, 1)
            if latency:
                tg.delay("sendMessage", latency)
            settings = Settings(_env_file=None, bot_token=FakeTelegram.TOKEN,
                                database_url=db_url, telegram_api_url=tg.base_url)
            engine = create_engine(db_url)
            await prepare_database(engine, settings)
            pool = create_sessionmaker(engine)
            users = await create_people(pool, tg, size)

            queued_at = time.monotonic()
            async with transaction(pool) as session:
                await outbox.enqueue(session, "announcement", "bench", [
                    outbox.Outgoing(u.id, u.telegram_id, {"text": f"{TEXT} #{u.id}"})
                    for u in users])
            enqueue_seconds = time.monotonic() - queued_at

            worker = DeliveryWorker(pool, settings)
            cpu_before = _cpu()
            began = time.monotonic()
            await worker.start()
            while True:
                async with transaction(pool) as session:
                    report = await outbox.report(session, "announcement", "bench")
                if report.finished:
                    break
                await asyncio.sleep(0.25)
            seconds = time.monotonic() - began
            cpu = _cpu() - cpu_before
            await worker.stop()
            await engine.dispose()

            sends = sorted(send.time for send in tg.sends)
            steady = (len(sends) - 1) / (sends[-1] - sends[0]) if len(sends) > 1 else 0.0
            per_chat = {}
            for send in tg.sends:
                per_chat[send.chat_id] = per_chat.get(send.chat_id, 0) + 1
            _, peak = tracemalloc.get_traced_memory()
            return {
                "recipients": size,
                "latency": latency,
                "sent": report.counts[outbox.DeliveryStatus.SENT],
                "twice": sum(1 for n in per_chat.values() if n > 1),
                "enqueue_s": enqueue_seconds,
                "seconds": seconds,
                "rate": size / seconds,
                "steady_rate": steady,
                "http_429": sum(1 for _, status, _ in tg.errors if status == 429),
                "violations": len(tg.rate_violations),
                "max_in_1s": tg.max_sends_in_window(1.0),
                "cpu_ms_per_message": 1000 * cpu / size,
                "tracemalloc_peak_mb": peak / 2**20,
                "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def print_table(results: list[dict]) -> None:
    print(f"{'recipients':>10} {'latency':>7} {'sent':>6} {'twice':>5} {'seconds':>8} "
          f"{'msg/s':>6} {'% of 30/s':>9} {'steady/s':>8} {'429s':>5} {'violations':>10} "
          f"{'max/1s':>6} {'cpu ms/msg':>10} {'py peak MB':>10} {'max RSS MB':>10}")
    for r in results:
        print(f"{r['recipients']:>10} {r['latency']:>7.2f} {r['sent']:>6} {r['twice']:>5} "
              f"{r['seconds']:>8.1f} {r['rate']:>6.1f} {100 * r['rate'] / OVERALL_LIMIT:>8.0f}% "
              f"{r['steady_rate']:>8.1f} {r['http_429']:>5} {r['violations']:>10} "
              f"{r['max_in_1s']:>6} {r['cpu_ms_per_message']:>10.2f} "
              f"{r['tracemalloc_peak_mb']:>10.1f} {r['maxrss_mb']:>10.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--latency", type=float, default=0.0,
                        help="seconds each sendMessage takes at the fake server")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    if args.one:
        print(json.dumps(asyncio.run(measure(args.one, args.latency))))
        return
    results = []
    for size in args.sizes:
        command = [sys.executable, __file__, "--one", str(size), "--latency", str(args.latency)]
        child = subprocess.run(command, check=True, capture_output=True, text=True)
        results.append(json.loads(child.stdout.strip().splitlines()[-1]))
        print(f"# {size}: done in {results[-1]['seconds']:.1f} s", file=sys.stderr)
    print_table(results)


if __name__ == "__main__":
    main()
