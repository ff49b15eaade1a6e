from aiogram_dialog import DialogManager

from dialogs.formatting import zone_name
from services import announcements, member_states
from services.timezones import local
from storage.models import Audience


async def draft_getter(dialog_manager: DialogManager, session, user, l10n, **_) -> dict:
    draft = await announcements.get_for_secretariat(
        session, user, dialog_manager.dialog_data["ann_id"])
    audience = str(draft.audience)
    if draft.audience == Audience.LANGUAGE:
        audience = f"language-{draft.audience_locale}"
    versions = {(True, True): "both", (True, False): "ar", (False, True): "en"}.get(
        (bool(draft.text_ar), bool(draft.text_en)), "none")
    return {
        "versions": versions,
        "has_ar": bool(draft.text_ar), "has_en": bool(draft.text_en),
        "has_media": bool(draft.media_kind), "media_name": draft.media_name or "",
        "media_kind": draft.media_kind or "none",
        "audience": audience, "state_count": len(draft.audience_states),
        "recipients": dialog_manager.dialog_data.get("recipients", 0),
        "when": local(draft.scheduled_at, user) if draft.scheduled_at else "",
        "zone": zone_name(user, l10n.locale),
        "sent": "yes" if dialog_manager.dialog_data.get("sent") else "no",
    }


async def states_getter(dialog_manager: DialogManager, session, l10n, **_) -> dict:
    states = await member_states.list_states(session, l10n.locale)
    return {"states": [(s.code, s.name(l10n.locale)) for s in states]}


HOURS = [f"{hour:02d}:00" for hour in range(8, 21)]


async def hours_getter(dialog_manager: DialogManager, l10n, user, **_) -> dict:
    return {"hours": [(h.replace(":", ""), h) for h in HOURS],
            "date": dialog_manager.dialog_data.get("date", ""),
            "zone": zone_name(user, l10n.locale)}
