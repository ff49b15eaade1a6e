from aiogram.types import BufferedInputFile, CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Select

from dialogs.forms_admin.reports import export_words
from dialogs.practices import notices
from dialogs.states import PracticeReviewSG, PracticesSG, SharedPracticesSG, SurveySG
from services import form_reports, member_states, practice_documents, practices
from services.errors import ServiceError

# widget ids (short: they travel in every button's callback data)
OWN_ID = "p"
REVIEW_ID = "r"
SHARED_ID = "s"
STATES_ID = "st"
KINDS_ID = "ct"
OBJECTIVES_ID = "ob"


def _data(manager: DialogManager):
    data = manager.middleware_data
    return data["session"], data["user"], data["l10n"]


async def _refuse(callback: CallbackQuery, manager: DialogManager, refusal) -> None:
    _, _, l10n = _data(manager)
    reason = getattr(refusal, "reason", "not-found")
    await callback.answer(l10n.plain("practices-refused", reason=reason), show_alert=True)


async def _stale(callback: CallbackQuery, manager: DialogManager) -> None:
    _, _, l10n = _data(manager)
    await callback.answer(l10n.plain("error-stale"), show_alert=True)


def _practice_id(item_id: str) -> int | None:
    return int(item_id) if item_id.isascii() and item_id.isdigit() else None


# -- a focal point's own state's practices -------------------------------------------------------
def _pick(read, then):
    """A practice picked in a list: read through the rule that says who may see it (a forged
    id of another state's practice, or one not cleared for circulation, is refused there),
    then its screen."""
    async def on_pick(callback: CallbackQuery, widget: Select, manager: DialogManager,
                      item_id: str) -> None:
        session, user, _ = _data(manager)
        try:
            practice = await read(session, user, _practice_id(item_id) or 0)
        except ServiceError as refusal:
            await _refuse(callback, manager, refusal)
            return
        manager.dialog_data["practice_id"] = practice.id
        await manager.switch_to(then)

    return on_pick


on_own_pick = _pick(practices.own_practice, PracticesSG.detail)


async def on_new(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    session, user, _ = _data(manager)
    try:
        submission = await practices.create(session, user)
    except ServiceError as refusal:
        await _refuse(callback, manager, refusal)
        return
    manager.dialog_data["practice_id"] = submission.id
    await manager.switch_to(PracticesSG.detail)  # where the person comes back to
    await manager.start(SurveySG.list, data={"submission_id": submission.id})


async def on_open(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await manager.start(SurveySG.list, data={"submission_id": manager.dialog_data["practice_id"]})


# -- the secretariat ---------------------------------------------------------------------------
on_review_pick = _pick(practices.readable, PracticeReviewSG.detail)


async def on_accept(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    session, user, l10n = _data(manager)
    try:
        practice = await practices.accept(session, user, manager.dialog_data["practice_id"])
    except ServiceError as refusal:
        await _refuse(callback, manager, refusal)
        return
    await notices.practice_decided(manager.middleware_data, practice)
    await callback.answer(l10n.plain("practices-decided", decision="accepted"))


async def on_history(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    # the survey's history window reads these two
    manager.dialog_data["submission_id"] = manager.dialog_data["practice_id"]
    manager.dialog_data["history_page"] = 0
    await manager.switch_to(PracticeReviewSG.history)


async def on_comment(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    session, user, l10n = _data(manager)
    manager.show_mode = ShowMode.SEND
    try:
        practice = await practices.return_practice(
            session, user, manager.dialog_data["practice_id"], message.text or "")
    except practices.NoComment:
        await message.answer(l10n("practices-comment-invalid", limit=practices.COMMENT_LIMIT))
        return
    except ServiceError as refusal:
        await message.answer(l10n("practices-refused", reason=refusal.reason))
        await manager.switch_to(PracticeReviewSG.detail)
        return
    await notices.practice_decided(manager.middleware_data, practice)
    await message.answer(l10n("practices-decided", decision="returned"))
    await manager.switch_to(PracticeReviewSG.detail)


async def on_not_text(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    _, _, l10n = _data(manager)
    await message.answer(l10n("practices-comment-invalid", limit=practices.COMMENT_LIMIT))
    manager.show_mode = ShowMode.SEND


async def on_circulate(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    session, user, l10n = _data(manager)
    try:
        circulation = await practices.circulate(session, user)
    except ServiceError as refusal:
        await _refuse(callback, manager, refusal)
        return
    people = await notices.circulation_digest(manager.middleware_data, circulation)
    for practice in circulation.practices:  # and each state is told its own went out
        await notices.practice_decided(manager.middleware_data, practice)
    await callback.answer(l10n.plain("practices-circulated", count=len(circulation.practices),
                                     people=people), show_alert=True)
    await manager.switch_to(PracticeReviewSG.list)


async def on_export(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    """The practices as .xlsx (one row each) or .docx (to circulate by email)."""
    session, user, l10n = _data(manager)
    bot = manager.middleware_data["bot"]
    locale = l10n.locale
    try:
        if button.widget_id == "xlsx":
            table = await practices.export_table(session, user, locale, export_words(l10n))
            content = form_reports.export_xlsx(table, locale=locale)
            count = len(table.rows)
        else:  # to circulate: only what may go to the states; or everything, internal
            internal = button.widget_id == "docx_all"
            found = await (practices.all_practices(session, user) if internal
                           else practices.circulable(session, user))
            names = {s.code: s.name(locale) for s in
                     await member_states.list_states(session, locale)}
            content = practice_documents.practices_docx(found, names, locale,
                                                        _document_words(l10n, internal))
            count = len(found)
    except ServiceError as refusal:
        await _refuse(callback, manager, refusal)
        return
    extension = "xlsx" if button.widget_id == "xlsx" else "docx"
    internal = "yes" if button.widget_id == "docx_all" else "no"
    name = f"{l10n.plain('practices-file-name', internal=internal)}.{extension}"
    await bot.send_document(callback.from_user.id, BufferedInputFile(content, name),
                            caption=l10n("practices-export-caption", count=count))
    manager.show_mode = ShowMode.SEND


def _document_words(l10n, internal: bool) -> practice_documents.DocumentWords:
    which = "yes" if internal else "no"
    return practice_documents.DocumentWords(
        title=l10n.plain("practices-doc-title", internal=which),
        state=l10n.plain("practices-doc-state"),
        status=l10n.plain("practices-doc-status"),
        statuses={status: l10n.plain("practices-status", status=status)
                  for status in form_reports.STATUSES},
        separator=l10n.plain("forms-export-separator"),
        none=l10n.plain("practices-doc-none", internal=which),
    )


# -- documents, for whoever may read the practice -------------------------------------------------
async def on_documents(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    session, user, l10n = _data(manager)
    bot = manager.middleware_data["bot"]
    try:  # the service decides again who may read it: the id in the dialog is not trusted
        practice = await practices.readable(session, user, manager.dialog_data["practice_id"])
    except ServiceError as refusal:
        await _refuse(callback, manager, refusal)
        return
    for document in practice.documents:
        await bot.send_document(callback.from_user.id, document["file_id"],
                                caption=l10n("practices-document-caption",
                                             title=practice.title, name=document["name"]))
    manager.show_mode = ShowMode.SEND


# -- practices from other states ------------------------------------------------------------------
on_shared_pick = _pick(practices.readable, SharedPracticesSG.detail)


async def on_filter_state(callback: CallbackQuery, widget: Select, manager: DialogManager,
                          item_id: str) -> None:
    session, _, _ = _data(manager)
    if await member_states.get_state(session, item_id) is None:
        await _stale(callback, manager)
        return
    manager.dialog_data["state"] = item_id
    await manager.switch_to(SharedPracticesSG.list)


async def _filter_choice(callback: CallbackQuery, manager: DialogManager, question: str,
                         key: str, item_id: str) -> None:
    session, _, _ = _data(manager)
    choices = await practices.filter_choices(session, question)
    position = _practice_id(item_id)
    if position is None or position >= len(choices):
        await _stale(callback, manager)
        return
    manager.dialog_data[key] = choices[position][1].name
    await manager.switch_to(SharedPracticesSG.list)


async def on_filter_kind(callback: CallbackQuery, widget: Select, manager: DialogManager,
                         item_id: str) -> None:
    await _filter_choice(callback, manager, practices.COORDINATION_QUESTION, "coordination",
                         item_id)


async def on_filter_objective(callback: CallbackQuery, widget: Select, manager: DialogManager,
                              item_id: str) -> None:
    await _filter_choice(callback, manager, practices.OBJECTIVES_QUESTION, "objective", item_id)


async def on_clear_filters(callback: CallbackQuery, button: Button,
                           manager: DialogManager) -> None:
    for key in ("state", "coordination", "objective"):
        manager.dialog_data.pop(key, None)
