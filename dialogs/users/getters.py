from aiogram_dialog import DialogManager

from services import registration
from services.timezones import local
from storage.models import User, UserStatus


def label(user: User, l10n) -> str:
    where = user.member_state.name(l10n.locale) if user.member_state else l10n.plain(
        "role-label", role=str(user.role))
    mark = "⛔ " if user.status == UserStatus.SUSPENDED else (
        "🚫 " if user.unreachable_since else "")
    return f"{mark}{user.full_name} · {where}"


async def users_getter(dialog_manager: DialogManager, session, user, l10n, **_) -> dict:
    users = await registration.list_users(session, user, None)
    return {"users": [(str(u.id), label(u, l10n)) for u in users], "count": len(users)}


async def detail_getter(dialog_manager: DialogManager, session, user, l10n, **_) -> dict:
    shown = await registration.get_user(session, user, dialog_manager.dialog_data["user_id"])
    return {
        "name": shown.full_name,
        "username": f"@{shown.username}" if shown.username else "—",
        "role": str(shown.role),
        "state": shown.member_state.name(l10n.locale) if shown.member_state else "—",
        "status": str(shown.status),
        "joined": local(shown.created_at, user),
        "unreachable": "yes" if shown.unreachable_since else "no",
        "unreachable_since": local(shown.unreachable_since or shown.created_at, user),
        "can_suspend": shown.status == UserStatus.ACTIVE and shown.id != user.id,
        "can_reinstate": shown.status == UserStatus.SUSPENDED,
    }
