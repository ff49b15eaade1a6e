"""Rules of answers: typed values, co-editing, the final check before submitting."""

from dataclasses import replace
from pathlib import Path

import pytest

from services import form_catalog, registration, submissions
from services.forms.definition import Question
from services.forms.xlsform import load_xlsform
from tests.unit.test_form_reports import focal_point, give

BUDGET = Question("budget", "decimal", {"en": "Budget"})


@pytest.mark.parametrize(("typed", "kept"), [
    ("1.5", "1.5"), ("1,5", "1.5"), ("12,25", "12.25"), ("١٫٥", "1.5"), ("-3", "-3"),
    ("1500", "1500"), ("0.125", "0.125"), ("\u200f١٢٫٥", "12.5"),
])
def test_decimals_with_a_dot_or_a_decimal_comma(typed, kept):
    assert submissions.parse_typed(BUDGET, typed) == kept


@pytest.mark.parametrize("typed", [
    "1,500", "1,500,000", "1.500,5", "1,5,0", "1,2345", "1.2.3", "NaN", "Infinity", "1e9",
    ".5", "12.", "1 500",
])
def test_ambiguous_or_grouped_numbers_are_refused(typed):
    with pytest.raises(submissions.Invalid) as refusal:
        submissions.parse_typed(BUDGET, typed)
    assert (refusal.value.reason, refusal.value.details["type"]) == ("type", "decimal")


FIXES = Path(__file__).resolve().parents[1] / "e2e" / "forms" / "fixes.md"


@pytest.fixture
async def fixes(session):
    boss = await registration.bootstrap_secretariat(
        session, registration.Profile(42, "Secretariat"), "en")
    form, _ = await form_catalog.register(session, load_xlsform(FIXES))
    await form_catalog.open_form(session, boss, form.id, None)
    return boss, form


async def test_skip_with_an_old_revision_is_a_conflict(session, fixes):
    _, form = fixes
    first, second = await focal_point(session, 61, "JO"), await focal_point(session, 62, "JO")
    shared = await submissions.state_submission(session, first, form.id)
    given = await submissions.answer(session, second, shared.id, "remark", "Kept", None)
    with pytest.raises(submissions.Conflict) as conflict:
        await submissions.clear(session, first, shared.id, "remark", None)
    assert conflict.value.details["current"] == "Kept"
    await submissions.clear(session, first, shared.id, "remark", given.revision)
    await submissions.clear(session, second, shared.id, "remark", None)  # empty already
    assert "remark" not in submissions.values_of(await submissions.answers_of(session, shared))


async def test_submit_rechecks_constraints_against_the_final_answers(session, fixes):
    _, form = fixes
    fp = await focal_point(session, 63, "KW")
    shared = await submissions.state_submission(session, fp, form.id)
    await give(session, fp, form.id, [("mechanism", "no"), ("needs", ["data"]), ("total", 10),
                                      ("women", 4)], submit=False)
    total = (await submissions.answers_of(session, shared))["total"]
    await submissions.answer(session, fp, shared.id, "total", 3, total.revision)
    with pytest.raises(submissions.Invalid) as refusal:
        await submissions.submit(session, fp, shared.id)
    assert (refusal.value.reason, refusal.value.details["question"]) == ("constraint", "women")
    assert refusal.value.message == {"ar": "لا يتجاوز المجموع", "en": "Not more than the total"}


async def test_other_content_under_a_published_version_is_refused(session, fixes):
    boss, form = fixes
    changed = load_xlsform(FIXES)
    changed = replace(changed, questions=changed.questions[1:])
    with pytest.raises(form_catalog.VersionUnchanged) as refusal:
        await form_catalog.register(session, changed, boss)
    assert refusal.value.details == {"key": "fixes", "version": "1"}
    assert await form_catalog.register(session, load_xlsform(FIXES), boss) == (form, False)
