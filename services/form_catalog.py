"""Forms known to the bot: the shipped ones (data/forms/) and those the secretariat publishes."""

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services import audit, clock, member_states
from services.errors import NotFound, ServiceError
from services.forms.definition import FormDefinition
from services.forms.xlsform import load_xlsform
from services.permissions import Action, require
from services.resources import resource_path
from storage.models import (
    Answer,
    Form,
    FormKind,
    FormStatus,
    MemberState,
    Submission,
    SubmissionStatus,
    User,
)
from storage.repositories import member_states as member_state_repo

PRACTICE_KEYS = ("practice",)  # forms whose key marks them as practices (one record each)


@dataclass(frozen=True)
class Loaded:
    added: int
    unchanged: int


def kind_of(defn: FormDefinition) -> FormKind:
    return FormKind.PRACTICE if defn.key in PRACTICE_KEYS else FormKind.SURVEY


class VersionUnchanged(ServiceError):
    """A published form's key and version sent again with other content: the version must
    change (states' answers belong to the questions as they were)."""

    reason = "version-unchanged"


async def register(session: AsyncSession, defn: FormDefinition,
                   actor: User | None = None) -> tuple[Form, bool]:
    """Store a loaded form as a draft; the same key and version twice is one form. A person
    publishing other content under a known key and version is refused (VersionUnchanged)."""
    form = await session.scalar(select(Form).where(Form.key == defn.key,
                                                   Form.version == defn.version))
    if form is not None:
        # shipped forms (no actor) stay as stored: an older stored shape is not a change
        if actor is not None and _canonical(form.definition) != _canonical(defn.to_json()):
            raise VersionUnchanged(key=defn.key, version=defn.version)
        return form, False
    form = Form(key=defn.key, version=defn.version, kind=kind_of(defn),
                title_ar=defn.text(defn.title, "ar")[:300],
                title_en=defn.text(defn.title, "en")[:300],
                definition=defn.to_json(), status=FormStatus.DRAFT, created_at=clock.now(),
                created_by=actor.id if actor else None)
    session.add(form)
    await session.flush()
    await audit.record(session, "form.register", "form", form.id,
                       actor_id=actor.id if actor else None, key=defn.key, version=defn.version)
    return form, True


def _canonical(definition: dict) -> str:
    return json.dumps(definition, sort_keys=True, ensure_ascii=False)


async def load_shipped(session: AsyncSession, folder: Path | None = None) -> Loaded:
    """Register every form under data/forms/ (safe to repeat)."""
    folder = folder or resource_path("data", "forms")
    added = unchanged = 0
    for path in sorted(folder.glob("*.md")) + sorted(folder.glob("*.xlsx")):
        _, new = await register(session, load_xlsform(path))
        added, unchanged = added + new, unchanged + (not new)
    return Loaded(added, unchanged)


class NotInFuture(ServiceError):
    reason = "not-in-future"


async def other_open_versions(session: AsyncSession, actor: User, form_id: int) -> list[Form]:
    """The other versions of a form that are open now (opening this one closes them)."""
    form = await get_form(session, actor, form_id)
    # a practice form is open from the start (status_of), a draft one included
    open_now = (Form.status == FormStatus.OPEN) | (
        (Form.kind == FormKind.PRACTICE) & (Form.status != FormStatus.CLOSED))
    others = await session.scalars(select(Form).where(
        Form.key == form.key, Form.id != form.id, open_now))
    return [other for other in others if status_of(other) == str(FormStatus.OPEN)]


async def open_form(session: AsyncSession, actor: User, form_id: int,
                    closes_at: datetime | None) -> Form:
    """Open a form to the member states until `closes_at` (None: until closed by hand).

    One version of a form is open at a time: the others are closed, their answers kept.
    """
    require(actor, Action.MANAGE_FORMS)
    form = await session.get(Form, form_id)
    if form is None:
        raise NotFound("form", id=form_id)
    if closes_at is not None and closes_at <= clock.now():
        raise NotInFuture()
    for other in await other_open_versions(session, actor, form.id):
        await close_form(session, actor, other.id)
    form.status, form.opens_at, form.closes_at = FormStatus.OPEN, clock.now(), closes_at
    await session.flush()
    await audit.record(session, "form.open", "form", form.id, actor_id=actor.id,
                       closes_at=closes_at.isoformat() if closes_at else None)
    return form


# Where a state stands on the secretariat's board, in the board's order.
STAGES = ("submitted", "in-progress", "not-started")


@dataclass(frozen=True)
class StateProgress:
    code: str
    status: str  # not-started | in-progress | submitted (or the submission's later status)
    answered: int
    updated_at: datetime | None

    @property
    def stage(self) -> str:
        """One of STAGES: a submission sent back to its state is in progress again."""
        if self.status == "not-started":
            return "not-started"
        if self.status in ("in-progress", str(SubmissionStatus.RETURNED)):
            return "in-progress"
        return "submitted"


def status_of(form: Form) -> str:
    """open | closed | draft, as it stands now: a form past its close date is closed."""
    if form.kind == FormKind.PRACTICE:  # taken all year until closed (submissions.is_open)
        return str(FormStatus.CLOSED if form.status == FormStatus.CLOSED else FormStatus.OPEN)
    if form.status == FormStatus.OPEN and form.closes_at and form.closes_at <= clock.now():
        return str(FormStatus.CLOSED)
    return str(form.status)


async def list_forms(session: AsyncSession, actor: User) -> list[Form]:
    require(actor, Action.MANAGE_FORMS)
    return list(await session.scalars(select(Form).order_by(Form.id.desc())))


async def get_form(session: AsyncSession, actor: User, form_id: int) -> Form:
    require(actor, Action.MANAGE_FORMS)
    form = await session.get(Form, form_id)
    if form is None:
        raise NotFound("form", id=form_id)
    return form


async def close_form(session: AsyncSession, actor: User, form_id: int) -> Form:
    """Close a form now: the states' answers are kept and can no longer change."""
    form = await get_form(session, actor, form_id)
    form.status, form.closes_at = FormStatus.CLOSED, clock.now()
    await session.flush()
    await audit.record(session, "form.close", "form", form.id, actor_id=actor.id)
    return form


async def progress(session: AsyncSession, actor: User, form_id: int) -> list[StateProgress]:
    """Every member state and how far it is with a survey."""
    form = await get_form(session, actor, form_id)
    states = await member_state_repo.all_states(session)
    rows = {s.member_state_code: s for s in await session.scalars(
        select(Submission).where(Submission.form_id == form.id))}
    counts = dict((await session.execute(
        select(Answer.submission_id, func.count()).join(Submission)
        .where(Submission.form_id == form.id).group_by(Answer.submission_id))).all())
    result = []
    for state in states:
        submission = rows.get(state.code)
        if submission is None:
            result.append(StateProgress(state.code, "not-started", 0, None))
        else:
            status = "in-progress" if submission.status == SubmissionStatus.DRAFT else str(
                submission.status)
            result.append(StateProgress(state.code, status, counts.get(submission.id, 0),
                                        submission.updated_at))
    return result


async def progress_board(session: AsyncSession, actor: User, form_id: int,
                         locale: str) -> dict[str, list[MemberState]]:
    """All member states by stage (keys: STAGES), each list in `locale`'s order of names."""
    stages = {row.code: row.stage for row in await progress(session, actor, form_id)}
    board: dict[str, list[MemberState]] = {stage: [] for stage in STAGES}
    for state in await member_states.list_states(session, locale):
        board[stages.get(state.code, "not-started")].append(state)
    return board
