from aiogram.fsm.state import State, StatesGroup


class OnboardingSG(StatesGroup):
    language = State()
    confirm = State()
    refused = State()


class MainSG(StatesGroup):
    main = State()
    help = State()


class LanguageSG(StatesGroup):
    choose = State()


class InviteSG(StatesGroup):
    state = State()
    options = State()
    created = State()


class UsersSG(StatesGroup):
    list = State()
    detail = State()


class AnnounceSG(StatesGroup):
    text_ar = State()
    text_en = State()
    media = State()
    audience = State()
    states = State()
    confirm = State()
    date = State()
    time = State()
    done = State()


class AnnouncementsSG(StatesGroup):
    list = State()
    detail = State()


class FeedSG(StatesGroup):
    list = State()


class SurveySG(StatesGroup):
    list = State()
    question = State()
    other = State()
    review = State()
    confirm = State()
    history = State()


class FormsAdminSG(StatesGroup):
    list = State()
    detail = State()
    upload = State()
    close_date = State()


class PlanSG(StatesGroup):
    main = State()
    item = State()


class PlanImportSG(StatesGroup):
    upload = State()
    preview = State()


class OwedSG(StatesGroup):
    list = State()
    detail = State()


class DeadlinesSG(StatesGroup):
    list = State()
    detail = State()
    move_date = State()
    move_time = State()
    offsets = State()
    states = State()
    history = State()
    new_item = State()
    new_what = State()
    new_task_ar = State()
    new_task_en = State()
    new_audience = State()
    new_states = State()
    new_date = State()
    new_time = State()
    new_offsets = State()
    new_confirm = State()


class PracticesSG(StatesGroup):
    """A focal point's own state's practices."""

    list = State()
    detail = State()


class PracticeReviewSG(StatesGroup):
    """The secretariat: review, return, accept, circulate, export."""

    list = State()
    detail = State()
    comment = State()
    circulate = State()
    history = State()


class SharedPracticesSG(StatesGroup):
    """Practices circulated from other states, browsed by state, type and objective."""

    list = State()
    states = State()
    coordination = State()
    objectives = State()
    detail = State()
