from datetime import date

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Select

from dialogs.practices import notices
from dialogs.states import SurveySG
from dialogs.survey.callbacks import alert
from dialogs.survey.display import answer_text
from services import practices, submissions
from services.errors import NotAllowed, NotFound, ServiceError
from services.forms.definition import Choice, Question
from storage.models import FormKind

# widget ids (kept short: they travel in every button's callback data)
CHOICES_ID = "c"
TICKS_ID = "m"
CALENDAR_ID = "cal"
# what a question screen remembers of the last one: list pages, the calendar's month
SCREEN_WIDGETS = (f"{CHOICES_ID}_p", f"{TICKS_ID}_p", CALENDAR_ID)
FILE_REFUSALS = ("file-type", "file-too-big", "too-many-files")
FILE_LIMIT = submissions.FILE_LIMIT


def _data(manager: DialogManager):
    data = manager.middleware_data
    return data["session"], data["user"], data["l10n"]


async def _load(manager: DialogManager):
    session, user, _ = _data(manager)
    submission = await submissions.own_submission(
        session, user, manager.dialog_data["submission_id"])
    answers = await submissions.answers_of(session, submission)
    return submission, answers, submissions.definition(submission.form)


async def show(manager: DialogManager, name: str | None) -> None:
    """Go to a question (None: the review), remembering what the person was shown; a closed
    form (its closing date passed meanwhile) shows only the review, to read."""
    if name is None:
        await manager.switch_to(SurveySG.review)
        return
    submission, answers, defn = await _load(manager)
    if not submissions.is_open(submission.form):
        await manager.switch_to(SurveySG.review)
        return
    current = answers.get(name)
    value = current.value if current else None
    manager.dialog_data.update(q=name, seen=current.revision if current else None)
    question = defn.question(name)
    widgets = manager.current_context().widget_data
    for widget_id in SCREEN_WIDGETS:  # each question opens at its first page, this month
        widgets.pop(widget_id, None)
    if question.type == "select_multiple":
        # never asked yet: the form's default choices start ticked
        manager.dialog_data["ticks"] = list(value or ([] if current else question.default_names))
        manager.dialog_data["ticks_shown"] = list(manager.dialog_data["ticks"])
    else:
        manager.dialog_data.pop("ticks", None)
        manager.dialog_data.pop("ticks_shown", None)
    if question.type == "date" and value:
        manager.find(CALENDAR_ID).set_offset(date.fromisoformat(value))
    await manager.switch_to(SurveySG.question)


def choice_at(question: Question, item_id: str) -> Choice | None:
    """The choice a button stands for: buttons carry its position, never trusted."""
    if not (item_id.isascii() and item_id.isdigit()) or int(item_id) >= len(question.choices):
        return None
    return question.choices[int(item_id)]


async def _step(manager: DialogManager, direction: int) -> None:
    submission, answers, defn = await _load(manager)
    names = [q.name for q in submissions.visible(defn, submissions.values_of(answers))]
    name = manager.dialog_data.get("q")
    position = names.index(name) + direction if name in names else 0
    await show(manager, names[position] if 0 <= position < len(names) else None)


async def on_pick_form(callback: CallbackQuery, widget: Select, manager: DialogManager,
                       item_id: str) -> None:
    refusal = await open_form(manager, item_id)
    if refusal:
        await alert(callback, manager, manager.middleware_data["l10n"].plain(
            "survey-refused", reason=refusal))


async def on_start(start_data: object, manager: DialogManager) -> None:
    """Started with {"form_id": ...} (from what the state owes): straight to that form;
    with {"submission_id": ...} (a practice record): straight to that one."""
    if isinstance(start_data, dict) and "form_id" in start_data:
        await open_form(manager, str(start_data["form_id"]))  # refused: the list shows why
    elif isinstance(start_data, dict) and "submission_id" in start_data:
        if await open_submission(manager, str(start_data["submission_id"])):
            await manager.done()  # not the state's own: nothing to show


async def open_form(manager: DialogManager, form_id: str) -> str | None:
    """Open the state's answer to a form where it stands; the refusal's reason, if any."""
    session, user, _ = _data(manager)
    try:
        submission = await submissions.state_submission(session, user, int(form_id))
    except (ValueError, NotFound, ServiceError) as refusal:
        return getattr(refusal, "reason", "not-found")
    return await _resume(manager, submission)


async def open_submission(manager: DialogManager, submission_id: str) -> str | None:
    """Open one of the state's own records (a practice) where it stands; the refusal, if any."""
    session, user, _ = _data(manager)
    try:
        submission = await submissions.own_submission(session, user, int(submission_id))
    except (ValueError, ServiceError) as refusal:
        return getattr(refusal, "reason", "not-found")
    return await _resume(manager, submission)


async def _resume(manager: DialogManager, submission) -> str | None:
    session, user, _ = _data(manager)
    manager.dialog_data["submission_id"] = submission.id
    answers = await submissions.answers_of(session, submission)
    defn = submissions.definition(submission.form)
    values = submissions.values_of(answers)
    if submission.status not in submissions.EDITABLE:
        await manager.switch_to(SurveySG.review)
        return None
    shown = submissions.visible(defn, values)
    # a new answer starts at the top (its introduction); one under way where it stopped
    position = submissions.first_open(defn, values, seen=set(answers)) if answers else 0
    await show(manager, None if position is None else shown[position].name)
    return None


async def _save(event, manager: DialogManager, value: object, *, other: bool = False) -> bool:
    """Save the current question's answer (`other`: the text of its "Other" choice); tells
    the person and returns False if refused."""
    session, user, l10n = _data(manager)
    name = manager.dialog_data["q"]
    seen = manager.dialog_data.get("seen")
    if other:
        name, seen = f"{name}_other", manager.dialog_data.get("seen_other")
    message = event.message if isinstance(event, CallbackQuery) else event
    try:
        await submissions.answer(session, user, manager.dialog_data["submission_id"], name,
                                 value, seen)
    except submissions.Conflict:
        await _conflict(message, manager, name)
        return False
    except submissions.Invalid as invalid:
        await _explain(message, manager, invalid)
        return False
    except (submissions.FormClosed, submissions.AlreadySubmitted, NotAllowed) as refusal:
        await message.answer(l10n("survey-refused", reason=refusal.reason))
        if isinstance(refusal, submissions.FormClosed):
            await manager.switch_to(SurveySG.review)  # nothing more to answer: to read
        manager.show_mode = ShowMode.SEND
        return False
    return True


async def _conflict(message: Message, manager: DialogManager, name: str) -> None:
    """Someone of the state changed the answer meanwhile: say what it is now, ask again."""
    _, _, l10n = _data(manager)
    submission, answers, defn = await _load(manager)
    question = submissions.question_of(defn, name)
    values = submissions.values_of(answers)
    current = answer_text(defn, question, values.get(name), l10n.locale, values) or "—"
    await message.answer(l10n("survey-conflict", current=current))
    await show(manager, manager.dialog_data["q"])  # shown afresh, with what is there now
    manager.show_mode = ShowMode.SEND


# What a file question's `accept` list means to a person ("PDF, Word or images").
FILE_KINDS = {".pdf": "pdf", ".doc": "word", ".docx": "word", ".odt": "word", ".rtf": "word",
              ".xls": "sheet", ".xlsx": "sheet", ".ods": "sheet", ".csv": "sheet",
              ".ppt": "slides", ".pptx": "slides", ".odp": "slides"}


def accepted_words(l10n, accepted: str) -> str:
    kinds: list[str] = []
    for token in (t.strip().lower() for t in accepted.split(",") if t.strip()):
        kind = "image" if token.startswith("image/") or token in (".jpg", ".jpeg", ".png") \
            else FILE_KINDS.get(token, token.lstrip("."))
        if kind not in kinds:
            kinds.append(kind)
    words = [l10n.plain("files-kind", kind=kind) for kind in kinds]
    if len(words) < 2:
        return "".join(words)
    return l10n.plain("files-list", first=l10n.plain("files-comma").join(words[:-1]),
                      last=words[-1])


async def _explain(message: Message, manager: DialogManager, invalid) -> None:
    session, user, l10n = _data(manager)
    submission, answers, defn = await _load(manager)
    own = defn.text(invalid.message, l10n.locale) if invalid.message else ""
    if invalid.reason in FILE_REFUSALS:
        own = l10n("files-refused", reason=invalid.reason,
                   accepted=accepted_words(l10n, str(invalid.details.get("accepted", ""))),
                   limit=invalid.details.get("limit", 0))
    await message.answer(own or l10n("survey-invalid", reason=invalid.reason,
                                     type=str(invalid.details.get("type", "")),
                                     limit=invalid.details.get("limit", 0)))
    manager.show_mode = ShowMode.SEND


async def _answer_and_next(event, manager: DialogManager, value: object) -> None:
    if await _save(event, manager, value):
        await _onward(manager)


async def _onward(manager: DialogManager) -> None:
    """The next question, or back to the review when the person came from it to edit."""
    if manager.dialog_data.pop("from_review", False):
        await show(manager, None)
    else:
        await _step(manager, +1)


async def on_choice(callback: CallbackQuery, widget: Select, manager: DialogManager,
                    item_id: str) -> None:
    submission, answers, defn = await _load(manager)
    question = defn.question(manager.dialog_data["q"])
    choice = choice_at(question, item_id) if question.type == "select_one" else None
    if choice is None:
        _, _, l10n = _data(manager)
        await alert(callback, manager, l10n.plain("error-stale"))
        return
    if choice.name == "other" and question.or_other:
        await _ask_other(manager, answers, question)
        return
    await _answer_and_next(callback, manager, choice.name)


async def _ask_other(manager: DialogManager, answers: dict, question: Question) -> None:
    """The screen asking for the text of "Other", remembering which text was there."""
    other = answers.get(question.other_name)
    manager.dialog_data["seen_other"] = other.revision if other else None
    await manager.switch_to(SurveySG.other)


async def on_tick(callback: CallbackQuery, widget: Select, manager: DialogManager,
                  item_id: str) -> None:
    """Tick or untick one choice of a multiple choice, saved at once: nothing is lost
    however the person leaves (/menu included)."""
    submission, answers, defn = await _load(manager)
    question = defn.question(manager.dialog_data["q"])
    choice = choice_at(question, item_id) if question.type == "select_multiple" else None
    if choice is None:
        _, _, l10n = _data(manager)
        await alert(callback, manager, l10n.plain("error-stale"))
        return
    ticks = manager.dialog_data.setdefault("ticks", [])
    if choice.name in ticks:
        ticks.remove(choice.name)
    else:
        ticks.append(choice.name)
    values = submissions.values_of(answers)
    if not ticks and submissions.is_required(question, values):
        return  # none ticked on a required question: simply unanswered
    chosen = [c.name for c in question.choices if c.name in ticks]
    try:  # ticks the form refuses yet ("at least two") wait for Done or leaving, said then
        submissions.check(question, chosen, {**values, question.name: chosen},
                          today=submissions.local_today(_data(manager)[1]))
    except submissions.Invalid:
        return
    if await _save(callback, manager, chosen):
        saved = (await _load(manager))[1].get(question.name)  # its revision, for the next
        manager.dialog_data["seen"] = saved.revision if saved else None
        manager.dialog_data["ticks_shown"] = list(ticks)


async def on_multi_done(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    submission, answers, defn = await _load(manager)
    checked = set(manager.dialog_data.get("ticks", []))
    question = defn.question(manager.dialog_data["q"])
    in_form_order = [c.name for c in question.choices if c.name in checked]
    current = answers.get(question.name)
    saved = current is not None and current.value == in_form_order  # by the ticks already
    if not saved and not await _save(callback, manager, in_form_order):
        return
    if "other" in in_form_order and question.or_other:
        await _ask_other(manager, answers, question)  # the ticks are kept; now the text
        return
    await _onward(manager)


async def on_date(callback: CallbackQuery, widget, manager: DialogManager, chosen: date) -> None:
    await _answer_and_next(callback, manager, chosen.isoformat())


async def on_typed(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    submission, answers, defn = await _load(manager)
    question = defn.question(manager.dialog_data["q"])
    if question.type not in submissions.TYPED:
        return await on_wrong_input(message, widget, manager)
    try:
        value = submissions.parse_typed(question, message.text or "")
    except submissions.Invalid as invalid:
        await _explain(message, manager, invalid)
        return
    manager.show_mode = ShowMode.SEND
    await _answer_and_next(message, manager, value)


async def on_other_text(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    submission, answers, defn = await _load(manager)
    question = defn.question(manager.dialog_data["q"])
    try:
        text = submissions.parse_typed(submissions.question_of(defn, question.other_name),
                                       message.text or "")
    except submissions.Invalid as invalid:  # empty, or too long (with the limit)
        await _explain(message, manager, invalid)
        return
    manager.show_mode = ShowMode.SEND
    # a single choice is saved here (unless it is "other" already); several were saved
    # with their ticks
    chosen = answers.get(question.name)
    if (question.type == "select_one" and (chosen is None or chosen.value != "other")
            and not await _save(message, manager, "other")):
        return
    if await _save(message, manager, text, other=True):
        await _onward(manager)


async def on_file(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    _, _, l10n = _data(manager)
    submission, answers, defn = await _load(manager)
    question = defn.question(manager.dialog_data["q"])
    if question.type != "file":
        return await on_wrong_input(message, widget, manager)
    document = message.document
    if document is None:
        await message.answer(l10n("survey-invalid", reason="want-document", type="", limit=0))
        manager.show_mode = ShowMode.SEND
        return
    file = {"file_id": document.file_id, "name": document.file_name or "document",
            "size": document.file_size or 0, "mime": document.mime_type or ""}
    try:  # refused before anything is kept, with the limit or the accepted types
        submissions.check_file(question, file)
    except submissions.Invalid as invalid:
        await _explain(message, manager, invalid)
        return
    manager.show_mode = ShowMode.SEND
    if not question.many_files:
        await _answer_and_next(message, manager, file)
        return
    current = answers.get(question.name)
    # several documents: each one is added and the question stays until "Done"
    if await _save(message, manager, [*submissions.files_of(current and current.value), file]):
        await show(manager, question.name)


async def on_files_done(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await _onward(manager)


async def on_wrong_input(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    """Something the question cannot take (a sticker, a photo...): say what it does take."""
    _, _, l10n = _data(manager)
    submission, answers, defn = await _load(manager)
    question = defn.question(manager.dialog_data["q"])
    kind = "text" if manager.current_context().state == SurveySG.other else question.type
    reason = ("type-it" if kind in submissions.TYPED
              else "want-document" if kind == "file" else "use-buttons")
    await message.answer(l10n("survey-invalid", reason=reason, type=kind, limit=0))
    manager.show_mode = ShowMode.SEND


async def on_ack(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await _answer_and_next(callback, manager, "OK")


async def _keep_ticks(callback: CallbackQuery, manager: DialogManager) -> bool:
    """Leaving a multiple choice whose ticks changed saves them, as "Done" does (none ticked
    on a required question: it stays unanswered); False if the answer was refused."""
    ticks = manager.dialog_data.get("ticks", [])
    if set(ticks) == set(manager.dialog_data.get("ticks_shown", ticks)):
        return True
    submission, answers, defn = await _load(manager)
    question = defn.question(manager.dialog_data["q"])
    if question.type != "select_multiple":
        return True
    values = submissions.values_of(answers)
    if not ticks and submissions.is_required(question, values):
        return True
    if not await _save(callback, manager, [c.name for c in question.choices if c.name in ticks]):
        return False
    manager.dialog_data["ticks_shown"] = list(ticks)
    return True


async def on_next(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    if await _keep_ticks(callback, manager):
        await _onward(manager)


async def on_prev(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    if await _keep_ticks(callback, manager):
        await _step(manager, -1)


async def on_skip(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    session, user, l10n = _data(manager)
    try:
        await submissions.clear(session, user, manager.dialog_data["submission_id"],
                                manager.dialog_data["q"], manager.dialog_data.get("seen"))
    except submissions.Conflict:
        await _conflict(callback.message, manager, manager.dialog_data["q"])
        return
    except ServiceError as refusal:
        await alert(callback, manager, l10n.plain("survey-refused", reason=refusal.reason))
        if isinstance(refusal, submissions.FormClosed):
            await manager.switch_to(SurveySG.review)
        return
    await _onward(manager)


async def on_leave(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    _, _, l10n = _data(manager)
    if not await _keep_ticks(callback, manager):
        return
    await alert(callback, manager, l10n.plain("survey-saved"))
    await manager.done()


async def on_edit(callback: CallbackQuery, widget: Select, manager: DialogManager,
                  item_id: str) -> None:
    submission, answers, defn = await _load(manager)
    names = {q.name for q in submissions.visible(defn, submissions.values_of(answers))}
    if item_id not in names:
        _, _, l10n = _data(manager)
        await alert(callback, manager, l10n.plain("error-stale"))
        return
    manager.dialog_data["from_review"] = True
    await show(manager, item_id)


async def on_page(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    step = 1 if button.widget_id == "pnext" else -1
    manager.dialog_data["page"] = max(0, manager.dialog_data.get("page", 0) + step)


async def on_history(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    manager.dialog_data["history_page"] = 0
    await manager.switch_to(SurveySG.history)


async def on_history_page(callback: CallbackQuery, button: Button,
                          manager: DialogManager) -> None:
    step = 1 if button.widget_id == "h_older" else -1
    manager.dialog_data["history_page"] = max(0, manager.dialog_data.get("history_page", 0)
                                              + step)


async def on_submit(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    session, user, l10n = _data(manager)
    try:
        submission, _, _ = await _load(manager)
        if submission.form.kind == FormKind.PRACTICE:  # a practice goes to the secretariat
            practice = await practices.submit(session, user, submission.id)
            await notices.practice_submitted(manager.middleware_data, practice)
        else:
            await submissions.submit(session, user, submission.id)
    except ServiceError as refusal:
        if refusal.details.get("question"):  # an answer the others no longer allow
            await _explain_broken(callback.message, manager, refusal)
        else:
            await alert(callback, manager, l10n.plain("survey-refused", reason=refusal.reason))
        await manager.switch_to(SurveySG.review)
        return
    await alert(callback, manager, l10n.plain("survey-submitted"))
    await manager.switch_to(SurveySG.review)


async def _explain_broken(message: Message, manager: DialogManager, invalid) -> None:
    """Which answer stops the submission and why; the review offers to go to it."""
    _, _, l10n = _data(manager)
    submission, answers, defn = await _load(manager)
    values = submissions.values_of(answers)
    names = [q.name for q in submissions.answerable(defn, values)]
    name = invalid.details["question"]
    question = defn.question(name)
    why = defn.text(invalid.message, l10n.locale) if invalid.message else ""
    await message.answer(l10n(
        "survey-broken", number=names.index(name) + 1 if name in names else 0,
        label=defn.text(question.label, l10n.locale),
        why=why or l10n.plain("survey-invalid", reason=invalid.reason,
                              type=str(invalid.details.get("type", "")),
                              limit=invalid.details.get("limit", 0))))
    manager.show_mode = ShowMode.SEND


async def on_fix(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    """To the first answer the others no longer allow, then back to the review."""
    session, user, l10n = _data(manager)
    submission, answers, defn = await _load(manager)
    broken = submissions.first_broken(defn, submissions.values_of(answers),
                                      submissions.local_today(user))
    if broken is None or submission.status not in submissions.EDITABLE:
        await alert(callback, manager, l10n.plain("error-stale"))
        return
    manager.dialog_data["from_review"] = True
    await show(manager, broken.details["question"])


async def on_reopen(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    session, user, l10n = _data(manager)
    try:
        await submissions.reopen(session, user, manager.dialog_data["submission_id"])
    except ServiceError as refusal:
        await alert(callback, manager, l10n.plain("survey-refused", reason=refusal.reason))
        return
    await manager.switch_to(SurveySG.review)
