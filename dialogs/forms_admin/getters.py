from aiogram_dialog import DialogManager

from dialogs.formatting import excerpt, zone_name
from dialogs.practices.display import status_mark
from services import form_catalog, member_states, practices, submissions
from services.timezones import local
from storage.models import FormKind


async def forms_getter(dialog_manager: DialogManager, session, user, l10n, **_) -> dict:
    marks = {"draft": "📄", "open": "🟢", "closed": "🔒"}
    forms = await form_catalog.list_forms(session, user)
    return {"items": [(str(f.id), f"{marks[form_catalog.status_of(f)]} "
                                   f"{excerpt(f.title(l10n.locale), 44)} · {f.version}")
                      for f in forms], "count": len(forms)}


async def form_getter(dialog_manager: DialogManager, session, user, l10n, **_) -> dict:
    form = await form_catalog.get_form(session, user, dialog_manager.dialog_data["form_id"])
    board = await form_catalog.progress_board(session, user, form.id, l10n.locale)
    separator = l10n.plain("forms-list-separator")

    def names(stage: str) -> str:
        return separator.join(state.name(l10n.locale) for state in board[stage]) or "—"

    questions = [q for q in submissions.definition(form).questions
                 if q.type not in submissions.ANSWERLESS]
    status = form_catalog.status_of(form)
    practice = form.kind == FormKind.PRACTICE
    return {
        **(await _practice_board(session, user, l10n) if practice else {"board": ""}),
        "practice": practice, "survey": not practice,
        "reopen": practice and status != "open",
        "title": form.title(l10n.locale), "version": form.version,
        "status": status,
        "closes": local(form.closes_at, user) if status == "open" and form.closes_at else "",
        "zone": zone_name(user, l10n.locale), "questions": len(questions),
        "submitted": names("submitted"), "submitted_count": len(board["submitted"]),
        "in_progress": names("in-progress"), "in_progress_count": len(board["in-progress"]),
        "not_started": names("not-started"), "not_started_count": len(board["not-started"]),
        "can_open": status != "open" and not practice, "can_close": status == "open",
        # "Close now" asks first: it closes the questionnaire for every state at once
        "closing": status == "open" and dialog_manager.dialog_data.get("closing", False),
    }


async def _practice_board(session, user, l10n) -> dict:
    """The practice form's board: per state, its practices sent by status (never drafts)."""
    counts = await practices.board(session, user)
    lines = []
    for state in await member_states.list_states(session, l10n.locale):
        if state.code in counts:
            marks = " ".join(f"{status_mark(status)} {count}"
                             for status, count in counts[state.code].items())
            lines.append(f"{state.name(l10n.locale)}: {marks}")
    return {"board": "\n".join(lines), "sent": sum(sum(c.values()) for c in counts.values())}
