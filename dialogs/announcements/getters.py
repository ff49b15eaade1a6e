from aiogram_dialog import DialogManager

from dialogs.formatting import excerpt, zone_name
from services import announcements, member_states, outbox
from services.timezones import local

STATUSES = ("sent", "pending", "sending", "failed", "blocked", "doubt")


async def list_getter(dialog_manager: DialogManager, session, user, l10n, **_) -> dict:
    items = []
    for ann in await announcements.recent(session, user):
        when = ann.queued_at or ann.scheduled_at or ann.created_at
        mark = {"queued": "📤", "scheduled": "🕒", "draft": "📝"}.get(str(ann.status), "")
        label = f"{mark} {local(when, user):%d.%m} · {excerpt(ann.text_ar or ann.text_en, 30)}"
        items.append((str(ann.id), label))
    return {"items": items, "count": len(items)}


async def report_getter(dialog_manager: DialogManager, session, user, l10n, **_) -> dict:
    ann = await announcements.get_for_secretariat(
        session, user, dialog_manager.dialog_data["ann_id"])
    report = await outbox.report(session, announcements.KIND, str(ann.id))
    names = {s.code: s.name(l10n.locale) for s in await member_states.list_states(
        session, l10n.locale)}
    lines = []
    marks = (("sent", "✅"), ("pending", "⏳"), ("sending", "⏳"), ("failed", "⚠️"),
             ("blocked", "⛔"), ("doubt", "❓"))
    for code, counts in sorted(report.by_state.items(), key=lambda kv: names.get(kv[0], "")):
        shown = {}
        for status, mark in marks:  # only what there is, e.g. "Egypt: ✅ 2 ⛔ 1"
            if counts.get(status, 0):
                shown[mark] = shown.get(mark, 0) + counts[status]
        parts = " ".join(f"{mark} {count}" for mark, count in shown.items())
        lines.append(f"{names.get(code, code)}: {parts or '—'}")
    problems = [f"{p.name} ({names.get(p.state, p.state or '')}): "
                f"{l10n.plain('delivery-status', status=str(p.status))}" for p in report.problems]
    counts = {status: report.counts.get(status, 0) for status in STATUSES}
    return {
        "text": ann.text_ar or ann.text_en or "",
        "excerpt": excerpt(ann.text_ar or ann.text_en, 200),
        "status": str(ann.status),
        "when": local(ann.queued_at or ann.scheduled_at or ann.created_at, user),
        "zone": zone_name(user, l10n.locale),
        "recipients": ann.recipients,
        **counts,
        "by_state": "\n".join(lines) or "—",
        "problems": "\n".join(problems) or "—",
        "is_scheduled": str(ann.status) == "scheduled",
        "has_doubt": counts["doubt"] > 0,
    }
