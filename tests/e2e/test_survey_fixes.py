"""Answering in the chat when things go wrong: co-editing, odd input, leaving mid-question."""

from pathlib import Path

import pytest

from tests.e2e.test_survey_inputs import open_test_form, stored
from tests.e2e.test_surveys import focal, open_survey, text
from tests.fake_telegram import strip_bidi

FORM = Path(__file__).with_name("forms") / "fixes.md"


@pytest.fixture
async def fixes(app):
    return await open_test_form(app, FORM)


async def test_skip_never_removes_an_answer_someone_else_gave_meanwhile(tg, app, fixes):
    first = await focal(tg, app, 3401, "JO", name="Hala")
    second = await focal(tg, app, 3402, "JO", name="Sami")
    await open_survey(first)
    await open_survey(second)
    assert "Remark" in text(first) and "Remark" in text(second)
    await second.send("Our committee meets monthly")
    await first.press("Skip ›")  # Hala still sees the question without an answer
    assert "changed this answer meanwhile" in first.messages()[-2].text
    assert "It is now: Our committee meets monthly" in strip_bidi(first.messages()[-2].text)
    assert "Last changed by Sami" in text(first)
    assert (await stored(app, first, fixes))["remark"] == "Our committee meets monthly"
    await first.press("Skip ›")  # now knowingly removing it
    assert "A coordination mechanism?" in text(first)
    assert "remark" not in await stored(app, first, fixes)
