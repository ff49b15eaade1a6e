"""What people are told about practices without asking, queued in the outbox in each
reader's language."""

from dialogs.formatting import clip
from dialogs.practices.display import choice_label
from services import outbox, practices, registration
from storage.models import MemberState

KIND = "practice"
DIGEST_LIMIT = 12  # practices listed in one digest (under 4096 characters); the rest counted


async def _state_name(session, code: str, locale: str) -> str:
    state = await session.get(MemberState, code)
    return state.name(locale) if state else code


def _ref(practice: practices.Practice, step: str) -> str:
    # each step of a practice is told once per person, a resubmission being a new step
    return f"{practice.id}:{step}:{practice.submission.updated_at.timestamp():.6f}"


async def practice_submitted(data: dict, practice: practices.Practice) -> None:
    """Tell every active secretariat member a state has (re)submitted a practice."""
    session, locales = data["session"], data["locales"]
    resubmitted = practice.comment is not None  # it was returned once at least
    items = []
    for member in await registration.secretariat_members(session):
        tr = locales.get(member.locale)
        text = tr("practices-notice-submitted", state=await _state_name(
            session, practice.state_code, member.locale), title=clip(practice.title, 200),
            again="yes" if resubmitted else "no")
        items.append(outbox.Outgoing(member.id, member.telegram_id, {"text": text}))
    await outbox.enqueue(session, KIND, _ref(practice, "submit"), items)


async def practice_decided(data: dict, practice: practices.Practice) -> None:
    """Tell the state's focal points their practice was accepted or returned (with the
    comment)."""
    session, locales = data["session"], data["locales"]
    decision = str(practice.status)
    items = []
    for person in await practices.focal_points(session, practice.state_code):
        tr = locales.get(person.locale)
        text = tr("practices-notice-decided", decision=decision,
                  title=clip(practice.title, 200), comment=practice.comment or "")
        items.append(outbox.Outgoing(person.id, person.telegram_id, {"text": text}))
    await outbox.enqueue(session, KIND, _ref(practice, decision), items)


async def circulation_digest(data: dict, circulation: practices.Circulation) -> int:
    """Queue, for every focal point of another state, the circulated practices in their
    language; how many people."""
    session, locales = data["session"], data["locales"]
    items = []
    for person, theirs in circulation.recipients:
        tr = locales.get(person.locale)
        lines = []
        for practice in theirs[:DIGEST_LIMIT]:
            lines.append(tr("practices-digest-line",
                            state=await _state_name(session, practice.state_code, person.locale),
                            title=clip(practice.title, 120),
                            kind=clip(choice_label(practice, practices.COORDINATION_QUESTION,
                                                   person.locale), 80)))
        more = len(theirs) - DIGEST_LIMIT
        # the lines are rendered (and escaped) already, so they are joined here
        text = "\n\n".join([tr("practices-digest-head", count=len(theirs)), "\n".join(lines),
                             *([tr("practices-digest-more", count=more)] if more > 0 else []),
                             tr("practices-digest-foot")])
        items.append(outbox.Outgoing(person.id, person.telegram_id, {"text": text}))
    await outbox.enqueue(session, KIND, circulation.ref, items)
    return len(items)
