"""A member state's answers to a form: one shared draft, answered question by question.

Values as stored: text -> str; integer -> int; decimal -> str (exact); date -> ISO date;
select_one -> choice name (with or_other, "other" plus the text under "<name>_other");
select_multiple -> list of choice names; file -> {file_id, name, size, mime};
acknowledge -> "OK". Notes take no answer.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import bindparam, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services import clock, expressions
from services.errors import NotAllowed, NotFound, ServiceError
from services.forms.definition import FormDefinition, Question
from services.permissions import Action, can, require
from services.timezones import user_timezone
from storage.models import (
    Answer,
    AnswerChange,
    Form,
    FormKind,
    FormStatus,
    Submission,
    SubmissionStatus,
    User,
)

TEXT_LIMIT = 4000
ANSWERLESS = ("note",)
TYPED = ("text", "integer", "decimal", "date")  # answers that can be typed in the chat
EDITABLE = (SubmissionStatus.DRAFT, SubmissionStatus.RETURNED)
FILE_LIMIT = 20 * 1024 * 1024  # the most a bot may download from Telegram
FILE_LIMIT_MB = FILE_LIMIT // (1024 * 1024)
FILES_LIMIT = 10  # documents one question holds


class Invalid(ServiceError):
    """A typed answer refused: reason type | constraint | required | too-long; `message` is
    the form's own message per language when it has one."""

    def __init__(self, reason: str, message: dict | None = None, **details: object):
        super().__init__(reason, **details)
        self.message = message or {}


class Conflict(ServiceError):
    """Someone else changed this answer since it was shown; `current` is what it is now."""

    reason = "conflict"


class FormClosed(ServiceError):
    reason = "form-closed"


class AlreadySubmitted(ServiceError):
    reason = "already-submitted"


@dataclass(frozen=True)
class Progress:
    form: Form
    submission: Submission | None
    answered: int
    total: int


_definitions: dict[tuple[str, str], FormDefinition] = {}


def definition(form: Form) -> FormDefinition:
    """The form's questions (parsed once per form version)."""
    key = (form.key, form.version)  # unique, and the same content wherever it is stored
    if key not in _definitions:
        _definitions[key] = FormDefinition.from_json(form.definition)
    return _definitions[key]


def is_open(form: Form) -> bool:
    if form.kind == FormKind.PRACTICE:  # practices are taken all year, until it is closed
        return form.status != FormStatus.CLOSED
    now = clock.now()
    return (form.status == FormStatus.OPEN and (form.opens_at is None or form.opens_at <= now)
            and (form.closes_at is None or now < form.closes_at))


def values_of(answers: dict[str, Answer]) -> dict[str, object]:
    return {name: answer.value for name, answer in answers.items() if answer.value is not None}


def visible(defn: FormDefinition, values: dict[str, object]) -> list[Question]:
    """The questions that apply, given the answers so far (their `relevant`)."""
    return [q for q in defn.questions
            if not q.relevant or expressions.parse(q.relevant).truthy(values)]


def answerable(defn: FormDefinition, values: dict[str, object]) -> list[Question]:
    """The visible questions that take an answer (what "4 / 12" counts)."""
    return [q for q in visible(defn, values) if q.type not in ANSWERLESS]


def is_required(question: Question, values: dict[str, object]) -> bool:
    if question.type in ANSWERLESS:
        return False
    if question.required_if:
        return expressions.parse(question.required_if).truthy(values)
    return question.required


def is_answered(question: Question, values: dict[str, object]) -> bool:
    value = values.get(question.name)
    return value not in (None, "", [])


def first_open(defn: FormDefinition, values: dict[str, object],
               seen: set[str] = frozenset()) -> int | None:
    """Position (in the visible questions) of the first one still to answer, None if done.

    `seen` are questions already put to the state (answered, or skipped when optional).
    """
    for position, question in enumerate(visible(defn, values)):
        if question.type in ANSWERLESS or question.name in seen:
            continue
        if not is_answered(question, values):
            return position
    return None


def missing_required(defn: FormDefinition, values: dict[str, object]) -> list[Question]:
    return [q for q in visible(defn, values)
            if is_required(q, values) and not is_answered(q, values)]


def parse_typed(question: Question, text: str) -> object:
    """A typed answer as the question's type, or Invalid("type")."""
    text = text.strip()
    if len(text) > TEXT_LIMIT:
        raise Invalid("too-long", limit=TEXT_LIMIT, length=len(text))
    if not text:
        raise Invalid("required", question.required_message)
    if question.type == "integer":
        if not re.fullmatch(r"[-+]?\d{1,15}", _latin_digits(text)):
            raise Invalid("type", type="integer")
        return int(_latin_digits(text))
    if question.type == "decimal":
        return parse_decimal(text)
    if question.type == "date":
        return parse_date(text)
    return text


# a dot, or the Arabic decimal separator, before any decimals; a comma only before one or
# two ("12,5"), since "1,500" may mean fifteen hundred: no grouping of thousands
DECIMAL = re.compile(r"[-+]?\d{1,15}(?:[.٫]\d{1,15}|,\d{1,2})?")


def parse_decimal(text: str) -> str:
    """A typed decimal, exactly as a string ("12.5"), or Invalid("type", type="decimal")."""
    plain = _latin_digits(text.translate(BIDI_MARKS)).strip()
    if not DECIMAL.fullmatch(plain):
        raise Invalid("type", type="decimal")
    return str(Decimal(plain.replace("٫", ".").replace(",", ".")))


ISO_DATE = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})")
DAY_FIRST_DATE = re.compile(r"(\d{1,2})[/.\-\u060d](\d{1,2})[/.\-\u060d](\d{4})")
# marks an RTL keyboard or a copy from an Arabic text slips around digits
BIDI_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e"
                                   "\u2066\u2067\u2068\u2069"))


def parse_date(text: str) -> str:
    """A typed date as an ISO date: YYYY-MM-DD, DD/MM/YYYY or D/M/YYYY, any digits."""
    plain = _latin_digits(text.translate(BIDI_MARKS)).strip()
    if match := ISO_DATE.fullmatch(plain):
        year, month, day = match.groups()
    elif match := DAY_FIRST_DATE.fullmatch(plain):
        day, month, year = match.groups()
    else:
        raise Invalid("type", type="date")
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError as error:  # 31/02/2025
        raise Invalid("type", type="date") from error


def _latin_digits(text: str) -> str:
    # Arabic-Indic and Persian digits typed on an Arabic keyboard count as digits
    return text.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789"))


def check(question: Question, value: object, values: dict[str, object],
          today: date | None = None) -> None:
    """The form's constraint on an answer; Invalid("constraint") with its message.

    `today` is the answering state's own date (today() in a constraint means the day there).
    """
    if value in (None, "", []):
        if is_required(question, values):
            raise Invalid("required", question.required_message)
        return
    if question.type in ("select_one", "select_multiple"):
        names = {choice.name for choice in question.choices}
        chosen = value if isinstance(value, list) else [value]
        if not set(chosen) <= names:
            raise Invalid("type", type="choice")
    if question.type == "file":
        _check_files(question, value)
    if question.constraint:
        if not expressions.parse(question.constraint).truthy(values, current=value,
                                                              today=today):
            raise Invalid("constraint", question.constraint_message)


def files_of(value: object) -> list[dict]:
    """The documents of a file answer (one, or several for a `many_files` question)."""
    if isinstance(value, dict):
        return [value]
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def accepts(question: Question, name: str, mime: str) -> bool:
    """Whether a file question takes a document of this name and MIME type."""
    if not question.accept:
        return True
    name, mime = name.lower(), mime.lower()
    for pattern in question.accept:
        if pattern.startswith(".") and name.endswith(pattern):
            return True
        if pattern.endswith("/*") and mime.startswith(pattern[:-1]):
            return True
        if pattern == mime:
            return True
    return False


def check_file(question: Question, file: object) -> None:
    """One document for a file question: Invalid file-too-big (limit in MB) or file-type
    (accepted: the question's list)."""
    if not (isinstance(file, dict) and isinstance(file.get("file_id"), str)
            and isinstance(file.get("size", 0), int)):
        raise Invalid("type", type="file")
    if file.get("size", 0) > FILE_LIMIT:
        raise Invalid("file-too-big", limit=FILE_LIMIT_MB)
    if not accepts(question, str(file.get("name") or ""), str(file.get("mime") or "")):
        raise Invalid("file-type", accepted=", ".join(question.accept))


def _check_files(question: Question, value: object) -> None:
    if question.many_files != isinstance(value, list):
        raise Invalid("type", type="file")
    files = value if isinstance(value, list) else [value]
    if len(files) > FILES_LIMIT:
        raise Invalid("too-many-files", limit=FILES_LIMIT)
    for file in files:
        check_file(question, file)


async def open_surveys(session: AsyncSession, user: User) -> list[Progress]:
    """Open surveys with how far the user's state has got."""
    require(user, Action.ANSWER_FORMS)
    forms = await session.scalars(select(Form).where(
        Form.kind == FormKind.SURVEY, Form.status == FormStatus.OPEN).order_by(Form.id))
    result = []
    for form in forms:
        if not is_open(form):
            continue
        submission = await session.scalar(select(Submission).where(
            Submission.single_key == f"{form.id}:{user.member_state_code}"))
        values = values_of(await answers_of(session, submission)) if submission else {}
        shown = answerable(definition(form), values)
        answered = sum(1 for q in shown if is_answered(q, values))
        result.append(Progress(form, submission, answered, len(shown)))
    return result


async def state_submission(session: AsyncSession, user: User, form_id: int) -> Submission:
    """The state's shared answer to a survey, created on first use."""
    require(user, Action.ANSWER_FORMS)
    form = await session.get(Form, form_id)
    if form is None or form.kind != FormKind.SURVEY:
        raise NotFound("form", id=form_id)
    if not is_open(form):
        raise FormClosed()
    key = f"{form.id}:{user.member_state_code}"
    submission = await session.scalar(select(Submission).where(Submission.single_key == key))
    if submission is None:
        try:
            async with session.begin_nested():
                submission = Submission(form_id=form.id, member_state_code=user.member_state_code,
                                        single_key=key, status=SubmissionStatus.DRAFT,
                                        created_at=clock.now(), updated_at=clock.now())
                session.add(submission)
        except IntegrityError:  # another focal point of the state started it just now
            submission = await session.scalar(select(Submission).where(
                Submission.single_key == key))
    await session.refresh(submission, ["form"])
    return submission


async def own_submission(session: AsyncSession, user: User, submission_id: int) -> Submission:
    """A submission of the user's own state (anything else is refused)."""
    require(user, Action.ANSWER_FORMS)
    submission = await session.get(Submission, submission_id)
    if submission is None or submission.member_state_code != user.member_state_code:
        raise NotAllowed("other-state")
    return submission


_ANSWERS = select(Answer).where(Answer.submission_id == bindparam("submission"))


async def answers_of(session: AsyncSession, submission: Submission) -> dict[str, Answer]:
    """A submission's answers by question, read once per session (a dialog step reads them in
    its handler and again to draw the next screen); `answer` and `clear` keep it current.
    Read-only for callers."""
    known = session.info.setdefault("answers", {})
    if submission.id not in known:
        rows = await session.scalars(_ANSWERS, {"submission": submission.id})
        # the submission is kept too: the session's identity map holds it only weakly
        known[submission.id] = (submission, {answer.question: answer for answer in rows})
    return known[submission.id][1]


def _editable(submission: Submission) -> None:
    if not is_open(submission.form):
        raise FormClosed()
    if submission.status not in EDITABLE:
        raise AlreadySubmitted()


async def answer(session: AsyncSession, user: User, submission_id: int, name: str,
                 value: object, seen_revision: int | None) -> Answer:
    """Save one answer. `seen_revision` is the revision the person was shown (None: none
    existed); if someone changed it meanwhile, Conflict with the current answer."""
    submission = await own_submission(session, user, submission_id)
    _editable(submission)
    question = _question(definition(submission.form), name)
    answers = await answers_of(session, submission)
    current = answers.get(name)
    if (current.revision if current else None) != seen_revision:
        raise Conflict(current=current.value if current else None,
                       by=current.by if current else None)
    values = values_of(answers)
    check(question, value, {**values, name: value},
          today=clock.now().astimezone(user_timezone(user)).date())
    previous = current.value if current else None
    if current is None:
        current = answers[name] = Answer(submission_id=submission.id, question=name, revision=0)
        session.add(current)
    current.value, current.by, current.at = value, user.id, clock.now()
    current.revision += 1
    _touch(submission, user)
    session.add(AnswerChange(submission_id=submission.id, action="answer", question=name,
                             previous=previous, value=value, by=user.id, at=clock.now()))
    await session.flush()
    return current


async def clear(session: AsyncSession, user: User, submission_id: int, name: str,
                seen_revision: int | None) -> None:
    """Remove an optional answer (skip). `seen_revision` as for `answer`: an answer someone
    gave since the person was shown the question is never removed (Conflict)."""
    submission = await own_submission(session, user, submission_id)
    _editable(submission)
    answers = await answers_of(session, submission)
    question = _question(definition(submission.form), name)
    if is_required(question, values_of(answers)):
        raise Invalid("required", question.required_message)
    current = answers.get(name)
    # skipping what is already empty loses nothing, whoever emptied it
    if (current is not None and current.value is not None
            and current.revision != seen_revision):
        raise Conflict(current=current.value, by=current.by)
    if current is None:  # kept with no value: asked and skipped, so resuming goes past it
        current = answers[name] = Answer(submission_id=submission.id, question=name, revision=0)
        session.add(current)
    if current.value is not None or current.revision == 0:
        session.add(AnswerChange(submission_id=submission.id, action="clear", question=name,
                                 previous=current.value, by=user.id, at=clock.now()))
        current.value, current.by, current.at = None, user.id, clock.now()
        current.revision += 1
        _touch(submission, user)
    await session.flush()


async def submit(session: AsyncSession, user: User, submission_id: int) -> Submission:
    """Submit for the state; refused while a required question is unanswered."""
    submission = await own_submission(session, user, submission_id)
    _editable(submission)
    values = values_of(await answers_of(session, submission))
    defn = definition(submission.form)
    missing = missing_required(defn, values)
    if missing:
        raise Invalid("required", missing=[q.name for q in missing])
    broken = first_broken(defn, values, local_today(user))
    if broken is not None:
        raise broken
    submission.status = SubmissionStatus.SUBMITTED
    submission.submitted_at, submission.submitted_by = clock.now(), user.id
    _touch(submission, user)
    session.add(AnswerChange(submission_id=submission.id, action="submit", by=user.id,
                             at=clock.now()))
    await session.flush()
    return submission


def local_today(user: User) -> date:
    """The day it is where the person is (today() in a constraint means that day)."""
    return clock.now().astimezone(user_timezone(user)).date()


def first_broken(defn: FormDefinition, values: dict[str, object],
                 today: date | None = None) -> Invalid | None:
    """The first answer the form's rules no longer accept, given all the others (a constraint
    comparing questions, changed since): Invalid with the question's name, else None."""
    for question in answerable(defn, values):
        if not is_answered(question, values):
            continue
        try:
            check(question, values[question.name], values, today=today)
        except Invalid as invalid:
            invalid.details["question"] = question.name
            return invalid
    return None


async def reopen(session: AsyncSession, user: User, submission_id: int) -> Submission:
    """Make a submitted answer editable again, until the form closes."""
    submission = await own_submission(session, user, submission_id)
    if not is_open(submission.form):
        raise FormClosed()
    if submission.form.kind == FormKind.PRACTICE:  # a practice comes back only when returned
        raise AlreadySubmitted()
    if submission.status != SubmissionStatus.SUBMITTED:
        return submission
    submission.status = SubmissionStatus.DRAFT
    _touch(submission, user)
    session.add(AnswerChange(submission_id=submission.id, action="reopen", by=user.id,
                             at=clock.now()))
    await session.flush()
    return submission


async def history(session: AsyncSession, submission: Submission) -> list[AnswerChange]:
    return list(await session.scalars(select(AnswerChange).where(
        AnswerChange.submission_id == submission.id).order_by(AnswerChange.id)))


@dataclass(frozen=True)
class Change:
    """One entry of the answer history, as a reader sees it."""

    action: str  # answer | clear | submit | reopen
    question: str | None
    value: object
    by: str  # the person's name ("" if they are gone)
    at: datetime


@dataclass(frozen=True)
class HistoryPage:
    changes: list[Change]  # newest first
    total: int


async def readable_submission(session: AsyncSession, user: User,
                              submission_id: int) -> Submission:
    """A submission the user may read: their own state's, or any one for the secretariat."""
    if can(user, Action.MANAGE_FORMS):
        submission = await session.get(Submission, submission_id)
        if submission is None:
            raise NotFound("submission", id=submission_id)
        return submission
    return await own_submission(session, user, submission_id)


async def changes(session: AsyncSession, user: User, submission_id: int, *, offset: int = 0,
                  limit: int = 10) -> HistoryPage:
    """Who changed what and when in a state's answer, newest first, a page at a time."""
    submission = await readable_submission(session, user, submission_id)
    where = AnswerChange.submission_id == submission.id
    total = await session.scalar(select(func.count()).select_from(AnswerChange).where(where))
    rows = await session.execute(
        select(AnswerChange, User.full_name).outerjoin(User, User.id == AnswerChange.by)
        .where(where).order_by(AnswerChange.id.desc()).offset(max(0, offset)).limit(limit))
    return HistoryPage([Change(change.action, change.question, change.value, name or "",
                               change.at) for change, name in rows], total or 0)


def question_of(defn: FormDefinition, name: str) -> Question:
    """A question of the form, or the text of an "or other" choice (`<select>_other`);
    NotFound otherwise."""
    return _question(defn, name)


def _question(defn: FormDefinition, name: str) -> Question:
    """A question of the form, or the text of an "or other" choice (`<select>_other`)."""
    try:
        return defn.question(name)
    except KeyError:
        base = name.removesuffix("_other")
        select_question = defn.question(base) if base != name else None
        if select_question is None or not select_question.or_other:
            raise NotFound("question", name=name) from None
        return Question(name=name, type="text", label=select_question.label)


def _touch(submission: Submission, user: User) -> None:
    submission.updated_at, submission.updated_by = clock.now(), user.id
