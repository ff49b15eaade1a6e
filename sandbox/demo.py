"""The sandbox's demo people and work, put in the throwaway database through services/, the
way the bot itself would: a secretariat member, focal points who joined with invitations,
newcomers holding an invitation link, the shipped evaluation questionnaire open with a
deadline a few days ahead (its reminders planned), and one state that already submitted it."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services import action_plan, clock, deadlines, form_catalog, registration, submissions
from services.errors import ServiceError
from services.member_states import get_state
from services.timezones import user_timezone
from storage.database import transaction
from storage.models import Form, Role, User

log = logging.getLogger(__name__)

SECRETARIAT_ID = 1001
FORM_KEY = "arcp_evaluation"
ITEM_NUMBER = 9  # the action plan's item the evaluation questionnaire belongs to
DUE_IN = timedelta(days=4)
SUBMITTED_STATE = "JO"  # has answered already: gets no reminder


@dataclass
class Person:
    id: int
    name: str
    role: str  # secretariat | focal_point | newcomer
    language: str
    state: str | None = None  # ISO code
    state_names: dict[str, str] | None = None  # by language
    start: str | None = None  # a newcomer's invitation payload for /start

    def as_json(self) -> dict:
        state = None
        if self.state:
            state = {"code": self.state, "name": self.state_names[self.language],
                     "names": self.state_names}
        return {"id": self.id, "name": self.name, "role": self.role, "state": state,
                "language": self.language, "start": self.start}


# (id, name, state, language); focal points have joined, newcomers hold an invitation
FOCAL_POINTS = [
    (2001, "منى عادل", "EG", "ar"),
    (2002, "خالد الحسيني", "JO", "ar"),
    (2003, "Youssef Benali", "MA", "en"),
]
NEWCOMERS = [
    (3001, "سلمى التونسي", "TN", "ar"),
    (3002, "Ahmed Al-Balushi", "OM", "en"),
]
SECRETARIAT = (SECRETARIAT_ID, "ليلى منصور", "ar")


async def create(pool: async_sessionmaker[AsyncSession], *, reminder_hour: int,
                 invite_days: int = 14) -> list[Person]:
    """Fill a fresh database (member states, plan and forms already loaded); the people."""
    async with transaction(pool) as session:
        boss_id, boss_name, boss_lang = SECRETARIAT
        boss = await registration.bootstrap_secretariat(
            session, registration.Profile(boss_id, boss_name), boss_lang)
        people = [Person(boss_id, boss_name, "secretariat", boss_lang)]
        joined: dict[str, User] = {}
        for user_id, name, code, lang in FOCAL_POINTS:
            joined[code] = await _join(session, boss, user_id, name, code, lang, invite_days)
            people.append(await _person(session, user_id, name, "focal_point", lang, code))
        for user_id, name, code, lang in NEWCOMERS:
            new = await registration.create_invite(
                session, actor=boss, role=Role.FOCAL_POINT, state_code=code,
                ttl_days=invite_days)
            person = await _person(session, user_id, name, "newcomer", lang, code)
            person.start = registration.INVITE_PREFIX + new.token
            people.append(person)
        form = await _open_evaluation(session, boss, reminder_hour)
        await _answer_everything(session, joined[SUBMITTED_STATE], form)
    return people


async def _join(session: AsyncSession, boss: User, user_id: int, name: str, code: str,
                lang: str, invite_days: int) -> User:
    new = await registration.create_invite(session, actor=boss, role=Role.FOCAL_POINT,
                                           state_code=code, ttl_days=invite_days)
    profile = registration.Profile(user_id, name)
    user = await registration.begin_joining(session, profile, lang, None)
    return await registration.accept_invite(session, new.token, user)


async def _person(session: AsyncSession, user_id: int, name: str, role: str, lang: str,
                  code: str) -> Person:
    state = await get_state(session, code)
    return Person(user_id, name, role, lang, code, {"ar": state.name_ar, "en": state.name_en})


async def _open_evaluation(session: AsyncSession, boss: User, reminder_hour: int) -> Form:
    """The shipped evaluation open to every state, due in a few days, reminders planned."""
    form = await session.scalar(select(Form).where(Form.key == FORM_KEY)
                                .order_by(Form.id.desc()))
    await form_catalog.open_form(session, boss, form.id, closes_at=None)
    today = clock.now().date()
    plan = await action_plan.current_plan(session, today)
    items = await action_plan.plan_items(session, plan.id)
    item = next(i for i in items if i.number == ITEM_NUMBER)
    spec = deadlines.Spec(item_id=item.id, due_at=clock.now() + DUE_IN, form_key=FORM_KEY)
    await deadlines.create(session, boss, spec, hour=reminder_hour)
    return form


def _candidates(question, today: str) -> list[object]:
    """Plausible answers to try, in order, for any question of a shipped survey."""
    first = question.choices[0].name if question.choices else None
    if question.type == "select_one":
        return [c.name for c in question.choices]
    if question.type == "select_multiple":
        return [[first]] if first else []
    if question.type == "acknowledge":
        return ["OK"]
    if question.type == "date":
        return [today]
    if question.type in ("integer", "decimal"):
        return [1]
    if question.type == "text":
        return ["A national committee meets every quarter."]
    return []


async def _answer_everything(session: AsyncSession, user: User, form: Form) -> None:
    """The state's focal point answers every question asked, then submits for the state."""
    submission = await submissions.state_submission(session, user, form.id)
    defn = submissions.definition(submission.form)
    today = clock.now().astimezone(user_timezone(user)).date().isoformat()
    for _ in range(200):  # the questions of one form, with room for relevance changes
        answers = await submissions.answers_of(session, submission)
        values = submissions.values_of(answers)
        position = submissions.first_open(defn, values, set(answers))
        if position is None:
            break
        question = submissions.visible(defn, values)[position]
        if not await _answer_one(session, user, submission.id, question, today):
            await submissions.clear(session, user, submission.id, question.name, None)
    try:
        await submissions.submit(session, user, submission.id)
    except ServiceError as error:  # the demo still runs, with the state in draft
        log.warning("demo: %s could not submit %s: %r", user.member_state_code, FORM_KEY, error)


async def _answer_one(session: AsyncSession, user: User, submission_id: int, question,
                      today: str) -> bool:
    for value in _candidates(question, today):
        try:
            async with session.begin_nested():
                await submissions.answer(session, user, submission_id, question.name, value,
                                         None)
            return True
        except ServiceError:
            continue
    return False
