import json

import pytest
from sqlalchemy import func, select

from services import member_states
from storage.models import MemberState

LEAGUE = set("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE".split())


def test_shipped_file_has_the_22_member_states():
    rows = member_states.read_states()
    assert {row["code"] for row in rows} == LEAGUE
    assert all(row["name_ar"] and row["name_en"] for row in rows)


async def test_loading_twice_changes_nothing(session):
    # the template database was loaded once already
    again = await member_states.load_states(session)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 22)
    assert await session.scalar(select(func.count()).select_from(MemberState)) == 22


async def test_changed_file_updates_rows(session, tmp_path):
    rows = member_states.read_states()
    rows[0]["name_en"] = "Algeria (renamed)"
    path = tmp_path / "states.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    result = await member_states.load_states(session, path)
    assert (result.added, result.updated) == (0, 1)
    assert (await member_states.get_state(session, "DZ")).name_en == "Algeria (renamed)"


def test_bad_time_zone_fails_the_load(tmp_path):
    path = tmp_path / "states.json"
    path.write_text(json.dumps([{"code": "EG", "name_ar": "مصر", "name_en": "Egypt",
                                 "timezone": "Africa/Atlantis"}]), encoding="utf-8")
    with pytest.raises(Exception, match="Atlantis"):
        member_states.read_states(path)


async def test_arabic_order_ignores_the_article(session):
    names = [s.name_ar for s in await member_states.list_states(session, "ar")]
    assert names[0] == "الأردن" and names[-1] == "اليمن"
    english = [s.name_en for s in await member_states.list_states(session, "en")]
    assert english == sorted(english)
