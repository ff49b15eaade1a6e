"""The action plan of the consultative process as data: plan files, importing them, reading them.

A plan file is JSON: {key, title {ar, en}, starts_on, ends_on, items [{number, title,
activities [{ar, en, actor, period}]}], events [{key, item, title, starts_on, ends_on,
precision, yearly, place}]}. The shipped ones are in data/action_plan/; the secretariat imports
later ones through the bot. Nothing here is tied to a year: a 2026-2027 plan is just another
file.
"""

import calendar
import json
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services import audit, clock
from services.errors import NotFound, ServiceError
from services.permissions import Action, require
from services.resources import resource_path
from storage.models import ActionItem, ActionPlan, AuditLog, Deadline, PlanEvent, User

FILE_LIMIT = 1024 * 1024  # bytes
ACTORS = ("secretariat", "member_states", "both")
PRECISIONS = ("day", "month", "quarter", "year")
TITLE_LIMIT, PLACE_LIMIT = 300, 200  # the columns' sizes
ACTIVITY_LIMIT = 2000  # one activity must fit in one chat message with room to spare
IMPORT_ACTION = "plan.import"

PLAN_KEY = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]{0,31}")
EVENT_KEY = re.compile(r"[0-9a-z][0-9a-z_-]{0,63}")
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
PERIOD = re.compile(r"(\d{4})(?:-(\d{4}))?")


@dataclass(frozen=True)
class Problem:
    """Why a plan file is refused, and where: `where` is a path such as "items[3].title.en"
    (positions count from 1; "" is the file itself). code: too-big | not-utf8 | not-json (detail
    "line:column") | not-object | not-list | not-text | not-integer | not-boolean | not-date
    (YYYY-MM-DD) | missing | unknown (a field the format does not have) | empty | too-long
    (detail: the limit) | bad-key | bad-choice (detail: the choices) | bad-period (detail:
    the periods allowed) | not-positive | duplicate | before-start | unknown-item."""

    where: str
    code: str
    detail: str = ""

    def __str__(self) -> str:
        text = f"{self.where or '(file)'}: {self.code}"
        return f"{text} ({self.detail})" if self.detail else text


class PlanFileError(ServiceError):
    """A plan file the bot will not use; `problems` lists every one found."""

    reason = "invalid"

    def __init__(self, problems: list[Problem]):
        super().__init__(problems=problems)
        self.problems = list(problems)
        self.args = ("; ".join(map(str, self.problems)),)


@dataclass(frozen=True)
class Texts:
    ar: str
    en: str

    def get(self, locale: str) -> str:
        return self.ar if locale == "ar" else self.en


@dataclass(frozen=True)
class ActivityData:
    ar: str
    en: str
    actor: str  # secretariat | member_states | both
    period: str  # a year ("2025") or years ("2024-2025")


@dataclass(frozen=True)
class ItemData:
    number: int
    title: Texts
    activities: tuple[ActivityData, ...]


@dataclass(frozen=True)
class EventData:
    key: str
    item: int | None
    title: Texts
    starts_on: date
    ends_on: date | None
    precision: str
    yearly: bool
    place: Texts | None


@dataclass(frozen=True)
class PlanData:
    key: str
    title: Texts
    starts_on: date
    ends_on: date
    items: tuple[ItemData, ...]
    events: tuple[EventData, ...]

    @property
    def activity_count(self) -> int:
        return sum(len(item.activities) for item in self.items)


# -- reading a file -------------------------------------------------------------------------

def _at(where: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{where}[{key + 1}]"
    return f"{where}.{key}" if where else key


class _Reader:
    """Walks the parsed JSON, keeping every problem instead of stopping at the first."""

    def __init__(self):
        self.problems: list[Problem] = []

    def problem(self, where: str, code: str, detail: object = "") -> None:
        self.problems.append(Problem(where, code, str(detail)))

    def fields(self, value: object, where: str, required: tuple[str, ...],
               optional: tuple[str, ...] = ()) -> dict | None:
        if not isinstance(value, dict):
            self.problem(where, "not-object")
            return None
        for name in value:
            if name not in required and name not in optional:
                self.problem(_at(where, name), "unknown")
        for name in required:
            if name not in value:
                self.problem(_at(where, name), "missing")
        return value

    def get(self, found: dict, name: str, where: str, check, *args):
        """found[name] checked by `check` (None when absent or null: a missing required
        field was reported by `fields`)."""
        if found.get(name) is None:
            if name in found:
                self.problem(_at(where, name), "missing")
            return None
        return check(found[name], _at(where, name), *args)

    def text(self, value: object, where: str, limit: int) -> str | None:
        if not isinstance(value, str):
            self.problem(where, "not-text")
            return None
        text = " ".join(value.split())
        if not text:
            self.problem(where, "empty")
        elif len(text) > limit:
            self.problem(where, "too-long", limit)
        else:
            return text
        return None

    def texts(self, value: object, where: str, limit: int) -> Texts | None:
        found = self.fields(value, where, ("ar", "en"))
        if found is None:
            return None
        ar, en = (self.get(found, lang, where, self.text, limit) for lang in ("ar", "en"))
        return Texts(ar, en) if ar and en else None

    def day(self, value: object, where: str) -> date | None:
        if isinstance(value, str) and DAY.fullmatch(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        self.problem(where, "not-date")
        return None

    def entries(self, value: object, where: str) -> list:
        if not isinstance(value, list):
            self.problem(where, "not-list")
            return []
        if not value:
            self.problem(where, "empty")
        return value

    def number(self, value: object, where: str) -> int | None:
        if not isinstance(value, int) or isinstance(value, bool):
            self.problem(where, "not-integer")
        elif value < 1:
            self.problem(where, "not-positive")
        else:
            return value
        return None

    def choice(self, value: object, where: str, choices: tuple[str, ...]) -> str | None:
        if value in choices:
            return value
        self.problem(where, "bad-choice", ", ".join(choices))
        return None

    def boolean(self, value: object, where: str) -> bool | None:
        if isinstance(value, bool):
            return value
        self.problem(where, "not-boolean")
        return None


def parse_plan(content: bytes) -> PlanData:
    """A plan file checked and read; PlanFileError lists every problem with its place."""
    if len(content) > FILE_LIMIT:
        raise PlanFileError([Problem("", "too-big", FILE_LIMIT)])
    try:
        raw = json.loads(content.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise PlanFileError([Problem("", "not-utf8")]) from None
    except json.JSONDecodeError as error:
        raise PlanFileError([Problem("", "not-json", f"{error.lineno}:{error.colno}")]) from None
    read = _Reader()
    plan = _read_plan(read, raw)
    if read.problems or plan is None:
        raise PlanFileError(read.problems)
    return plan


def read_plan_file(path: Path) -> PlanData:
    return parse_plan(path.read_bytes())


def _read_plan(read: _Reader, raw: object) -> PlanData | None:
    found = read.fields(raw, "", ("key", "title", "starts_on", "ends_on", "items"), ("events",))
    if found is None:
        return None
    key = found.get("key")
    if "key" in found and not (isinstance(key, str) and PLAN_KEY.fullmatch(key)):
        read.problem("key", "bad-key")
    title = read.get(found, "title", "", read.texts, TITLE_LIMIT)
    starts = read.get(found, "starts_on", "", read.day)
    ends = read.get(found, "ends_on", "", read.day)
    years = None
    if starts and ends:
        if ends < starts:
            read.problem("ends_on", "before-start")
        else:
            years = range(starts.year, ends.year + 1)
    raw_items = read.entries(found["items"], "items") if "items" in found else []
    items = _read_items(read, raw_items, years)
    # numbers as written, so that an event is not blamed for its item's own problems
    numbers = {entry["number"] for entry in raw_items
               if isinstance(entry, dict) and isinstance(entry.get("number"), int)}
    events = _read_events(read, found.get("events"), numbers)
    if read.problems:
        return None
    return PlanData(key, title, starts, ends, tuple(items), tuple(events))


def _read_items(read: _Reader, raw: list, years: range | None) -> list[ItemData]:
    items, seen = [], set()
    for index, entry in enumerate(raw):
        where = _at("items", index)
        found = read.fields(entry, where, ("number", "title", "activities"))
        if found is None:
            continue
        number = read.get(found, "number", where, read.number)
        if number is not None:
            if number in seen:
                read.problem(_at(where, "number"), "duplicate")
            seen.add(number)
        title = read.get(found, "title", where, read.texts, TITLE_LIMIT)
        listed = _at(where, "activities")
        entries = read.entries(found["activities"], listed) if "activities" in found else []
        activities = [_read_activity(read, activity, _at(listed, position), years)
                      for position, activity in enumerate(entries)]
        if number and title and activities and all(activities):
            items.append(ItemData(number, title, tuple(activities)))
    return items


def _read_activity(read: _Reader, raw: object, where: str,
                   years: range | None) -> ActivityData | None:
    found = read.fields(raw, where, ("ar", "en", "actor", "period"))
    if found is None:
        return None
    ar = read.get(found, "ar", where, read.text, ACTIVITY_LIMIT)
    en = read.get(found, "en", where, read.text, ACTIVITY_LIMIT)
    actor = read.get(found, "actor", where, read.choice, ACTORS)
    period = read.get(found, "period", where, _read_period, read, years)
    return ActivityData(ar, en, actor, period) if ar and en and actor and period else None


def _read_period(value: object, where: str, read: _Reader, years: range | None) -> str | None:
    """A year of the plan ("2025") or a span of its years ("2024-2025")."""
    if years is None:  # the plan's own dates are wrong: reported there
        return None
    match = PERIOD.fullmatch(value) if isinstance(value, str) else None
    if match:
        first, last = int(match.group(1)), int(match.group(2) or match.group(1))
        if first in years and last in years and (match.group(2) is None or first < last):
            return value
    allowed = [str(year) for year in years]
    if len(years) > 1:
        allowed.append(f"{years[0]}-{years[-1]}")
    read.problem(where, "bad-period", ", ".join(allowed))
    return None


def _read_events(read: _Reader, raw: object, numbers: set) -> list[EventData]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        read.problem("events", "not-list")
        return []
    events, seen = [], set()
    for index, entry in enumerate(raw):
        where = _at("events", index)
        found = read.fields(entry, where, ("key", "title", "starts_on"),
                            ("item", "ends_on", "precision", "yearly", "place"))
        if found is None:
            continue
        before = len(read.problems)
        key = found.get("key")
        if "key" in found:
            if not (isinstance(key, str) and EVENT_KEY.fullmatch(key)):
                read.problem(_at(where, "key"), "bad-key")
            elif key in seen:
                read.problem(_at(where, "key"), "duplicate")
            else:
                seen.add(key)
        item = found.get("item")
        if item is not None and read.number(item, _at(where, "item")) and item not in numbers:
            read.problem(_at(where, "item"), "unknown-item")
        title = read.get(found, "title", where, read.texts, TITLE_LIMIT)
        starts = read.get(found, "starts_on", where, read.day)
        ends = read.day(found["ends_on"], _at(where, "ends_on")) \
            if found.get("ends_on") is not None else None
        if starts and ends and ends < starts:
            read.problem(_at(where, "ends_on"), "before-start")
        precision = read.choice(found.get("precision", "day"), _at(where, "precision"),
                                PRECISIONS)
        yearly = read.boolean(found.get("yearly", False), _at(where, "yearly"))
        place = read.texts(found["place"], _at(where, "place"), PLACE_LIMIT) \
            if found.get("place") is not None else None
        if len(read.problems) == before:
            events.append(EventData(key, item, title, starts, ends, precision, yearly, place))
    return events


# -- importing ------------------------------------------------------------------------------

@dataclass
class Changes:
    """What an import does (or did) to the database."""

    new_plan: bool
    plan_changed: bool = False
    items_added: int = 0
    items_updated: int = 0
    items_removed: int = 0
    items_kept: int = 0  # gone from the file but kept: deadlines point at them
    events_added: int = 0
    events_updated: int = 0
    events_removed: int = 0

    @property
    def changed(self) -> bool:
        return self.new_plan or self.plan_changed or any(
            getattr(self, name) for name in ("items_added", "items_updated", "items_removed",
                                             "events_added", "events_updated",
                                             "events_removed"))


@dataclass(frozen=True)
class ImportResult:
    plan: ActionPlan
    changes: Changes


def _plan_values(data: PlanData) -> dict:
    return {"title_ar": data.title.ar, "title_en": data.title.en,
            "starts_on": data.starts_on, "ends_on": data.ends_on}


def _item_values(item: ItemData) -> dict:
    return {"title_ar": item.title.ar, "title_en": item.title.en,
            "activities": [asdict(activity) for activity in item.activities]}


def _event_values(event: EventData) -> dict:
    return {"item_number": event.item, "title_ar": event.title.ar, "title_en": event.title.en,
            "starts_on": event.starts_on, "ends_on": event.ends_on,
            "precision": event.precision, "yearly": event.yearly,
            "place_ar": event.place.ar if event.place else None,
            "place_en": event.place.en if event.place else None}


def _update(row: object, values: dict, apply: bool) -> bool:
    """Whether `row` differs from `values`; with apply, it is brought to them."""
    differs = any(getattr(row, name) != value for name, value in values.items())
    if differs and apply:
        for name, value in values.items():
            setattr(row, name, value)
    return differs


async def _sync(session: AsyncSession, data: PlanData, *,
                apply: bool) -> tuple[ActionPlan | None, Changes]:
    plan = await session.scalar(select(ActionPlan).where(ActionPlan.key == data.key))
    changes = Changes(new_plan=plan is None)
    items: dict[int, ActionItem] = {}
    events: dict[str, PlanEvent] = {}
    if plan is None:
        if apply:
            plan = ActionPlan(key=data.key, imported_at=clock.now(), **_plan_values(data))
            session.add(plan)
            await session.flush()
    else:
        changes.plan_changed = _update(plan, _plan_values(data), apply)
        items = {i.number: i for i in await session.scalars(
            select(ActionItem).where(ActionItem.plan_id == plan.id))}
        events = {e.key: e for e in await session.scalars(
            select(PlanEvent).where(PlanEvent.plan_id == plan.id))}

    for item in data.items:
        values, row = _item_values(item), items.pop(item.number, None)
        if row is None:
            changes.items_added += 1
            if apply:
                session.add(ActionItem(plan_id=plan.id, number=item.number, **values))
        elif _update(row, values, apply):
            changes.items_updated += 1
    if items:
        pinned = set(await session.scalars(select(Deadline.item_id).where(
            Deadline.item_id.in_([row.id for row in items.values()]))))
        for row in items.values():
            if row.id in pinned:
                changes.items_kept += 1
            else:
                changes.items_removed += 1
                if apply:
                    await session.delete(row)

    for event in data.events:
        values, row = _event_values(event), events.pop(event.key, None)
        if row is None:
            changes.events_added += 1
            if apply:
                session.add(PlanEvent(plan_id=plan.id, key=event.key, **values))
        elif _update(row, values, apply):
            changes.events_updated += 1
    changes.events_removed = len(events)
    if apply:
        for row in events.values():
            await session.delete(row)
        if changes.changed:
            plan.imported_at = clock.now()
        await session.flush()
    return plan, changes


async def preview(session: AsyncSession, data: PlanData, actor: User) -> Changes:
    """What importing `data` would change, without changing anything."""
    require(actor, Action.IMPORT_PLAN)
    return (await _sync(session, data, apply=False))[1]


async def import_plan(session: AsyncSession, data: PlanData,
                      actor: User | None = None) -> ImportResult:
    """Create the plan `data.key`, or bring it to `data`: items matched by number, events by
    key. An item gone from `data` is removed, unless a deadline points at it (then it is
    kept). actor None: the shipped files."""
    if actor is not None:
        require(actor, Action.IMPORT_PLAN)
    plan, changes = await _sync(session, data, apply=True)
    if changes.changed or actor is not None:
        await audit.record(session, IMPORT_ACTION, "action_plan", plan.id,
                           actor_id=actor.id if actor else None, key=data.key, **asdict(changes))
    return ImportResult(plan, changes)


@dataclass
class Loaded:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0  # last imported by the secretariat: left as they imported it
    keys: list[str] = field(default_factory=list)


async def _imported_by_person(session: AsyncSession, plan_key: str) -> bool:
    plan = await session.scalar(select(ActionPlan).where(ActionPlan.key == plan_key))
    if plan is None:
        return False
    last = await session.scalar(
        select(AuditLog).where(AuditLog.action == IMPORT_ACTION,
                               AuditLog.object_type == "action_plan",
                               AuditLog.object_id == str(plan.id))
        .order_by(AuditLog.id.desc()).limit(1))
    return last is not None and last.actor_id is not None


async def load_shipped(session: AsyncSession, folder: Path | None = None) -> Loaded:
    """Import every plan under data/action_plan/ (safe to repeat). A plan the secretariat has
    since imported through the bot is left as they imported it."""
    folder = folder or resource_path("data", "action_plan")
    loaded = Loaded()
    for path in sorted(folder.glob("*.json")):
        data = read_plan_file(path)
        loaded.keys.append(data.key)
        if await _imported_by_person(session, data.key):
            loaded.kept += 1
            continue
        changes = (await import_plan(session, data)).changes
        if changes.new_plan:
            loaded.added += 1
        elif changes.changed:
            loaded.updated += 1
        else:
            loaded.unchanged += 1
    return loaded


# -- reading the plan -----------------------------------------------------------------------

async def current_plan(session: AsyncSession, today: date) -> ActionPlan | None:
    """The plan whose period contains `today`, else the one that starts last."""
    newest_first = select(ActionPlan).order_by(ActionPlan.starts_on.desc(),
                                               ActionPlan.id.desc()).limit(1)
    running = await session.scalar(newest_first.where(ActionPlan.starts_on <= today,
                                                      ActionPlan.ends_on >= today))
    return running or await session.scalar(newest_first)


async def plan_items(session: AsyncSession, plan_id: int) -> list[ActionItem]:
    return list(await session.scalars(
        select(ActionItem).where(ActionItem.plan_id == plan_id).order_by(ActionItem.number)))


async def get_item(session: AsyncSession, item_id: int) -> ActionItem:
    item = await session.get(ActionItem, item_id)
    if item is None:
        raise NotFound("action-item", id=item_id)
    return item


def span_end(starts_on: date, ends_on: date | None, precision: str) -> date:
    """The last day an event may fall on: its end, or the end of its month, quarter, year."""
    if ends_on is not None:
        return ends_on
    if precision == "month":
        return starts_on.replace(day=calendar.monthrange(starts_on.year, starts_on.month)[1])
    if precision == "quarter":
        last = (starts_on.month - 1) // 3 * 3 + 3
        return date(starts_on.year, last, calendar.monthrange(starts_on.year, last)[1])
    if precision == "year":
        return date(starts_on.year, 12, 31)
    return starts_on


def _shift(day: date | None, years: int) -> date | None:
    if day is None:
        return None
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a common year
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class Occurrence:
    """An event on its dates; a yearly event on its next (or current) dates."""

    event: PlanEvent
    starts_on: date
    ends_on: date | None

    @property
    def last_day(self) -> date:
        return span_end(self.starts_on, self.ends_on, self.event.precision)


def occurrence(event: PlanEvent, today: date) -> Occurrence:
    """The event's dates, a yearly one moved to the first year it has not yet ended in."""
    found = Occurrence(event, event.starts_on, event.ends_on)
    if not event.yearly or found.last_day >= today:
        return found
    years = today.year - event.starts_on.year - 1
    while found.last_day < today:
        years += 1
        found = Occurrence(event, _shift(event.starts_on, years), _shift(event.ends_on, years))
    return found


async def _events(session: AsyncSession, plan_id: int, *conditions) -> list[PlanEvent]:
    return list(await session.scalars(
        select(PlanEvent).where(PlanEvent.plan_id == plan_id, *conditions)))


def _in_order(found: list[Occurrence]) -> list[Occurrence]:
    return sorted(found, key=lambda o: (o.starts_on, o.event.key))


async def upcoming_events(session: AsyncSession, today: date, limit: int = 5, *,
                          plan: ActionPlan | None = None) -> list[Occurrence]:
    """The next events of `plan` (default: the current plan) not yet over on `today`,
    yearly ones on their next date, soonest first."""
    plan = plan or await current_plan(session, today)
    if plan is None:
        return []
    found = [occurrence(event, today) for event in await _events(session, plan.id)]
    return _in_order([o for o in found if o.last_day >= today])[:limit]


async def item_events(session: AsyncSession, item: ActionItem,
                      today: date) -> list[Occurrence]:
    """Every event of the item's plan that belongs to it, in date order (yearly ones on their
    next date)."""
    events = await _events(session, item.plan_id, PlanEvent.item_number == item.number)
    return _in_order([occurrence(event, today) for event in events])
