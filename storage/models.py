"""Database tables. Times are stored in UTC."""

import enum
from datetime import UTC, date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator):
    """Aware datetimes in and out, whatever the backend keeps (SQLite drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None:
            if value.tzinfo is None:
                raise ValueError("naive datetime given to a UTC column")
            value = value.astimezone(UTC)
        return value

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Role(enum.StrEnum):
    FOCAL_POINT = "focal_point"
    SECRETARIAT = "secretariat"


class UserStatus(enum.StrEnum):
    PENDING = "pending"
    ACTIVE = "active"
    SUSPENDED = "suspended"


def _enum(cls: type[enum.Enum], name: str) -> Enum:
    # Stored as plain strings with a CHECK, so adding a value later is a small migration.
    return Enum(
        cls,
        name=name,
        native_enum=False,
        length=20,
        values_callable=lambda members: [m.value for m in members],
    )


class MemberState(Base):
    __tablename__ = "member_state"

    code: Mapped[str] = mapped_column(String(2), primary_key=True)
    name_ar: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100))
    timezone: Mapped[str] = mapped_column(String(64))

    def name(self, locale: str) -> str:
        return self.name_ar if locale == "ar" else self.name_en


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    username: Mapped[str | None] = mapped_column(String(64))
    role: Mapped[Role] = mapped_column(_enum(Role, "role"))
    member_state_code: Mapped[str | None] = mapped_column(ForeignKey("member_state.code"))
    locale: Mapped[str] = mapped_column(String(8), default="ar")
    status: Mapped[UserStatus] = mapped_column(_enum(UserStatus, "user_status"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Telegram refused a message to this person (blocked the bot, left Telegram); cleared when
    # they write to the bot again.
    unreachable_since: Mapped[datetime | None] = mapped_column(UTCDateTime)

    member_state: Mapped[MemberState | None] = relationship(lazy="joined")

    @property
    def is_active(self) -> bool:
        return self.status == UserStatus.ACTIVE

    @property
    def is_secretariat(self) -> bool:
        return self.role == Role.SECRETARIAT


class Invite(Base):
    __tablename__ = "invite"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[Role] = mapped_column(_enum(Role, "role"))
    member_state_code: Mapped[str | None] = mapped_column(ForeignKey("member_state.code"))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    max_uses: Mapped[int] = mapped_column(Integer, default=1)
    uses: Mapped[int] = mapped_column(Integer, default=0)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    member_state: Mapped[MemberState | None] = relationship(lazy="joined")


class AuditLog(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    action: Mapped[str] = mapped_column(String(64))
    object_type: Mapped[str] = mapped_column(String(32))
    object_id: Mapped[str] = mapped_column(String(64))
    details: Mapped[dict] = mapped_column(JSON, default=dict)


class ProcessedUpdate(Base):
    """Telegram update ids already taken, so a redelivered update has no second effect."""

    __tablename__ = "processed_update"

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class FsmRecord(Base):
    """aiogram FSM and aiogram-dialog state, one row per storage key."""

    __tablename__ = "fsm_record"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    state: Mapped[str | None] = mapped_column(String(255))
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class DeliveryStatus(enum.StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    BLOCKED = "blocked"
    DOUBT = "doubt"  # may or may not have arrived: never resent without a person deciding
    DROPPED = "dropped"  # no longer wanted when its turn came (a reminder the state answered)


class Delivery(Base):
    """The outbox: one message the bot sends on its own to one person."""

    __tablename__ = "delivery"
    __table_args__ = (
        UniqueConstraint("kind", "ref", "recipient_id"),
        Index("ix_delivery_due", "status", "not_before"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    ref: Mapped[str] = mapped_column(String(64))
    recipient_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    chat_id: Mapped[int] = mapped_column(BigInteger)
    payload: Mapped[dict] = mapped_column(JSON)
    status: Mapped[DeliveryStatus] = mapped_column(
        _enum(DeliveryStatus, "delivery_status"), default=DeliveryStatus.PENDING
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(String(500))
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    not_before: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    recipient: Mapped[User] = relationship(lazy="raise")


class AnnouncementStatus(enum.StrEnum):
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    QUEUED = "queued"
    CANCELLED = "cancelled"


class Audience(enum.StrEnum):
    ALL = "all"
    STATES = "states"
    LANGUAGE = "language"


class Announcement(Base):
    __tablename__ = "announcement"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    status: Mapped[AnnouncementStatus] = mapped_column(
        _enum(AnnouncementStatus, "announcement_status"), default=AnnouncementStatus.DRAFT
    )
    text_ar: Mapped[str | None] = mapped_column(Text)
    text_en: Mapped[str | None] = mapped_column(Text)
    media_kind: Mapped[str | None] = mapped_column(String(16))  # photo | document
    media_file_id: Mapped[str | None] = mapped_column(String(255))
    media_name: Mapped[str | None] = mapped_column(String(255))
    audience: Mapped[Audience] = mapped_column(_enum(Audience, "audience"), default=Audience.ALL)
    audience_states: Mapped[list] = mapped_column(JSON, default=list)
    audience_locale: Mapped[str | None] = mapped_column(String(8))
    scheduled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    queued_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    recipients: Mapped[int] = mapped_column(Integer, default=0)


class FormKind(enum.StrEnum):
    SURVEY = "survey"  # one answer per member state
    PRACTICE = "practice"  # as many records per state as it has


class FormStatus(enum.StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"


class Form(Base):
    """A questionnaire loaded from an XLSForm; `definition` is its normalized question list."""

    __tablename__ = "form"
    __table_args__ = (UniqueConstraint("key", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(64))
    version: Mapped[str] = mapped_column(String(32))
    kind: Mapped[FormKind] = mapped_column(_enum(FormKind, "form_kind"))
    title_ar: Mapped[str] = mapped_column(String(300))
    title_en: Mapped[str] = mapped_column(String(300))
    definition: Mapped[dict] = mapped_column(JSON)
    status: Mapped[FormStatus] = mapped_column(_enum(FormStatus, "form_status"),
                                               default=FormStatus.DRAFT)
    opens_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    def title(self, locale: str) -> str:
        return self.title_ar if locale == "ar" else self.title_en


class SubmissionStatus(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    ACCEPTED = "accepted"
    CIRCULATED = "circulated"


class Submission(Base):
    """A member state's answer to a form: one shared draft for all its focal points."""

    __tablename__ = "submission"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    form_id: Mapped[int] = mapped_column(ForeignKey("form.id"), index=True)
    member_state_code: Mapped[str] = mapped_column(ForeignKey("member_state.code"))
    # "<form>:<state>" for surveys, so a state has one; NULL for practices (many allowed)
    single_key: Mapped[str | None] = mapped_column(String(80), unique=True)
    status: Mapped[SubmissionStatus] = mapped_column(
        _enum(SubmissionStatus, "submission_status"), default=SubmissionStatus.DRAFT)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    submitted_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    form: Mapped[Form] = relationship(lazy="joined")
    editor: Mapped[User | None] = relationship(foreign_keys=[updated_by], lazy="joined")


class Answer(Base):
    __tablename__ = "answer"
    __table_args__ = (UniqueConstraint("submission_id", "question"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id"))
    question: Mapped[str] = mapped_column(String(64))
    value: Mapped[object] = mapped_column(JSON, nullable=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)  # detects concurrent edits
    by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AnswerChange(Base):
    """Every change to a submission: who, when, what it was and what it became."""

    __tablename__ = "answer_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id"), index=True)
    action: Mapped[str] = mapped_column(String(16))  # answer | clear | submit | reopen
    question: Mapped[str | None] = mapped_column(String(64))
    previous: Mapped[object] = mapped_column(JSON, nullable=True)
    value: Mapped[object] = mapped_column(JSON, nullable=True)
    by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ActionPlan(Base):
    """An action plan of the consultative process (2024-2025, then the next one, as data)."""

    __tablename__ = "action_plan"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(32), unique=True)  # "2024-2025"
    title_ar: Mapped[str] = mapped_column(String(300))
    title_en: Mapped[str] = mapped_column(String(300))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def title(self, locale: str) -> str:
        return self.title_ar if locale == "ar" else self.title_en


class ActionItem(Base):
    """One of a plan's goals. `activities`: [{"ar", "en", "actor", "period"}], actor being
    "secretariat", "member_states" or "both" and period a year or "2024-2025"."""

    __tablename__ = "action_item"
    __table_args__ = (UniqueConstraint("plan_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("action_plan.id"))
    number: Mapped[int] = mapped_column(Integer)
    title_ar: Mapped[str] = mapped_column(String(300))
    title_en: Mapped[str] = mapped_column(String(300))
    activities: Mapped[list] = mapped_column(JSON, default=list)

    plan: Mapped[ActionPlan] = relationship(lazy="joined")

    def title(self, locale: str) -> str:
        return self.title_ar if locale == "ar" else self.title_en


class PlanEvent(Base):
    """A dated event of a plan: a day, a month or a quarter (`precision`), maybe every year."""

    __tablename__ = "plan_event"
    __table_args__ = (UniqueConstraint("plan_id", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("action_plan.id"))
    key: Mapped[str] = mapped_column(String(64))
    item_number: Mapped[int | None] = mapped_column(Integer)
    title_ar: Mapped[str] = mapped_column(String(300))
    title_en: Mapped[str] = mapped_column(String(300))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    precision: Mapped[str] = mapped_column(String(8), default="day")  # day | month | quarter
    yearly: Mapped[bool] = mapped_column(Boolean, default=False)
    place_ar: Mapped[str | None] = mapped_column(String(200))
    place_en: Mapped[str | None] = mapped_column(String(200))

    def title(self, locale: str) -> str:
        return self.title_ar if locale == "ar" else self.title_en


class DeadlineStatus(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class Deadline(Base):
    """Something member states owe by a date: a form (by key) or a plain task."""

    __tablename__ = "deadline"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("action_item.id"), index=True)
    form_key: Mapped[str | None] = mapped_column(String(64))
    task_ar: Mapped[str | None] = mapped_column(Text)
    task_en: Mapped[str | None] = mapped_column(Text)
    audience_states: Mapped[list] = mapped_column(JSON, default=list)  # empty: every state
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    offsets: Mapped[list] = mapped_column(JSON, default=list)  # days before, 0 = on the day
    overdue_every: Mapped[int] = mapped_column(Integer, default=7)  # days; 0 = no overdue ones
    overdue_max: Mapped[int] = mapped_column(Integer, default=4)
    status: Mapped[DeadlineStatus] = mapped_column(
        _enum(DeadlineStatus, "deadline_status"), default=DeadlineStatus.OPEN)
    revision: Mapped[int] = mapped_column(Integer, default=1)  # +1 when the date moves
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    item: Mapped[ActionItem] = relationship(lazy="joined")


class TaskDone(Base):
    """A member state saying a plain task (not a form) is done."""

    __tablename__ = "deadline_done"
    __table_args__ = (UniqueConstraint("deadline_id", "member_state_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    deadline_id: Mapped[int] = mapped_column(ForeignKey("deadline.id"))
    member_state_code: Mapped[str] = mapped_column(ForeignKey("member_state.code"))
    by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ReminderStatus(enum.StrEnum):
    PLANNED = "planned"
    SENT = "sent"
    SKIPPED = "skipped"


class Reminder(Base):
    """One reminder slot of a deadline for one state; planned when the deadline is set.

    Unique per (deadline, revision, state, days): whatever restarts happen, a slot is sent at
    most once; moving the date starts a new revision. days > 0: days before, 0: on the day,
    < 0: days overdue.
    """

    __tablename__ = "reminder"
    __table_args__ = (
        UniqueConstraint("deadline_id", "revision", "member_state_code", "days"),
        Index("ix_reminder_due", "status", "send_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    deadline_id: Mapped[int] = mapped_column(ForeignKey("deadline.id"))
    revision: Mapped[int] = mapped_column(Integer)
    member_state_code: Mapped[str] = mapped_column(ForeignKey("member_state.code"))
    days: Mapped[int] = mapped_column(Integer)
    send_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[ReminderStatus] = mapped_column(
        _enum(ReminderStatus, "reminder_status"), default=ReminderStatus.PLANNED)
    reason: Mapped[str | None] = mapped_column(String(16))  # why skipped
    recipients: Mapped[int] = mapped_column(Integer, default=0)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
