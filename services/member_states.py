"""The League's member states: loading the shipped list, listing in a language's order."""

import json
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from services.resources import resource_path
from storage.models import MemberState
from storage.repositories import member_states as repo

FIELDS = ("name_ar", "name_en", "timezone")


@dataclass(frozen=True)
class LoadResult:
    added: int
    updated: int
    unchanged: int


def read_states(path: Path | None = None) -> list[dict]:
    path = path or resource_path("data", "member_states.json")
    rows = json.loads(path.read_text(encoding="utf-8"))
    for row in rows:
        ZoneInfo(row["timezone"])  # a typo in a zone name fails the load, not a reminder later
        if len(row["code"]) != 2 or not row["code"].isupper():
            raise ValueError(f"bad ISO code {row['code']!r}")
    return rows


async def load_states(session: AsyncSession, path: Path | None = None) -> LoadResult:
    """Insert or update the member states from the data file; a second run changes nothing."""
    existing = {state.code: state for state in await repo.all_states(session)}
    added = updated = unchanged = 0
    for row in read_states(path):
        state = existing.get(row["code"])
        if state is None:
            session.add(MemberState(**row))
            added += 1
        elif any(getattr(state, f) != row[f] for f in FIELDS):
            for f in FIELDS:
                setattr(state, f, row[f])
            updated += 1
        else:
            unchanged += 1
    await session.flush()
    return LoadResult(added, updated, unchanged)


def sort_key(name: str, locale: str) -> str:
    # Arabic lists are ordered ignoring the article, as the League lists its members.
    return name.removeprefix("ال") if locale == "ar" else name


async def list_states(session: AsyncSession, locale: str) -> list[MemberState]:
    states = await repo.all_states(session)
    return sorted(states, key=lambda s: sort_key(s.name(locale), locale))


async def get_state(session: AsyncSession, code: str) -> MemberState | None:
    return await repo.get_state(session, code)
