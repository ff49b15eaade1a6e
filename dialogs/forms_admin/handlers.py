from datetime import date, datetime, time

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Select

from dialogs.forms_admin.reports import send_export, send_outline, send_summaries
from dialogs.states import FormsAdminSG
from dialogs.survey.callbacks import alert
from services import form_catalog
from services.errors import NotFound, ServiceError
from services.forms.errors import FormError, Problem
from services.forms.xlsform import load_xlsform_bytes
from services.timezones import user_timezone
from storage.models import FormKind

UPLOAD_LIMIT = 2 * 1024 * 1024


async def on_pick(callback: CallbackQuery, widget: Select, manager: DialogManager,
                  item_id: str) -> None:
    data = manager.middleware_data
    try:
        form = await form_catalog.get_form(data["session"], data["user"], int(item_id))
    except (ValueError, NotFound):
        await alert(callback, manager, data["l10n"].plain("error-stale"))
        return
    manager.dialog_data["form_id"] = form.id
    manager.dialog_data.pop("closing", None)
    await manager.switch_to(FormsAdminSG.detail)


async def on_upload(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    data = manager.middleware_data
    l10n, bot = data["l10n"], data["bot"]
    manager.show_mode = ShowMode.SEND
    document = message.document
    if document is None or not (document.file_name or "").lower().endswith(".xlsx"):
        await message.answer(l10n("forms-upload-refused", reason="not-xlsx"))
        return
    if (document.file_size or 0) > UPLOAD_LIMIT:
        await message.answer(l10n("forms-upload-refused", reason="too-big"))
        return
    content = (await bot.download(document.file_id)).read()
    try:
        defn = load_xlsform_bytes(content, document.file_name)
    except FormError as error:
        problems = "\n".join(problem_line(l10n, p) for p in error.problems[:15])
        await message.answer(l10n("forms-upload-problems", count=len(error.problems),
                                  problems=problems))
        return
    try:
        form, new = await form_catalog.register(data["session"], defn, data["user"])
    except form_catalog.VersionUnchanged as refusal:
        await message.answer(l10n("forms-version-unchanged", key=str(refusal.details["key"]),
                                  version=str(refusal.details["version"])))
        return
    manager.dialog_data["form_id"] = form.id
    await message.answer(l10n("forms-uploaded" if new else "forms-upload-known",
                              title=form.title(l10n.locale), version=form.version))
    await manager.switch_to(FormsAdminSG.detail)


PROBLEM_DETAILS = ("type", "reference", "value", "lacking", "message", "error", "file",
                   "first", "char", "token", "function", "fewest", "most", "got", "step",
                   "why", "limit")


def problem_line(l10n, problem: Problem) -> str:
    """One problem of a refused form in the reader's language (plain: escaped by the caller)."""
    details = dict.fromkeys(PROBLEM_DETAILS, "") | {
        key: value if isinstance(value, int) else str(value)
        for key, value in problem.details.items() if key in PROBLEM_DETAILS}
    place = "row" if problem.row else "name" if problem.name else "file"
    return l10n.plain("forms-problem", place=place, row=str(problem.row or ""),
                      name=problem.name, column=problem.column or "none", code=problem.code,
                      at="none" if problem.position is None else str(problem.position + 1),
                      **details)


async def on_close_date(callback: CallbackQuery, widget, manager: DialogManager,
                        chosen: date) -> None:
    data = manager.middleware_data
    # open until the end of the chosen day, Cairo time
    closes = datetime.combine(chosen, time(23, 59), tzinfo=user_timezone(data["user"]))
    try:
        others = await form_catalog.other_open_versions(data["session"], data["user"],
                                                        manager.dialog_data["form_id"])
        await form_catalog.open_form(data["session"], data["user"],
                                     manager.dialog_data["form_id"], closes)
    except ServiceError as refusal:
        await alert(callback, manager, data["l10n"].plain("forms-refused", reason=refusal.reason))
        return
    if others:  # one version open at a time: the earlier one was closed
        await callback.message.answer(data["l10n"](
            "forms-replaced", versions=", ".join(other.version for other in others),
            count=len(others)))
        manager.show_mode = ShowMode.SEND
    await manager.switch_to(FormsAdminSG.detail)


async def on_close_ask(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    manager.dialog_data["closing"] = True


async def on_close_cancel(callback: CallbackQuery, button: Button,
                          manager: DialogManager) -> None:
    manager.dialog_data.pop("closing", None)


async def on_close_now(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    data = manager.middleware_data
    if not manager.dialog_data.pop("closing", False):  # only once asked and confirmed
        await alert(callback, manager, data["l10n"].plain("error-stale"))
        return
    await form_catalog.close_form(data["session"], data["user"], manager.dialog_data["form_id"])
    await alert(callback, manager, data["l10n"].plain("forms-closed"), show_alert=False)


async def on_reopen_practice(callback: CallbackQuery, button: Button,
                             manager: DialogManager) -> None:
    """The practice form takes practices all year: opened again with no closing date."""
    data = manager.middleware_data
    form = await form_catalog.get_form(data["session"], data["user"],
                                       manager.dialog_data["form_id"])
    if form.kind != FormKind.PRACTICE:  # a survey is opened until a day, from the calendar
        await alert(callback, manager, data["l10n"].plain("error-stale"))
        return
    await form_catalog.open_form(data["session"], data["user"], form.id, None)


async def on_summaries(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await alert(callback, manager, show_alert=False)
    await send_summaries(manager.middleware_data, manager.dialog_data["form_id"],
                         callback.message.chat.id)
    manager.show_mode = ShowMode.SEND


async def on_outline(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await alert(callback, manager, show_alert=False)
    await send_outline(manager.middleware_data, manager.dialog_data["form_id"],
                       callback.message.chat.id)
    manager.show_mode = ShowMode.SEND


async def on_export(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await alert(callback, manager, show_alert=False)
    await send_export(manager.middleware_data, manager.dialog_data["form_id"],
                      callback.message.chat.id, "xlsx" if button.widget_id == "xlsx" else "csv")
    manager.show_mode = ShowMode.SEND


async def on_refresh(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await alert(callback, manager, manager.middleware_data["l10n"].plain("announce-refreshed"),
                show_alert=False)
