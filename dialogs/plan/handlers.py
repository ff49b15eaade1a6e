from dataclasses import asdict

from aiogram.types import CallbackQuery, Document, Message
from aiogram_dialog import DialogManager, ShowMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Select

from dialogs.plan.getters import problem_lines
from dialogs.states import PlanImportSG, PlanSG
from services import action_plan
from services.action_plan import FILE_LIMIT, PlanData, PlanFileError
from services.errors import NotFound

JSON_TYPES = ("application/json", "text/json")


async def on_item(callback: CallbackQuery, widget: Select, manager: DialogManager,
                  item_id: str) -> None:
    data = manager.middleware_data
    try:
        item = await action_plan.get_item(data["session"], int(item_id))
    except (ValueError, NotFound):
        await callback.answer(data["l10n"].plain("error-stale"), show_alert=True)
        return
    manager.dialog_data.update(item_id=item.id, page=0)
    await manager.switch_to(PlanSG.item)


async def on_page(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    step = 1 if button.widget_id == "pnext" else -1
    manager.dialog_data["page"] = max(0, manager.dialog_data.get("page", 0) + step)


def _refusal(message: Message) -> str | None:
    """Why a message cannot be a plan file, if it cannot."""
    if message.photo:
        return "photo"
    document: Document | None = message.document
    if document is None:
        return "not-document"
    if not ((document.file_name or "").lower().endswith(".json")
            or document.mime_type in JSON_TYPES):
        return "not-json"
    if (document.file_size or 0) > FILE_LIMIT:
        return "too-big"
    return None


async def _read(file_id: str, manager: DialogManager) -> PlanData:
    content = await manager.middleware_data["bot"].download(file_id)
    return action_plan.parse_plan(content.read())


async def on_upload(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    data = manager.middleware_data
    l10n = data["l10n"]
    manager.show_mode = ShowMode.SEND  # the answer below the file, then this screen again
    reason = _refusal(message)
    if reason:
        await message.answer(l10n("plan-upload-refused", reason=reason))
        return
    try:
        plan = await _read(message.document.file_id, manager)
    except PlanFileError as error:
        await message.answer(l10n("plan-upload-problems", count=len(error.problems),
                                  problems=problem_lines(l10n, error.problems)))
        return
    changes = await action_plan.preview(data["session"], plan, data["user"])
    manager.dialog_data.update(file_id=message.document.file_id, summary={
        "key": plan.key, "title_ar": plan.title.ar, "title_en": plan.title.en,
        "starts_on": plan.starts_on.isoformat(), "ends_on": plan.ends_on.isoformat(),
        "items": len(plan.items), "activities": plan.activity_count,
        "events": len(plan.events), "changes": asdict(changes), "same": not changes.changed,
    })
    await manager.switch_to(PlanImportSG.preview)


async def on_confirm(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    data = manager.middleware_data
    l10n = data["l10n"]
    await callback.answer()
    manager.show_mode = ShowMode.SEND
    try:
        plan = await _read(manager.dialog_data["file_id"], manager)
    except PlanFileError:
        await callback.message.answer(l10n("plan-import-failed"))
        await manager.switch_to(PlanImportSG.upload)
        return
    result = await action_plan.import_plan(data["session"], plan, data["user"])
    await callback.message.answer(l10n("plan-imported", title=result.plan.title(l10n.locale)))
    await manager.done()
