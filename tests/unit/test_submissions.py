"""Rules of typed answers that need no database."""

import pytest

from services import submissions
from services.forms.definition import Question

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
