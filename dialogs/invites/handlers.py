from urllib.parse import quote

from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Button, Select

from dialogs.invites.getters import USES
from dialogs.states import InviteSG
from services import member_states, registration
from services.errors import NotFound
from storage.models import Role

USES_ID, DAYS_ID = "uses", "days"


async def on_start(start_data: object, manager: DialogManager) -> None:
    settings = manager.middleware_data["settings"]
    await manager.find(USES_ID).set_checked(USES[0])
    await manager.find(DAYS_ID).set_checked(str(settings.invite_ttl_days))


async def on_state(callback: CallbackQuery, widget: Select, manager: DialogManager,
                   item_id: str) -> None:
    data = manager.middleware_data
    state = await member_states.get_state(data["session"], item_id)
    if state is None:  # callback data is the user's to forge
        return await callback.answer(data["l10n"].plain("error-stale"), show_alert=True)
    manager.dialog_data.update(role=str(Role.FOCAL_POINT), state=state.code,
                               target=state.name(data["l10n"].locale))
    await manager.switch_to(InviteSG.options)


async def on_secretariat(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    l10n = manager.middleware_data["l10n"]
    manager.dialog_data.update(role=str(Role.SECRETARIAT), state=None,
                               target=l10n.plain("invite-secretariat-target"))
    await manager.switch_to(InviteSG.options)


async def on_create(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    data = manager.middleware_data
    uses = manager.find(USES_ID).get_checked() or USES[0]
    days = manager.find(DAYS_ID).get_checked() or str(data["settings"].invite_ttl_days)
    try:
        created = await registration.create_invite(
            data["session"], actor=data["user"], role=Role(manager.dialog_data["role"]),
            state_code=manager.dialog_data["state"], ttl_days=int(days), max_uses=int(uses))
    except (NotFound, ValueError):
        return await callback.answer(data["l10n"].plain("error-stale"), show_alert=True)
    username = await bot_username(data)
    link = created.link(username)
    manager.dialog_data["created"] = {
        "link": link, "share_url": f"https://t.me/share/url?url={quote(link, safe='')}",
        "expires_at": created.invite.expires_at.isoformat(), "uses": uses,
    }
    await manager.switch_to(InviteSG.created)


async def on_leave_created(callback: CallbackQuery, button: Button,
                           manager: DialogManager) -> None:
    # The link's token is shown once and not kept in the dialog's saved state.
    manager.dialog_data.pop("created", None)


async def bot_username(data: dict) -> str:
    settings = data["settings"]
    if settings.bot_username:
        return settings.bot_username
    return (await data["bot"].me()).username
