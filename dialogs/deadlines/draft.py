"""A new deadline being set: kept in dialog_data (plain values) until it is created."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from services import deadlines


def due_from(day: str, time_id: str, zone: ZoneInfo) -> datetime:
    """"2026-12-20" and "2359" in the secretariat's zone; ValueError if forged."""
    at = time(int(time_id[:2]), int(time_id[2:]))
    return datetime.combine(date.fromisoformat(day), at, tzinfo=zone)


def spec_from(data: dict) -> deadlines.Spec:
    return deadlines.Spec(
        item_id=int(data["item_id"]),
        due_at=datetime.fromisoformat(data["due_at"]),
        form_key=data.get("form_key"),
        task_ar=data.get("task_ar"),
        task_en=data.get("task_en"),
        states=tuple(data.get("states") or ()),
        offsets=tuple(data.get("offsets", deadlines.DEFAULT_OFFSETS)),
    )
