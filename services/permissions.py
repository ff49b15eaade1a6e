"""Who may do what: the one place a role or status is checked."""

import enum

from services.errors import NotAllowed
from storage.models import Role, User


class Action(enum.StrEnum):
    USE_MENU = "use-menu"
    INVITE = "invite"
    MANAGE_USERS = "manage-users"
    ANNOUNCE = "announce"
    READ_ANNOUNCEMENTS = "read-announcements"
    ANSWER_FORMS = "answer-forms"
    MANAGE_FORMS = "manage-forms"
    READ_PLAN = "read-plan"
    IMPORT_PLAN = "import-plan"
    MANAGE_DEADLINES = "manage-deadlines"
    REVIEW_PRACTICES = "review-practices"
    READ_PRACTICES = "read-practices"


RULES: dict[Action, frozenset[Role]] = {
    Action.USE_MENU: frozenset({Role.FOCAL_POINT, Role.SECRETARIAT}),
    Action.INVITE: frozenset({Role.SECRETARIAT}),
    Action.MANAGE_USERS: frozenset({Role.SECRETARIAT}),
    Action.ANNOUNCE: frozenset({Role.SECRETARIAT}),
    Action.READ_ANNOUNCEMENTS: frozenset({Role.FOCAL_POINT}),
    Action.ANSWER_FORMS: frozenset({Role.FOCAL_POINT}),
    Action.MANAGE_FORMS: frozenset({Role.SECRETARIAT}),
    Action.READ_PLAN: frozenset({Role.FOCAL_POINT, Role.SECRETARIAT}),
    Action.IMPORT_PLAN: frozenset({Role.SECRETARIAT}),
    Action.MANAGE_DEADLINES: frozenset({Role.SECRETARIAT}),
    Action.REVIEW_PRACTICES: frozenset({Role.SECRETARIAT}),
    Action.READ_PRACTICES: frozenset({Role.FOCAL_POINT, Role.SECRETARIAT}),
}


def can(user: User | None, action: Action) -> bool:
    return user is not None and user.is_active and user.role in RULES[action]


def require(user: User | None, action: Action) -> User:
    """The user, if allowed to act; NotAllowed otherwise."""
    if not can(user, action):
        raise NotAllowed(action=str(action))
    return user
