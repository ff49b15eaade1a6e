from aiogram_dialog import DialogManager

from services.permissions import Action, can


async def menu_getter(dialog_manager: DialogManager, user, l10n, settings, **_) -> dict:
    state = user.member_state.name(l10n.locale) if user.member_state else ""
    return {
        "name": user.full_name,
        "state": state,
        "role": str(user.role),
        "reminder_hour": f"{settings.reminder_hour:02d}:00",
        "is_secretariat": can(user, Action.MANAGE_USERS),
        "can_invite": can(user, Action.INVITE),
        "can_announce": can(user, Action.ANNOUNCE),
        "can_read": can(user, Action.READ_ANNOUNCEMENTS),
        "can_answer": can(user, Action.ANSWER_FORMS),
        "can_manage_forms": can(user, Action.MANAGE_FORMS),
        "can_read_plan": can(user, Action.READ_PLAN),
        "can_manage_deadlines": can(user, Action.MANAGE_DEADLINES),
        "can_review_practices": can(user, Action.REVIEW_PRACTICES),
    }
