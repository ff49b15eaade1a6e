from aiogram_dialog import DialogManager

from dialogs.formatting import clip, excerpt
from dialogs.survey.display import answer_text
from services import practices, registration, submissions
from services.forms.definition import FormDefinition, Question
from services.timezones import local
from storage.models import FormKind, SubmissionStatus


async def list_getter(dialog_manager: DialogManager, session, user, l10n, **_) -> dict:
    items = []
    for progress in await submissions.open_surveys(session, user):
        status = str(progress.submission.status) if progress.submission else "new"
        mark = "✅" if status == "submitted" else "📝"
        label = (f"{mark} {excerpt(progress.form.title(l10n.locale), 40)} "
                 f"({progress.answered}/{progress.total})")
        items.append((str(progress.form.id), label))
    return {"items": items, "count": len(items)}


async def _state(dialog_manager: DialogManager, session, user):
    submission = await submissions.own_submission(
        session, user, dialog_manager.dialog_data["submission_id"])
    answers = await submissions.answers_of(session, submission)
    return submission, answers, submissions.values_of(answers), submissions.definition(
        submission.form)


async def question_getter(dialog_manager: DialogManager, session, user, l10n, **_) -> dict:
    submission, answers, values, defn = await _state(dialog_manager, session, user)
    shown = submissions.visible(defn, values)
    names = [q.name for q in shown]
    name = dialog_manager.dialog_data.get("q")
    question = shown[names.index(name)] if name in names else shown[0]
    counted = [q.name for q in submissions.answerable(defn, values)]
    locale = l10n.locale
    current = answers.get(question.name)
    editor = current and current.by != user.id and current.by
    labels = [defn.text(c.label, locale) for c in question.choices]
    ticked = set(dialog_manager.dialog_data.get("ticks", []))
    return {
        "form_title": submission.form.title(locale),
        "section": defn.text(question.section, locale) if question.section else "",
        "number": counted.index(question.name) + 1 if question.name in counted else 0,
        "total": len(counted),
        "closes": local(submission.form.closes_at, user) if submission.form.closes_at else "",
        "label": defn.text(question.label, locale),
        "hint": defn.text(question.hint, locale) if question.hint else "",
        "current": answer_text(defn, question, values.get(question.name), locale, values),
        "changed_by": await registration.display_name(session, editor) if editor else "",
        "changed_at": local(current.at, user) if current else "",
        # buttons carry a choice's position: names from a published form may be long
        "choices": [(str(i), label) for i, label in enumerate(labels)],
        "ticks": [(str(i), f"{'☑️' if c.name in ticked else '⬜'} {label}")
                  for i, (c, label) in enumerate(zip(question.choices, labels, strict=True))],
        "is_select": question.type == "select_one",
        "is_multi": question.type == "select_multiple",
        "is_date": question.type == "date",
        "is_typed": question.type in submissions.TYPED,
        "is_file": question.type == "file",
        "is_many_files": question.many_files,
        "files": len(submissions.files_of(values.get(question.name))),
        "files_done": question.many_files and submissions.is_answered(question, values),
        "is_ack": question.type == "acknowledge",
        "is_note": question.type == "note",
        "can_skip": not submissions.is_required(question, values) and question.type != "note",
        "can_keep": (submissions.is_answered(question, values) and question.type != "note"
                     and not question.many_files),
        "has_prev": names.index(question.name) > 0,
        "type": question.type,
    }


async def other_getter(dialog_manager: DialogManager, session, user, l10n, **_) -> dict:
    submission, answers, values, defn = await _state(dialog_manager, session, user)
    question = defn.question(dialog_manager.dialog_data["q"])
    return {"label": defn.text(question.label, l10n.locale)}


PAGE = 8  # questions per review page: long answers must stay under Telegram's 4096


async def review_getter(dialog_manager: DialogManager, session, user, l10n, **_) -> dict:
    submission, answers, values, defn = await _state(dialog_manager, session, user)
    locale = l10n.locale
    lines = []
    for number, question in enumerate(submissions.answerable(defn, values), start=1):
        shown = answer_text(defn, question, values.get(question.name), locale, values) or "—"
        lines.append((l10n("survey-review-line", number=number,
                           label=clip(defn.text(question.label, locale), 120),
                           value=clip(shown, 300)), question.name, number))
    pages = max(1, -(-len(lines) // PAGE))
    page = min(dialog_manager.dialog_data.get("page", 0), pages - 1)
    dialog_manager.dialog_data["page"] = page
    part = lines[page * PAGE:(page + 1) * PAGE]
    closed = not submissions.is_open(submission.form)  # by its date too: to read only
    editable = submission.status in submissions.EDITABLE and not closed
    missing = submissions.missing_required(defn, values)
    broken = (submissions.first_broken(defn, values, submissions.local_today(user))
              if editable else None)
    numbers = [q.name for q in submissions.answerable(defn, values)]
    comment = None  # a practice the Secretariat sent back: its comment above the answers
    if (submission.form.kind == FormKind.PRACTICE
            and submission.status == SubmissionStatus.RETURNED):
        comment = (await practices.own_practice(session, user, submission.id)).comment
    return {
        "comment": comment or "", "has_comment": bool(comment),
        "broken": numbers.index(broken.details["question"]) + 1 if broken else 0,
        "form_title": submission.form.title(locale),
        "answers": "\n".join(line for line, _, _ in part),  # rendered above, escaped
        "items": [(name, f"✏️ {number}") for _, name, number in part] if editable else [],
        "page": page + 1, "pages": pages,
        "has_prev_page": page > 0, "has_next_page": page + 1 < pages,
        "missing": len(missing),
        "status": str(submission.status),
        "submitted_at": local(submission.submitted_at, user) if submission.submitted_at else "",
        "editable": editable,
        "closed": closed,
        "can_submit": editable and not missing,
        "is_practice": submission.form.kind == FormKind.PRACTICE,
        "can_reopen": (not editable and submissions.is_open(submission.form)
                       and submission.form.kind != FormKind.PRACTICE),
    }


HISTORY_PAGE = 8  # changes per page
PRACTICE_STEPS = ("create", "return", "accept", "circulate")


async def history_getter(dialog_manager: DialogManager, session, user, l10n, **_) -> dict:
    """The state's answer history, newest first; who may read it is the service's rule."""
    submission_id = dialog_manager.dialog_data["submission_id"]
    page = dialog_manager.dialog_data.get("history_page", 0)
    found = await submissions.changes(session, user, submission_id, offset=page * HISTORY_PAGE,
                                      limit=HISTORY_PAGE)
    pages = max(1, -(-found.total // HISTORY_PAGE))
    if page >= pages:  # fewer changes than when the page was chosen: show the last one
        page = dialog_manager.dialog_data["history_page"] = pages - 1
        found = await submissions.changes(session, user, submission_id,
                                          offset=page * HISTORY_PAGE, limit=HISTORY_PAGE)
    submission = await submissions.readable_submission(session, user, submission_id)
    defn = submissions.definition(submission.form)
    values = submissions.values_of(await submissions.answers_of(session, submission))
    numbers = {q.name: n for n, q in enumerate(submissions.answerable(defn, values), start=1)}
    locale = l10n.locale
    entries = []
    for change in found.changes:
        if change.action in PRACTICE_STEPS:  # a practice's review steps, with any comment
            entries.append(l10n("practices-history-entry", action=change.action,
                                comment=clip(str(change.value or ""), 600)
                                if change.action == "return" else "",
                                name=change.by or "—", at=local(change.at, user)))
            continue
        number, label, shown = "", "", ""
        if change.question:
            base = _asked(defn, change.question)
            number = str(numbers.get(base.name, "·")) if base else "·"
            label = clip(defn.text(base.label, locale), 60) if base else change.question
            if base is not None and base.name != change.question:  # the text of "other"
                shown = str(change.value or "")
            elif base is not None:
                shown = answer_text(defn, base, change.value, locale, {})
        entries.append(l10n("survey-history-entry", action=change.action, number=number,
                            label=label, value=clip(shown, 120) or "—",
                            name=change.by or "—", at=local(change.at, user)))
    return {
        "form_title": submission.form.title(locale),
        "entries": "\n\n".join(entries),  # rendered above, arguments escaped
        "count": found.total,
        "page": page + 1, "pages": pages,
        "has_newer": page > 0, "has_older": page + 1 < pages,
    }


def _asked(defn: FormDefinition, name: str) -> Question | None:
    """The question a history entry is about (an "other" text belongs to its choice)."""
    for candidate in (name, name.removesuffix("_other")):
        try:
            return defn.question(candidate)
        except KeyError:
            continue
    return None
