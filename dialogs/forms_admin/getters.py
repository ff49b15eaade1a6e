from aiogram_dialog import DialogManager

from dialogs.formatting import excerpt, zone_name
from services import form_catalog, member_states, submissions
from services.timezones import local


async def forms_getter(dialog_manager: DialogManager, session, user, l10n, **_) -> dict:
    marks = {"draft": "📄", "open": "🟢", "closed": "🔒"}
    forms = await form_catalog.list_forms(session, user)
    return {"items": [(str(f.id), f"{marks[form_catalog.status_of(f)]} "
                                   f"{excerpt(f.title(l10n.locale), 44)} · {f.version}")
                      for f in forms], "count": len(forms)}


async def form_getter(dialog_manager: DialogManager, session, user, l10n, **_) -> dict:
    form = await form_catalog.get_form(session, user, dialog_manager.dialog_data["form_id"])
    names = {s.code: s.name(l10n.locale) for s in await member_states.list_states(
        session, l10n.locale)}
    rows = await form_catalog.progress(session, user, form.id)
    groups: dict[str, list[str]] = {"submitted": [], "in-progress": [], "not-started": []}
    for row in sorted(rows, key=lambda r: names.get(r.code, r.code)):
        key = "in-progress" if row.status == "in-progress" else (
            "not-started" if row.status == "not-started" else "submitted")
        groups[key].append(names.get(row.code, row.code))
    questions = [q for q in submissions.definition(form).questions if q.type != "note"]
    status = form_catalog.status_of(form)
    return {
        "title": form.title(l10n.locale), "version": form.version,
        "status": status,
        "closes": local(form.closes_at, user) if status == "open" and form.closes_at else "",
        "zone": zone_name(user, l10n.locale), "questions": len(questions),
        "submitted": "، ".join(groups["submitted"]) if l10n.locale == "ar" else ", ".join(
            groups["submitted"]),
        "in_progress": ("، " if l10n.locale == "ar" else ", ").join(groups["in-progress"]),
        "submitted_count": len(groups["submitted"]),
        "in_progress_count": len(groups["in-progress"]),
        "not_started_count": len(groups["not-started"]),
        "can_open": status != "open", "can_close": status == "open",
    }
