"""The same code on PostgreSQL: migrations up and down, and a representative set of journeys.

tests/unit runs on both databases by itself; of the end-to-end tests only these run on
PostgreSQL as well (a dialog journey, two focal points answering at once, a broadcast from the
composer, a scheduled announcement across a restart, reminders, the outbox drained by two
workers); worker and webhook processes are in test_processes.py.
"""

import pytest

from storage import migrate
from tests.e2e.test_announcements import (  # noqa: F401
    test_announcement_reaches_each_focal_point_once_in_their_language,
    test_scheduled_announcement_survives_a_restart_and_fires_once,
)
from tests.e2e.test_deadlines import (  # noqa: F401
    test_a_deadline_set_in_the_chat_reminds_the_states_that_owe,
)
from tests.e2e.test_delivery import (  # noqa: F401
    test_two_workers_on_one_database_send_nothing_twice,
    workers,
)
from tests.e2e.test_surveys import (  # noqa: F401
    survey,
    test_a_survey_answered_end_to_end_in_english,
    test_two_focal_points_of_a_state_share_one_answer_and_never_overwrite,
)
from tests.unit.test_migrations import _diff, _tables

pytestmark = pytest.mark.postgresql(only=True)


@pytest.fixture
def empty_db(postgres):
    name = postgres.create()
    yield postgres.url_for(name)
    postgres.drop(name)


async def test_migrations_match_the_models_and_downgrade_to_nothing(empty_db):
    from storage.database import create_engine

    engine = create_engine(empty_db)
    try:
        await migrate.upgrade(engine)
        assert await migrate.current_revision(engine) == migrate.head_revision()
        assert await _diff(engine) == []
        await migrate.downgrade(engine, "base")
        assert await _tables(engine) <= {"alembic_version"}
        await migrate.upgrade(engine)
        assert {"deadline", "reminder", "action_item", "delivery"} <= await _tables(engine)
    finally:
        await engine.dispose()
