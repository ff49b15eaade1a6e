"""A small world for the deadline and reminder tests: an action item, a secretariat officer and
focal points in Egypt, Morocco (two) and Oman, with the clock stopped on 1 December 2026."""

import itertools
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot import jobs
from bot.l10n import L10n
from services import clock, deadlines
from storage.database import transaction
from storage.models import ActionItem, ActionPlan, Form, FormStatus, Role, User, UserStatus

START = datetime(2026, 12, 1, tzinfo=UTC)
CAIRO, RABAT, MUSCAT = (ZoneInfo(z) for z in ("Africa/Cairo", "Africa/Casablanca", "Asia/Muscat"))
ZONES = {"EG": CAIRO, "MA": RABAT, "OM": MUSCAT}
HOUR = 10
_ids = itertools.count(9000)


class Worker:
    def __init__(self):
        self.wakes = 0

    def wake(self):
        self.wakes += 1


def cairo(y, m, d, hh=12, mm=0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=CAIRO)


@pytest.fixture
async def world(pool):
    """One action item, a secretariat officer and focal points in Egypt, Morocco and Oman."""
    clock.freeze(START)
    async with transaction(pool) as s:
        plan = ActionPlan(key="test-plan", title_ar="خطة", title_en="Plan",
                          starts_on=date(2026, 1, 1), ends_on=date(2027, 12, 31))
        s.add(plan)
        await s.flush()
        item = ActionItem(plan_id=plan.id, number=9, title_ar="التقييم", title_en="Evaluation",
                          activities=[])
        s.add(item)
        people = {"boss": _person(Role.SECRETARIAT, None, "en")}
        for code, locale in (("EG", "ar"), ("MA", "en"), ("MA", "ar"), ("OM", "en")):
            people[f"{code}-{locale}"] = _person(Role.FOCAL_POINT, code, locale)
        s.add_all(people.values())
        await s.flush()
        form = await s.scalar(select(Form).where(Form.key == "arcp_evaluation"))
        form.status = FormStatus.OPEN  # open to the states, with no closing date
        ids = {name: person.id for name, person in people.items()}
        result = dict(item=item.id, form=form.id, **ids)
    worker = Worker()
    jobs.configure(pool, worker, L10n())
    result["worker"] = worker
    return result


def _person(role, state, locale) -> User:
    n = next(_ids)
    return User(telegram_id=n, full_name=f"Person {n}", role=role, member_state_code=state,
                locale=locale, status=UserStatus.ACTIVE)


async def new_deadline(pool, world, due, **spec) -> int:
    async with transaction(pool) as s:
        boss = await s.get(User, world["boss"])
        made = await deadlines.create(s, boss, deadlines.Spec(item_id=world["item"], due_at=due,
                                                              **spec), hour=HOUR)
        return made.id


