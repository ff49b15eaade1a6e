from aiogram_dialog import DialogManager

from services import registration
from services.errors import InviteRefused


async def welcome_getter(dialog_manager: DialogManager, locales, **_) -> dict:
    # Before a language is chosen the welcome speaks both.
    return {"welcome": "\n\n".join(locales.get(lang)("onboarding-welcome")
                                   for lang in ("ar", "en"))}


async def confirm_getter(dialog_manager: DialogManager, session, user, l10n, **_) -> dict:
    token = dialog_manager.start_data["token"]
    try:
        invite = await registration.check_invite(session, token, user)
    except InviteRefused as refusal:
        return {"valid": False, "reason": refusal.reason}
    state = invite.member_state.name(l10n.locale) if invite.member_state else ""
    return {"valid": True, "reason": "", "role": str(invite.role), "state": state}


async def refused_getter(dialog_manager: DialogManager, **_) -> dict:
    return {"reason": dialog_manager.dialog_data.get("reason", "unknown")}
