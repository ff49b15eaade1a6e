"""What the action plan's screens show: the plan with its coming dates, and one item."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date

from aiogram_dialog import DialogManager
from babel.dates import format_date, format_interval
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.formatting import clip
from dialogs.owed import display as owed_display
from services import action_plan, clock, deadlines
from services.action_plan import Occurrence, Problem
from services.errors import NotFound
from services.permissions import Action, can
from services.timezones import user_timezone
from storage.models import ActionItem, User

UPCOMING = 5  # events on the plan's screen
PAGE_BUDGET = 3400  # characters of an item page's body: with its heading, under Telegram's 4096
LABEL_LENGTH = 60
PATTERNS = {"month": "LLLL y", "quarter": "QQQQ y", "year": "y"}


def today_for(user: User | None) -> date:
    """Today on the viewer's clock (their state's, Cairo's for the secretariat)."""
    return clock.now().astimezone(user_timezone(user)).date()


def period_text(starts_on: date, ends_on: date, locale: str) -> str:
    return format_interval(starts_on, ends_on, "yMMMM", locale=locale)


def when_text(found: Occurrence, locale: str) -> str:
    """An event's dates as precisely as they are known: "3–4 July 2024", "September 2024",
    "2nd quarter 2025", "2026"."""
    start, end, precision = found.starts_on, found.ends_on, found.event.precision
    if precision in ("day", "month") and end and end != start:
        return format_interval(start, end, "yMMMd" if precision == "day" else "yMMMM",
                               locale=locale)
    if precision == "day":
        return format_date(start, "long", locale=locale)
    first = format_date(start, PATTERNS[precision], locale=locale)
    last = format_date(end, PATTERNS[precision], locale=locale) if end else first
    return first if first == last else f"{first} – {last}"


def event_line(l10n, found: Occurrence) -> str:
    event, locale = found.event, l10n.locale
    place = (event.place_ar if locale == "ar" else event.place_en) or ""
    return l10n("plan-event", when=when_text(found, locale), title=event.title(locale),
                has_place="yes" if place else "no", place=place,
                yearly="yes" if event.yearly else "no")


async def plan_getter(dialog_manager: DialogManager, session, user, l10n, **_) -> dict:
    today = today_for(user)
    plan = await action_plan.current_plan(session, today)
    found = {"has_plan": plan is not None, "no_plan": plan is None,
             "can_import": can(user, Action.IMPORT_PLAN), "items": [], "count": 0}
    if plan is None:
        return found
    items = await action_plan.plan_items(session, plan.id)
    events = await action_plan.upcoming_events(session, today, UPCOMING, plan=plan)
    locale = l10n.locale
    return found | {
        "title": plan.title(locale),
        "period": period_text(plan.starts_on, plan.ends_on, locale),
        "events": "\n".join(event_line(l10n, o) for o in events),  # rendered, escaped
        "has_events": bool(events), "no_events": not events,
        "items": [(str(item.id), clip(f"{item.number}. {item.title(locale)}", LABEL_LENGTH))
                  for item in items],
        "count": len(items),
    }


@dataclass(frozen=True)
class ItemView:
    """What a section of an item's screen may use."""

    session: AsyncSession
    user: User
    l10n: object
    item: ActionItem
    today: date


# A block of an item's screen: its text (rendered, escaped) and what joins it to the block
# before it on the same page.
Block = tuple[str, str]


async def activity_blocks(view: ItemView) -> list[Block]:
    l10n, locale = view.l10n, view.l10n.locale
    blocks = []
    for number, activity in enumerate(view.item.activities, start=1):
        first, _, last = activity["period"].partition("-")
        when = l10n.plain("plan-years", first=first, last=last) if last \
            else l10n.plain("plan-year", year=first)
        text = l10n("plan-activity", number=str(number), actor=activity["actor"], when=when,
                    text=activity["ar" if locale == "ar" else "en"])
        blocks.append((text, "\n\n"))
    if blocks:
        head = l10n("plan-activities-head", count=len(blocks))
        blocks[0] = (f"{head}\n{blocks[0][0]}", "\n\n")
    return blocks


async def event_blocks(view: ItemView) -> list[Block]:
    found = await action_plan.item_events(view.session, view.item, view.today)
    blocks = [(event_line(view.l10n, o), "\n") for o in found]
    if blocks:
        blocks[0] = (f"{view.l10n('plan-events-head')}\n{blocks[0][0]}", "\n\n")
    return blocks


# The sections of an item's screen, in order; another part of the plan (its deadlines, say)
# joins by adding its own function here.
async def deadline_blocks(view: ItemView) -> list[Block]:
    l10n, blocks = view.l10n, []
    for found in await deadlines.of_item(view.session, view.user, view.item.id):
        standing = found if isinstance(found, deadlines.Standing) else None
        deadline = standing.deadline if standing else found
        what = owed_display.what(deadline, await deadlines.form_for(view.session, deadline),
                                 l10n.locale)
        stage = owed_display.stage(l10n, standing) if standing else ""
        blocks.append((l10n("plan-deadline", what=what, stage=stage,
                            has_stage="yes" if stage else "no",
                            due=owed_display.due(l10n, deadline.due_at, view.user)), "\n"))
    if blocks:
        blocks[0] = (f"{l10n('plan-deadlines-head')}\n{blocks[0][0]}", "\n\n")
    return blocks


ITEM_SECTIONS: list[Callable[[ItemView], Awaitable[list[Block]]]] = [
    activity_blocks, event_blocks, deadline_blocks,
]


def paginate(blocks: list[Block], budget: int = PAGE_BUDGET) -> list[str]:
    """Blocks packed into pages of at most `budget` characters; a block is never split."""
    pages, current = [], ""
    for text, glue in blocks:
        if current and len(current) + len(glue) + len(text) > budget:
            pages.append(current)
            current = ""
        current = f"{current}{glue}{text}" if current else text
    return [*pages, current]


async def item_getter(dialog_manager: DialogManager, session, user, l10n, **_) -> dict:
    try:
        item = await action_plan.get_item(session, dialog_manager.dialog_data.get("item_id", 0))
    except NotFound:  # removed by a re-import while on screen
        return {"gone": True, "shown": False, "has_prev": False, "has_next": False}
    view = ItemView(session, user, l10n, item, today_for(user))
    blocks = [block for section in ITEM_SECTIONS for block in await section(view)]
    pages = paginate(blocks)
    page = min(max(dialog_manager.dialog_data.get("page", 0), 0), len(pages) - 1)
    dialog_manager.dialog_data["page"] = page
    return {
        "gone": False, "shown": True,
        "number": str(item.number), "title": item.title(l10n.locale),
        "body": pages[page], "page": page + 1, "pages": len(pages),
        "has_prev": page > 0, "has_next": page + 1 < len(pages),
    }


def problem_lines(l10n, problems: list[Problem], shown: int = 20) -> str:
    """A refused file's problems, one line each, the first `shown` of them."""
    lines = []
    for problem in problems[:shown]:
        line, _, column = problem.detail.partition(":")
        lines.append(l10n("plan-problem", where=problem.where or l10n.plain("plan-problem-file"),
                          code=problem.code, detail=problem.detail, line=line, column=column))
    if len(problems) > shown:
        lines.append(l10n("plan-problems-more", count=len(problems) - shown))
    return "\n".join(lines)


async def preview_getter(dialog_manager: DialogManager, l10n, **_) -> dict:
    summary = dialog_manager.dialog_data["summary"]
    changes = summary["changes"]
    return {
        "key": summary["key"],
        "title": summary["title_ar" if l10n.locale == "ar" else "title_en"],
        "period": period_text(date.fromisoformat(summary["starts_on"]),
                              date.fromisoformat(summary["ends_on"]), l10n.locale),
        "items": summary["items"], "activities": summary["activities"],
        "events": summary["events"],
        "is_new": changes["new_plan"], "is_same": summary["same"],
        "is_changed": not changes["new_plan"] and not summary["same"],
        "plan_changed": "yes" if changes["plan_changed"] else "no",
        **{name: value for name, value in changes.items() if name.endswith(
            ("_added", "_updated", "_removed"))},
        "kept": changes["items_kept"], "has_kept": changes["items_kept"] > 0,
    }
