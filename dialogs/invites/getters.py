from datetime import datetime

from aiogram_dialog import DialogManager

from dialogs.formatting import zone_name
from services import member_states
from services.timezones import local

USES = ("1", "5", "20")


def day_options(default_days: int) -> list[str]:
    """The usual choices, plus the configured default when it is another number."""
    return [str(n) for n in sorted({7, 14, 30, default_days})]


async def states_getter(dialog_manager: DialogManager, session, l10n, **_) -> dict:
    states = await member_states.list_states(session, l10n.locale)
    return {"states": [(s.code, s.name(l10n.locale)) for s in states]}


async def options_getter(dialog_manager: DialogManager, l10n, settings, **_) -> dict:
    return {
        "target": dialog_manager.dialog_data["target"],
        "uses_options": [(n, l10n.plain("invite-uses", count=int(n))) for n in USES],
        "days_options": [(n, l10n.plain("invite-days", count=int(n)))
                         for n in day_options(settings.invite_ttl_days)],
    }


async def created_getter(dialog_manager: DialogManager, user, l10n, **_) -> dict:
    created = dialog_manager.dialog_data["created"]
    expires = local(datetime.fromisoformat(created["expires_at"]), user)
    return {**created, "target": dialog_manager.dialog_data["target"], "expires": expires,
            "uses": int(created["uses"]), "zone": zone_name(user, l10n.locale)}
