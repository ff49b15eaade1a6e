"""Announcements from the secretariat: drafts, audience, sending now or later."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services import audit, clock, outbox
from services.errors import NotFound, ServiceError
from services.permissions import Action, require
from storage.models import (
    Announcement,
    AnnouncementStatus,
    Audience,
    Role,
    User,
    UserStatus,
)

KIND = "announcement"
MEDIA_KINDS = ("photo", "document")
LOCALES = ("ar", "en")


class NoText(ServiceError):
    reason = "no-text"


class NoRecipients(ServiceError):
    reason = "no-recipients"


class AlreadySent(ServiceError):
    reason = "already-sent"


class NotInFuture(ServiceError):
    reason = "not-in-future"


@dataclass(frozen=True)
class Queued:
    announcement: Announcement
    recipients: int


async def create_draft(session: AsyncSession, actor: User) -> Announcement:
    require(actor, Action.ANNOUNCE)
    draft = Announcement(created_by=actor.id, created_at=clock.now(),
                         status=AnnouncementStatus.DRAFT, audience=Audience.ALL,
                         audience_states=[])
    session.add(draft)
    await session.flush()
    return draft


async def get_for_secretariat(session: AsyncSession, actor: User, ann_id: int) -> Announcement:
    require(actor, Action.ANNOUNCE)
    announcement = await session.get(Announcement, ann_id)
    if announcement is None:
        raise NotFound("announcement", id=ann_id)
    return announcement


async def get_draft(session: AsyncSession, actor: User, ann_id: int) -> Announcement:
    announcement = await get_for_secretariat(session, actor, ann_id)
    if announcement.status != AnnouncementStatus.DRAFT:
        raise AlreadySent()
    return announcement


def payload_for(announcement: Announcement, locale: str) -> dict:
    """The message a reader of `locale` gets: their version, else the only one there is."""
    texts = {"ar": announcement.text_ar, "en": announcement.text_en}
    text = texts.get(locale) or next((t for t in texts.values() if t), None)
    if announcement.media_kind:
        return {announcement.media_kind: announcement.media_file_id, "caption": text or ""}
    return {"text": text or ""}


def check(announcement: Announcement) -> None:
    """Raises if any version could not be sent as it is (no text, over Telegram's limits)."""
    if not (announcement.text_ar or announcement.text_en):
        raise NoText()
    for locale in LOCALES:
        outbox.check_payload(payload_for(announcement, locale))


async def set_text(session: AsyncSession, actor: User, ann_id: int, locale: str,
                   html: str | None) -> Announcement:
    """Set (or with None remove) one language's version; refused if too long to send."""
    announcement = await get_draft(session, actor, ann_id)
    if locale not in LOCALES:
        raise ValueError(locale)
    previous = getattr(announcement, f"text_{locale}")
    setattr(announcement, f"text_{locale}", html or None)
    try:
        if html:
            outbox.check_payload(payload_for(announcement, locale))
    except ServiceError:
        setattr(announcement, f"text_{locale}", previous)
        raise
    await session.flush()
    return announcement


async def set_media(session: AsyncSession, actor: User, ann_id: int, kind: str | None,
                    file_id: str | None = None, name: str | None = None) -> Announcement:
    """Attach a photo or document (None removes it); texts must then fit in a caption."""
    announcement = await get_draft(session, actor, ann_id)
    if kind is not None and kind not in MEDIA_KINDS:
        raise ValueError(kind)
    previous = (announcement.media_kind, announcement.media_file_id, announcement.media_name)
    announcement.media_kind, announcement.media_file_id, announcement.media_name = (
        kind, file_id, name)
    try:
        for locale in LOCALES:
            if announcement.text_ar or announcement.text_en:
                outbox.check_payload(payload_for(announcement, locale))
    except ServiceError:
        (announcement.media_kind, announcement.media_file_id,
         announcement.media_name) = previous
        raise
    await session.flush()
    return announcement


async def set_audience(session: AsyncSession, actor: User, ann_id: int, audience: Audience,
                       states: list[str] | None = None, locale: str | None = None) -> int:
    """Choose who receives it; returns how many focal points that is now."""
    announcement = await get_draft(session, actor, ann_id)
    announcement.audience = audience
    announcement.audience_states = sorted(states or []) if audience == Audience.STATES else []
    announcement.audience_locale = locale if audience == Audience.LANGUAGE else None
    await session.flush()
    return len(await recipients(session, announcement))


def reaches(announcement: Announcement, user: User) -> bool:
    """Whether a focal point is in an announcement's audience (the one place of this rule)."""
    if user.role != Role.FOCAL_POINT or user.status != UserStatus.ACTIVE:
        return False
    if announcement.audience == Audience.STATES:
        return user.member_state_code in announcement.audience_states
    if announcement.audience == Audience.LANGUAGE:
        return user.locale == announcement.audience_locale
    return True


async def recipients(session: AsyncSession, announcement: Announcement) -> list[User]:
    users = await session.scalars(select(User).where(
        User.role == Role.FOCAL_POINT, User.status == UserStatus.ACTIVE))
    return [user for user in users if reaches(announcement, user)]


async def send_now(session: AsyncSession, actor: User, ann_id: int) -> Queued:
    """Queue a draft for every recipient, once: a second press finds it already sent."""
    announcement = await get_for_secretariat(session, actor, ann_id)
    queued = await _queue(session, announcement, from_status=AnnouncementStatus.DRAFT)
    await audit.record(session, "announcement.send", "announcement", ann_id, actor_id=actor.id,
                       recipients=queued.recipients)
    return queued


async def schedule(session: AsyncSession, actor: User, ann_id: int,
                   when: datetime) -> Announcement:
    announcement = await get_draft(session, actor, ann_id)
    check(announcement)
    if when <= clock.now():
        raise NotInFuture()
    if not await recipients(session, announcement):
        raise NoRecipients()
    announcement.status = AnnouncementStatus.SCHEDULED
    announcement.scheduled_at = when
    await session.flush()
    await audit.record(session, "announcement.schedule", "announcement", ann_id,
                       actor_id=actor.id, at=when.isoformat())
    return announcement


async def cancel(session: AsyncSession, actor: User, ann_id: int) -> Announcement:
    """Withdraw a scheduled announcement (or discard a draft) before it is sent."""
    announcement = await get_for_secretariat(session, actor, ann_id)
    changed = await _move(session, ann_id, (AnnouncementStatus.SCHEDULED,
                                            AnnouncementStatus.DRAFT),
                          AnnouncementStatus.CANCELLED)
    if not changed:
        raise AlreadySent()
    await session.refresh(announcement)
    await audit.record(session, "announcement.cancel", "announcement", ann_id, actor_id=actor.id)
    return announcement


async def fire_scheduled(session: AsyncSession, ann_id: int) -> Queued | None:
    """The scheduler's part: queue a scheduled announcement; None if cancelled or sent."""
    announcement = await session.get(Announcement, ann_id)
    if announcement is None or announcement.status != AnnouncementStatus.SCHEDULED:
        return None
    try:
        return await _queue(session, announcement, from_status=AnnouncementStatus.SCHEDULED)
    except AlreadySent:
        return None
    except NoRecipients:
        # nobody to send it to now: back to a draft, never sent later on its own
        announcement.status, announcement.scheduled_at = AnnouncementStatus.DRAFT, None
        await session.flush()
        await audit.record(session, "announcement.unsent", "announcement", ann_id,
                           reason="no-recipients")
        return None


async def due_schedules(session: AsyncSession) -> list[Announcement]:
    """Scheduled announcements, so the scheduler can be told of any it does not know."""
    return list(await session.scalars(select(Announcement).where(
        Announcement.status == AnnouncementStatus.SCHEDULED)))


async def _queue(session: AsyncSession, announcement: Announcement,
                 from_status: AnnouncementStatus) -> Queued:
    check(announcement)
    people = await recipients(session, announcement)
    if not people:
        raise NoRecipients()
    # compare-and-set: of two presses (or a press and the scheduler) only one gets here
    if not await _move(session, announcement.id, (from_status,), AnnouncementStatus.QUEUED):
        raise AlreadySent()
    await session.refresh(announcement)
    announcement.queued_at = clock.now()
    announcement.recipients = len(people)
    items = [outbox.Outgoing(user.id, user.telegram_id, payload_for(announcement, user.locale))
             for user in people]
    await outbox.enqueue(session, KIND, str(announcement.id), items)
    await session.flush()
    return Queued(announcement, len(people))


async def _move(session: AsyncSession, ann_id: int, from_statuses: tuple,
                to_status: AnnouncementStatus) -> bool:
    result = await session.execute(
        update(Announcement)
        .where(Announcement.id == ann_id, Announcement.status.in_(from_statuses))
        .values(status=to_status)
        .execution_options(synchronize_session=False))
    return result.rowcount == 1


async def recent(session: AsyncSession, actor: User, limit: int = 20) -> list[Announcement]:
    """The secretariat's latest announcements, drafts with text included, newest first."""
    require(actor, Action.ANNOUNCE)
    rows = await session.scalars(
        select(Announcement)
        .where(Announcement.status != AnnouncementStatus.CANCELLED)
        .where((Announcement.text_ar.is_not(None)) | (Announcement.text_en.is_not(None)))
        .order_by(Announcement.id.desc()).limit(limit))
    return list(rows)


async def latest_for(session: AsyncSession, reader: User, limit: int = 10) -> list[Announcement]:
    """The last announcements sent to a focal point's audience, newest first."""
    require(reader, Action.READ_ANNOUNCEMENTS)
    rows = await session.scalars(
        select(Announcement)
        .where(Announcement.status == AnnouncementStatus.QUEUED)
        .order_by(Announcement.queued_at.desc()).limit(200))
    return [a for a in rows if reaches(a, reader)][:limit]


async def read(session: AsyncSession, reader: User, ann_id: int) -> Announcement:
    """One sent announcement, if it was meant for this focal point."""
    require(reader, Action.READ_ANNOUNCEMENTS)
    announcement = await session.get(Announcement, ann_id)
    if (announcement is None or announcement.status != AnnouncementStatus.QUEUED
            or not reaches(announcement, reader)):
        raise NotFound("announcement", id=ann_id)
    return announcement
