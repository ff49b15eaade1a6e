from datetime import datetime

from aiogram_dialog import DialogManager

from services import member_states
from services.timezones import local

USES = ("1", "5", "20")
DAYS = ("7", "14", "30")


async def states_getter(dialog_manager: DialogManager, session, l10n, **_) -> dict:
    states = await member_states.list_states(session, l10n.locale)
    return {"states": [(s.code, s.name(l10n.locale)) for s in states]}


async def options_getter(dialog_manager: DialogManager, l10n, **_) -> dict:
    return {
        "target": dialog_manager.dialog_data["target"],
        "uses_options": [(n, l10n.plain("invite-uses", count=int(n))) for n in USES],
        "days_options": [(n, l10n.plain("invite-days", count=int(n))) for n in DAYS],
    }


async def created_getter(dialog_manager: DialogManager, user, **_) -> dict:
    created = dialog_manager.dialog_data["created"]
    expires = local(datetime.fromisoformat(created["expires_at"]), user)
    return {**created, "target": dialog_manager.dialog_data["target"], "expires": expires,
            "uses": int(created["uses"])}
