"""National coordination practices (action plan item 8): a state's records, their review by
the secretariat and their circulation to the other states.

A practice is a submission of the practice form (many per state). Its life:
draft -> submitted -> returned (with a comment) -> submitted ... -> accepted -> circulated.
Every step is a row of the answer history (AnswerChange.action) and of the audit log; the
latest "return" row holds the comment the state sees. Only accepted practices whose state said
they may be circulated ever reach another state.
"""

import hashlib
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services import audit, clock, form_reports, submissions
from services.errors import NotAllowed, NotFound, ServiceError
from services.forms.definition import Choice, FormDefinition
from services.permissions import Action, can, require
from storage.models import (
    Answer,
    AnswerChange,
    Form,
    FormKind,
    FormStatus,
    Role,
    Submission,
    SubmissionStatus,
    User,
    UserStatus,
)

CIRCULATE_QUESTION = "may_circulate"  # "yes" clears a practice for the other states
TITLE_QUESTION = "title"
COORDINATION_QUESTION = "coordination_type"
OBJECTIVES_QUESTION = "gcm_objectives"
DOCUMENTS_QUESTION = "documents"
COMMENT_LIMIT = 2000
# The secretariat's list: what waits for it first.
REVIEW_ORDER = (SubmissionStatus.SUBMITTED, SubmissionStatus.RETURNED,
                SubmissionStatus.ACCEPTED, SubmissionStatus.CIRCULATED)


class NoPracticeForm(ServiceError):
    reason = "no-form"


class WrongStatus(ServiceError):
    """The practice is not at the step the action needs (details: status)."""

    reason = "wrong-status"


class NoComment(ServiceError):
    """A return needs a comment of 1..COMMENT_LIMIT characters."""

    reason = "no-comment"


class NothingToCirculate(ServiceError):
    reason = "nothing-to-circulate"


@dataclass(frozen=True)
class Practice:
    """A practice as it is read: its record, answers and the secretariat's last comment."""

    submission: Submission
    values: dict[str, object]
    comment: str | None = None

    @property
    def id(self) -> int:
        return self.submission.id

    @property
    def state_code(self) -> str:
        return self.submission.member_state_code

    @property
    def status(self) -> SubmissionStatus:
        return self.submission.status

    @property
    def title(self) -> str:
        return str(self.values.get(TITLE_QUESTION) or "")

    @property
    def cleared(self) -> bool:
        """Whether the state allows it to be circulated to the other states."""
        return self.values.get(CIRCULATE_QUESTION) == "yes"

    @property
    def documents(self) -> list[dict]:
        return submissions.files_of(self.values.get(DOCUMENTS_QUESTION))

    @property
    def definition(self) -> FormDefinition:
        return submissions.definition(self.submission.form)


@dataclass(frozen=True)
class Circulation:
    """One circulation: its practices and, per focal point of another state, theirs to read."""

    ref: str
    practices: list[Practice]
    recipients: list[tuple[User, list[Practice]]] = field(default_factory=list)


async def practice_form(session: AsyncSession) -> Form:
    """The practice form new records are made with: the newest one not closed."""
    form = await session.scalar(select(Form).where(
        Form.kind == FormKind.PRACTICE, Form.status != FormStatus.CLOSED)
        .order_by(Form.id.desc()).limit(1))
    if form is None:
        raise NoPracticeForm()
    return form


async def practice_forms(session: AsyncSession) -> list[Form]:
    """Every version of the practice form, newest first: the practices made with a closed
    version stay readable, filterable and exported with their own definition."""
    return list(await session.scalars(
        select(Form).where(Form.kind == FormKind.PRACTICE).order_by(Form.id.desc())))


async def filter_choices(session: AsyncSession,
                         question: str) -> list[tuple[FormDefinition, Choice]]:
    """The choices of a question over every version of the practice form (the newest
    version's wording first), for filtering the practices of all versions."""
    found: dict[str, tuple[FormDefinition, Choice]] = {}
    for form in await practice_forms(session):
        defn = submissions.definition(form)
        try:
            asked = defn.question(question)
        except KeyError:
            continue
        for choice in asked.choices:
            found.setdefault(choice.name, (defn, choice))
    return list(found.values())


async def export_table(session: AsyncSession, actor: User, locale: str,
                       words: form_reports.ExportWords) -> form_reports.Table:
    """Every practice a state has sent (never a draft), one row each, over every version of
    the practice form: a column per question of any version, the newest version's label."""
    require(actor, Action.REVIEW_PRACTICES)
    tables = [await form_reports.export_table(session, actor, form.id, locale, words,
                                              drafts=False)
              for form in await practice_forms(session)]
    labels: dict[str, str] = {}
    for table in tables:  # newest first: its labels win
        for name, label in zip(table.names, table.labels, strict=True):
            labels.setdefault(name, label)
    names = list(labels)
    rows = []
    for table in reversed(tables):  # the oldest practices first, as before a new version
        for row in table.rows:
            cells = dict(zip(table.names, row, strict=True))
            rows.append([cells.get(name) for name in names])
    rows.sort(key=lambda row: str(row[0] or ""))  # by state, as one version's table is
    return form_reports.Table([labels[name] for name in names], names, rows)


async def _read(session: AsyncSession, submission: Submission) -> Practice:
    values = submissions.values_of(await submissions.answers_of(session, submission))
    comment = await session.scalar(
        select(AnswerChange.value).where(AnswerChange.submission_id == submission.id,
                                         AnswerChange.action == "return")
        .order_by(AnswerChange.id.desc()).limit(1))
    return Practice(submission, values, str(comment) if comment else None)


def _step(session: AsyncSession, submission: Submission, actor: User, action: str,
          value: object = None) -> None:
    now = clock.now()
    session.add(AnswerChange(submission_id=submission.id, action=action, value=value,
                             by=actor.id, at=now))
    submission.updated_at, submission.updated_by = now, actor.id


async def create(session: AsyncSession, user: User) -> Submission:
    """A new, empty practice record of the user's state (the user's own empty draft, if one
    is left from a double tap or an abandoned start, is given again instead)."""
    require(user, Action.ANSWER_FORMS)
    form = await practice_form(session)
    empty = await session.scalar(
        select(Submission).where(
            Submission.form_id == form.id, Submission.status == SubmissionStatus.DRAFT,
            Submission.member_state_code == user.member_state_code,
            Submission.updated_by == user.id,
            ~select(Answer.id).where(Answer.submission_id == Submission.id).exists())
        .order_by(Submission.id.desc()).limit(1))
    if empty is not None:
        return empty
    now = clock.now()
    submission = Submission(form_id=form.id, member_state_code=user.member_state_code,
                            single_key=None, status=SubmissionStatus.DRAFT, created_at=now,
                            updated_at=now, updated_by=user.id)
    session.add(submission)
    await session.flush()
    _step(session, submission, user, "create")
    await audit.record(session, "practice.create", "submission", submission.id,
                       actor_id=user.id, state=user.member_state_code)
    await session.refresh(submission, ["form"])
    return submission


def _is_practice(submission: Submission | None) -> bool:
    return submission is not None and submission.form.kind == FormKind.PRACTICE


async def own_practices(session: AsyncSession, user: User) -> list[Practice]:
    """The user's state's practices, newest first."""
    require(user, Action.ANSWER_FORMS)
    rows = await session.scalars(
        select(Submission).join(Form).where(
            Form.kind == FormKind.PRACTICE,
            Submission.member_state_code == user.member_state_code)
        .order_by(Submission.id.desc()))
    return [await _read(session, submission) for submission in rows]


async def own_practice(session: AsyncSession, user: User, practice_id: int) -> Practice:
    """One of the user's state's practices (another state's is refused)."""
    submission = await submissions.own_submission(session, user, practice_id)
    if not _is_practice(submission):
        raise NotFound("practice", id=practice_id)
    return await _read(session, submission)


async def submit(session: AsyncSession, user: User, practice_id: int) -> Practice:
    """Send a draft or returned practice to the secretariat (all required answers given)."""
    practice = await own_practice(session, user, practice_id)
    resubmitted = practice.status == SubmissionStatus.RETURNED
    submission = await submissions.submit(session, user, practice_id)
    await audit.record(session, "practice.resubmit" if resubmitted else "practice.submit",
                       "submission", submission.id, actor_id=user.id,
                       state=submission.member_state_code)
    return await _read(session, submission)


async def _for_secretariat(session: AsyncSession, actor: User, practice_id: int) -> Practice:
    require(actor, Action.REVIEW_PRACTICES)
    submission = await session.get(Submission, practice_id)
    if not _is_practice(submission) or submission.status == SubmissionStatus.DRAFT:
        raise NotFound("practice", id=practice_id)  # a state's draft is its own business
    return await _read(session, submission)


async def for_review(session: AsyncSession, actor: User) -> list[Practice]:
    """Every practice a state has sent, those waiting for a decision first, newest first."""
    require(actor, Action.REVIEW_PRACTICES)
    rows = await session.scalars(
        select(Submission).join(Form).where(Form.kind == FormKind.PRACTICE,
                                            Submission.status.in_(REVIEW_ORDER))
        .order_by(Submission.updated_at.desc(), Submission.id.desc()))
    found = [await _read(session, submission) for submission in rows]
    return sorted(found, key=lambda p: REVIEW_ORDER.index(p.status))


async def readable(session: AsyncSession, user: User, practice_id: int) -> Practice:
    """A practice the user may read: their own state's, one circulated from another state,
    or (the secretariat) any one a state has sent."""
    if can(user, Action.REVIEW_PRACTICES):
        return await _for_secretariat(session, user, practice_id)
    require(user, Action.READ_PRACTICES)
    submission = await session.get(Submission, practice_id)
    if not _is_practice(submission):
        raise NotFound("practice", id=practice_id)
    if submission.member_state_code == user.member_state_code:
        return await _read(session, submission)
    practice = await _read(session, submission)
    if submission.status != SubmissionStatus.CIRCULATED or not practice.cleared:
        raise NotAllowed("other-state")
    return practice


async def return_practice(session: AsyncSession, actor: User, practice_id: int,
                          comment: str) -> Practice:
    """Send a submitted practice back to its state with a comment; the state edits it."""
    comment = comment.strip()
    if not comment or len(comment) > COMMENT_LIMIT:
        raise NoComment(limit=COMMENT_LIMIT)
    practice = await _for_secretariat(session, actor, practice_id)
    if practice.status != SubmissionStatus.SUBMITTED:
        raise WrongStatus(status=str(practice.status))
    practice.submission.status = SubmissionStatus.RETURNED
    _step(session, practice.submission, actor, "return", comment)
    await audit.record(session, "practice.return", "submission", practice.id,
                       actor_id=actor.id, state=practice.state_code)
    await session.flush()
    return await _read(session, practice.submission)


async def accept(session: AsyncSession, actor: User, practice_id: int) -> Practice:
    """Accept a submitted practice."""
    practice = await _for_secretariat(session, actor, practice_id)
    if practice.status != SubmissionStatus.SUBMITTED:
        raise WrongStatus(status=str(practice.status))
    practice.submission.status = SubmissionStatus.ACCEPTED
    _step(session, practice.submission, actor, "accept")
    await audit.record(session, "practice.accept", "submission", practice.id,
                       actor_id=actor.id, state=practice.state_code)
    await session.flush()
    return await _read(session, practice.submission)


async def to_circulate(session: AsyncSession, actor: User) -> list[Practice]:
    """Accepted practices their states cleared for circulation, not yet circulated."""
    require(actor, Action.REVIEW_PRACTICES)
    rows = await session.scalars(
        select(Submission).join(Form).where(Form.kind == FormKind.PRACTICE,
                                            Submission.status == SubmissionStatus.ACCEPTED)
        .order_by(Submission.member_state_code, Submission.id))
    found = [await _read(session, submission) for submission in rows]
    return [practice for practice in found if practice.cleared]


async def focal_points(session: AsyncSession, state_code: str | None = None) -> list[User]:
    """Active focal points, of one state or of all."""
    query = select(User).where(User.role == Role.FOCAL_POINT,
                               User.status == UserStatus.ACTIVE)
    if state_code is not None:
        query = query.where(User.member_state_code == state_code)
    return list(await session.scalars(query.order_by(User.id)))


async def circulate(session: AsyncSession, actor: User) -> Circulation:
    """Circulate every accepted, cleared practice: each becomes `circulated`, and every focal
    point gets the other states' ones (never their own state's). The ref names this batch,
    so queuing its messages twice sends nothing twice."""
    practices = await to_circulate(session, actor)
    if not practices:
        raise NothingToCirculate()
    ids = ",".join(str(p.id) for p in practices)
    ref = "practices:" + hashlib.sha256(ids.encode()).hexdigest()[:16]
    for practice in practices:
        practice.submission.status = SubmissionStatus.CIRCULATED
        _step(session, practice.submission, actor, "circulate", ref)
    await audit.record(session, "practice.circulate", "circulation", ref, actor_id=actor.id,
                       practices=[p.id for p in practices])
    await session.flush()
    circulated = [await _read(session, p.submission) for p in practices]
    recipients = []
    for person in await focal_points(session):
        theirs = [p for p in circulated if p.state_code != person.member_state_code]
        if theirs:
            recipients.append((person, theirs))
    return Circulation(ref, circulated, recipients)


@dataclass(frozen=True)
class Filters:
    state: str | None = None
    coordination: str | None = None
    objective: str | None = None


async def shared(session: AsyncSession, user: User,
                 filters: Filters = Filters()) -> list[Practice]:
    """Circulated practices of the other states (all states for the secretariat), matching
    the filters, by state then newest first."""
    require(user, Action.READ_PRACTICES)
    query = select(Submission).join(Form).where(
        Form.kind == FormKind.PRACTICE, Submission.status == SubmissionStatus.CIRCULATED)
    if not can(user, Action.REVIEW_PRACTICES):
        query = query.where(Submission.member_state_code != user.member_state_code)
    if filters.state:
        query = query.where(Submission.member_state_code == filters.state)
    rows = await session.scalars(query.order_by(Submission.member_state_code,
                                                Submission.id.desc()))
    result = []
    for submission in rows:
        practice = await _read(session, submission)
        if not practice.cleared:  # never shown elsewhere, whatever its status says
            continue
        if filters.coordination and (practice.values.get(COORDINATION_QUESTION)
                                     != filters.coordination):
            continue
        if filters.objective and filters.objective not in (
                practice.values.get(OBJECTIVES_QUESTION) or []):
            continue
        result.append(practice)
    return result


async def all_practices(session: AsyncSession, actor: User) -> list[Practice]:
    """Every practice a state has sent (for the secretariat's documents), by state."""
    found = await for_review(session, actor)
    return sorted(found, key=lambda p: (p.state_code, p.id))


async def board(session: AsyncSession, actor: User) -> dict[str, dict[str, int]]:
    """Per state, how many practices it has sent by status (drafts stay the state's own)."""
    counts: dict[str, dict[str, int]] = {}
    for practice in await for_review(session, actor):
        per_state = counts.setdefault(practice.state_code, {})
        per_state[str(practice.status)] = per_state.get(str(practice.status), 0) + 1
    return counts


async def circulable(session: AsyncSession, actor: User) -> list[Practice]:
    """The practices that may go to the other states (accepted or circulated, and cleared by
    their state), by state: the file the secretariat sends by email."""
    return [practice for practice in await all_practices(session, actor)
            if practice.cleared and practice.status in (SubmissionStatus.ACCEPTED,
                                                         SubmissionStatus.CIRCULATED)]


async def document(session: AsyncSession, user: User, practice_id: int,
                   index: int) -> dict:
    """One document of a practice the user may read ({file_id, name, size, mime})."""
    practice = await readable(session, user, practice_id)
    documents = practice.documents
    if not 0 <= index < len(documents):
        raise NotFound("document", index=index)
    return documents[index]

