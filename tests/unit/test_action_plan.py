"""The action plan as data: the shipped file, refused files, imports and what the plan says."""

import json
import re
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from services import action_plan, registration
from services.action_plan import ACTORS, PlanFileError, Problem
from services.errors import NotAllowed
from services.resources import resource_path
from storage.models import ActionItem, ActionPlan, AuditLog, Deadline, PlanEvent
from tests.unit.test_form_reports import focal_point

SHIPPED = resource_path("data", "action_plan", "2024-2025.json")
ARABIC = re.compile(r"[\u0600-\u06FF]")


def shipped() -> dict:
    return json.loads(SHIPPED.read_text(encoding="utf-8"))


def encode(raw: dict) -> bytes:
    return json.dumps(raw, ensure_ascii=False).encode()


def problems_of(raw: dict | bytes) -> list[Problem]:
    with pytest.raises(PlanFileError) as refused:
        action_plan.parse_plan(raw if isinstance(raw, bytes) else encode(raw))
    return refused.value.problems


def next_plan() -> dict:
    """A 2026-2027 plan in the same shape, as the secretariat would send it."""
    return {
        "key": "2026-2027",
        "title": {"ar": "خطة عمل عملية التشاور 2026-2027", "en": "ARCP action plan 2026-2027"},
        "starts_on": "2026-01-01", "ends_on": "2027-12-31",
        "items": [
            {"number": 1, "title": {"ar": "تبادل الخبرات", "en": "Exchange of expertise"},
             "activities": [{"ar": "نشاط أول", "en": "First activity", "actor": "both",
                             "period": "2026-2027"}]},
            {"number": 2, "title": {"ar": "التقييم", "en": "Evaluation"},
             "activities": [{"ar": "استبيان", "en": "Questionnaire", "actor": "member_states",
                             "period": "2027"}]},
        ],
        "events": [
            {"key": "arcp-meeting-12", "item": None, "starts_on": "2026-04-01",
             "precision": "quarter", "title": {"ar": "الاجتماع الثاني عشر",
                                              "en": "12th meeting"}},
            {"key": "world-refugee-day", "item": 1, "starts_on": "2026-06-20", "yearly": True,
             "title": {"ar": "اليوم العالمي للاجئين", "en": "World Refugee Day"}},
        ],
    }


@pytest.fixture
async def boss(session):
    return await registration.bootstrap_secretariat(
        session, registration.Profile(42, "Secretariat"), "en")


async def count(session, model) -> int:
    return await session.scalar(select(func.count()).select_from(model))


async def shipped_plan(session) -> ActionPlan:
    return await session.scalar(select(ActionPlan).where(ActionPlan.key == "2024-2025"))


# -- the shipped file -----------------------------------------------------------------------

def test_the_shipped_plan_has_nine_items_in_both_languages():
    plan = action_plan.read_plan_file(SHIPPED)
    assert (plan.key, plan.starts_on, plan.ends_on) == \
        ("2024-2025", date(2024, 1, 1), date(2025, 12, 31))
    assert [item.number for item in plan.items] == list(range(1, 10))
    assert [len(item.activities) for item in plan.items] == [3, 5, 6, 2, 2, 1, 1, 2, 2]
    for item in plan.items:
        assert ARABIC.search(item.title.ar) and not ARABIC.search(item.title.en)
        for activity in item.activities:
            assert ARABIC.search(activity.ar) and activity.en.isascii(), activity
            assert activity.actor in ACTORS
            assert activity.period in ("2024", "2025", "2024-2025")
    item9 = plan.items[8]
    assert item9.title.ar == "تطوير أداء عملية التشاور العربية الإقليمية حول الهجرة واللجوء"
    assert "questionnaire" in item9.activities[0].en
    assert [a.actor for a in item9.activities] == ["secretariat", "member_states"]
    assert plan.items[7].activities[1].actor == "both"  # states send, the secretariat circulates


def test_the_shipped_events_carry_the_dates_of_the_sources():
    events = {event.key: event for event in action_plan.read_plan_file(SHIPPED).events}
    refugee_day = events["world-refugee-day"]
    assert (refugee_day.starts_on, refugee_day.yearly, refugee_day.item) == \
        (date(2024, 6, 20), True, 5)
    conference = events["gcm-regional-review-2024"]
    assert (conference.starts_on, conference.ends_on, conference.place.en) == \
        (date(2024, 7, 3), date(2024, 7, 4), "Cairo")
    assert (events["arcp-meeting-11"].starts_on, events["arcp-meeting-11"].precision) == \
        (date(2025, 4, 1), "quarter")
    assert (events["arcp-meeting-10"].starts_on, events["arcp-meeting-10"].precision) == \
        (date(2024, 5, 1), "month")
    assert (events["gcm-outcome-document-2024"].starts_on,
            events["gcm-outcome-document-2024"].precision) == (date(2024, 9, 1), "month")
    geneva = events["gcr-high-level-officials-2025"]
    assert (geneva.starts_on, geneva.precision, geneva.place.ar, geneva.item) == \
        (date(2025, 12, 1), "month", "جنيف", 3)
    assert (events["imrf-2026"].starts_on, events["imrf-2026"].precision) == \
        (date(2026, 1, 1), "year")
    for event in events.values():
        assert event.ends_on is None or event.ends_on >= event.starts_on
        assert ARABIC.search(event.title.ar) and event.title.en.isascii()


async def test_the_shipped_plan_is_in_the_database_and_loading_again_changes_nothing(session):
    plan = await shipped_plan(session)  # put there by the first start (prepare_database)
    assert plan is not None and plan.title("en").startswith("Action plan of the Arab")
    assert await count(session, ActionItem) == 9 and await count(session, PlanEvent) == 13
    audits = await count(session, AuditLog)
    loaded = await action_plan.load_shipped(session)
    assert (loaded.added, loaded.updated, loaded.unchanged) == (0, 0, 1)
    assert await count(session, ActionPlan) == 1 and await count(session, ActionItem) == 9
    assert await count(session, AuditLog) == audits  # nothing changed, nothing recorded


# -- refused files --------------------------------------------------------------------------

def test_a_file_that_is_not_json_is_refused_with_the_place():
    assert problems_of(b'{"key": "2024-2025",\n  "title": }') == \
        [Problem("", "not-json", "2:12")]
    assert problems_of(b"\xff\xfe\x00") == [Problem("", "not-utf8")]
    assert problems_of(b"[1, 2]") == [Problem("", "not-object")]
    assert problems_of(b" " * (action_plan.FILE_LIMIT + 1))[0].code == "too-big"


def test_every_problem_is_listed_with_its_place():
    raw = shipped()
    raw["tilte"] = raw.pop("title")
    del raw["items"][2]["title"]["en"]
    raw["items"][3]["activities"][1]["actor"] = "states"
    raw["items"][4]["activities"][0]["period"] = "2026"
    raw["items"][5]["number"] = 5
    raw["items"][6]["activities"][0]["ar"] = "   "
    raw["items"][7]["title"]["en"] = "x" * 301
    raw["items"][8]["activities"] = []
    raw["events"][0]["starts_on"] = "2024-02-30"
    raw["events"][1]["item"] = 12
    raw["events"][2]["key"] = "World Day"
    raw["events"][3]["ends_on"] = "2024-01-01"
    raw["events"][4]["yearly"] = "yes"
    raw["events"][5]["precision"] = "week"
    assert [str(p) for p in problems_of(raw)] == [
        "tilte: unknown",
        "title: missing",
        "items[3].title.en: missing",
        "items[4].activities[2].actor: bad-choice (secretariat, member_states, both)",
        "items[5].activities[1].period: bad-period (2024, 2025, 2024-2025)",
        "items[6].number: duplicate",
        "items[7].activities[1].ar: empty",
        "items[8].title.en: too-long (300)",
        "items[9].activities: empty",
        "events[1].starts_on: not-date",
        "events[2].item: unknown-item",
        "events[3].key: bad-key",
        "events[4].ends_on: before-start",
        "events[5].yearly: not-boolean",
        "events[6].precision: bad-choice (day, month, quarter, year)",
    ]


def test_wrong_types_are_named():
    raw = shipped()
    raw["starts_on"] = 2024
    raw["items"][0] = "item one"
    raw["items"][1]["number"] = "2"
    raw["items"][2]["activities"][0]["en"] = ["a list"]
    raw["events"] = {"key": "x"}
    assert [str(p) for p in problems_of(raw)] == [
        "starts_on: not-date",
        "items[1]: not-object",
        "items[2].number: not-integer",
        "items[3].activities[1].en: not-text",
        "events: not-list",
    ]


def test_a_plan_ending_before_it_starts_is_refused():
    raw = next_plan() | {"ends_on": "2025-12-31"}
    assert [str(p) for p in problems_of(raw)] == ["ends_on: before-start"]


# -- importing ------------------------------------------------------------------------------

async def test_a_reimport_updates_in_place_and_keeps_items_deadlines_point_at(session, boss):
    plan = await shipped_plan(session)
    items = {i.number: i for i in await action_plan.plan_items(session, plan.id)}
    session.add(Deadline(item_id=items[8].id, due_at=datetime(2025, 9, 1, tzinfo=UTC)))
    await session.flush()
    raw = shipped()
    raw["items"][1]["title"]["en"] = "Following up the Global Compact for Migration"
    raw["items"] = [i for i in raw["items"] if i["number"] not in (7, 8)]
    raw["events"] = [e for e in raw["events"] if e["key"] != "gfmd-14"]
    raw["events"].append({"key": "arcp-workshop-2025", "item": 3, "starts_on": "2025-10-01",
                          "precision": "month", "title": {"ar": "ورشة عمل", "en": "Workshop"}})
    data = action_plan.parse_plan(encode(raw))

    previewed = await action_plan.preview(session, data, boss)
    assert await count(session, ActionItem) == 9  # a preview changes nothing
    result = await action_plan.import_plan(session, data, boss)
    assert result.changes == previewed
    assert (previewed.new_plan, previewed.items_added, previewed.items_updated,
            previewed.items_removed, previewed.items_kept) == (False, 0, 1, 1, 1)
    assert (previewed.events_added, previewed.events_updated, previewed.events_removed) == \
        (1, 0, 1)
    assert result.plan.id == plan.id and await count(session, ActionPlan) == 1
    after = {i.number: i for i in await action_plan.plan_items(session, plan.id)}
    assert sorted(after) == [1, 2, 3, 4, 5, 6, 8, 9]  # 7 removed, 8 kept for its deadline
    assert after[2].title("en") == "Following up the Global Compact for Migration"
    assert after[2].id == items[2].id  # updated, not replaced
    assert await count(session, PlanEvent) == 13
    entry = await session.scalar(select(AuditLog).where(AuditLog.action == "plan.import")
                                 .order_by(AuditLog.id.desc()))
    assert entry.actor_id == boss.id and entry.details["items_removed"] == 1

    again = await action_plan.import_plan(session, data, boss)
    assert not again.changes.changed and await count(session, ActionItem) == 8


async def test_a_plan_the_secretariat_imported_is_not_reverted_by_the_shipped_file(session,
                                                                                 boss):
    raw = shipped()
    raw["title"]["en"] = "ARCP action plan 2024-2025 (corrected)"
    await action_plan.import_plan(session, action_plan.parse_plan(encode(raw)), boss)
    loaded = await action_plan.load_shipped(session)
    assert (loaded.kept, loaded.updated) == (1, 0)
    assert (await shipped_plan(session)).title_en == "ARCP action plan 2024-2025 (corrected)"


async def test_a_2026_2027_plan_imports_beside_the_first(session, boss):
    result = await action_plan.import_plan(session, action_plan.parse_plan(encode(next_plan())),
                                           boss)
    assert result.changes.new_plan and result.changes.items_added == 2
    assert await count(session, ActionPlan) == 2
    items = await action_plan.plan_items(session, result.plan.id)
    assert [(i.number, i.activities[0]["period"]) for i in items] == \
        [(1, "2026-2027"), (2, "2027")]
    wrong = next_plan()
    wrong["items"][0]["activities"][0]["period"] = "2025"
    assert [str(p) for p in problems_of(wrong)] == \
        ["items[1].activities[1].period: bad-period (2026, 2027, 2026-2027)"]


async def test_only_the_secretariat_imports(session, boss):
    fp = await focal_point(session, 5001, "JO")
    data = action_plan.parse_plan(encode(next_plan()))
    with pytest.raises(NotAllowed):
        await action_plan.import_plan(session, data, fp)
    with pytest.raises(NotAllowed):
        await action_plan.preview(session, data, fp)
    assert await count(session, ActionPlan) == 1


# -- reading --------------------------------------------------------------------------------

async def test_the_current_plan_is_the_running_one_else_the_newest(session, boss):
    assert (await action_plan.current_plan(session, date(2025, 3, 1))).key == "2024-2025"
    assert (await action_plan.current_plan(session, date(2030, 1, 1))).key == "2024-2025"
    await action_plan.import_plan(session, action_plan.parse_plan(encode(next_plan())), boss)
    for today, key in ((date(2023, 5, 1), "2026-2027"), (date(2024, 1, 1), "2024-2025"),
                       (date(2025, 12, 31), "2024-2025"), (date(2026, 1, 1), "2026-2027"),
                       (date(2031, 1, 1), "2026-2027")):
        assert (await action_plan.current_plan(session, today)).key == key, today


async def test_upcoming_events_expand_yearly_ones_to_their_next_date(session):
    plan = await shipped_plan(session)

    async def upcoming(today, limit=5):
        return [(o.event.key, o.starts_on) for o in
                await action_plan.upcoming_events(session, today, limit, plan=plan)]

    assert await upcoming(date(2024, 6, 1), 3) == [
        ("world-refugee-day", date(2024, 6, 20)),
        ("gcm-stakeholder-hearings-2024", date(2024, 7, 2)),
        ("gcm-regional-review-2024", date(2024, 7, 3)),
    ]
    assert await upcoming(date(2024, 7, 4), 1) == [("gcm-regional-review-2024",
                                                    date(2024, 7, 3))]  # its second day
    assert await upcoming(date(2025, 6, 21)) == [
        ("arcp-meeting-11", date(2025, 4, 1)),  # the quarter is not over yet
        ("gcr-high-level-officials-2025", date(2025, 12, 1)),
        ("imrf-2026", date(2026, 1, 1)),
        ("world-refugee-day", date(2026, 6, 20)),
    ]
    assert await upcoming(date(2027, 1, 1)) == [("world-refugee-day", date(2027, 6, 20))]
    assert await upcoming(date(2027, 6, 20)) == [("world-refugee-day", date(2027, 6, 20))]


async def test_an_items_events_are_its_own_in_date_order(session):
    plan = await shipped_plan(session)
    items = {i.number: i for i in await action_plan.plan_items(session, plan.id)}
    found = await action_plan.item_events(session, items[2], date(2025, 1, 1))
    assert [o.event.key for o in found] == [
        "gcm-stakeholder-consultations-2024", "gcm-stakeholder-hearings-2024",
        "gcm-regional-review-2024", "gcm-outcome-document-2024",
        "africa-continental-review-2024", "africa-stakeholder-consultations-2024", "imrf-2026",
    ]
    refugee_day = await action_plan.item_events(session, items[5], date(2025, 7, 1))
    assert [(o.event.key, o.starts_on) for o in refugee_day] == \
        [("world-refugee-day", date(2026, 6, 20))]
    assert await action_plan.item_events(session, items[9], date(2025, 1, 1)) == []


def test_spans_and_leap_days():
    assert action_plan.span_end(date(2025, 4, 1), None, "quarter") == date(2025, 6, 30)
    assert action_plan.span_end(date(2024, 11, 5), None, "quarter") == date(2024, 12, 31)
    assert action_plan.span_end(date(2024, 2, 1), None, "month") == date(2024, 2, 29)
    assert action_plan.span_end(date(2026, 1, 1), None, "year") == date(2026, 12, 31)
    assert action_plan.span_end(date(2024, 7, 3), date(2024, 7, 4), "day") == date(2024, 7, 4)
    leap = PlanEvent(key="leap", starts_on=date(2024, 2, 29), precision="day", yearly=True)
    assert action_plan.occurrence(leap, date(2025, 3, 1)).starts_on == date(2026, 2, 28)
    assert action_plan.occurrence(leap, date(2024, 1, 1)).starts_on == date(2024, 2, 29)

