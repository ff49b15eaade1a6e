from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Back, Group, Start, SwitchTo

from dialogs.access import restrict
from dialogs.menu.getters import menu_getter
from dialogs.states import (
    AnnouncementsSG,
    DeadlinesSG,
    FeedSG,
    FormsAdminSG,
    InviteSG,
    LanguageSG,
    MainSG,
    OwedSG,
    PlanSG,
    PracticeReviewSG,
    PracticesSG,
    SurveySG,
    UsersSG,
)
from dialogs.widgets import L, T, unexpected_input
from services.permissions import Action


def menu_dialog():
    return restrict(Dialog(
        Window(
            T("menu-title"),
            Group(
                Start(L("menu-announce"), id="ann", state=AnnouncementsSG.list,
                      when="can_announce"),
                Start(L("owed-menu"), id="owe", state=OwedSG.list, when="can_answer"),
                Start(L("menu-surveys"), id="srv", state=SurveySG.list, when="can_answer"),
                Start(L("practices-menu"), id="prc", state=PracticesSG.list, when="can_answer"),
                Start(L("practices-menu"), id="prv", state=PracticeReviewSG.list,
                      when="can_review_practices"),
                Start(L("menu-feed"), id="feed", state=FeedSG.list, when="can_read"),
                Start(L("plan-menu"), id="plan", state=PlanSG.main, when="can_read_plan"),
                Start(L("menu-forms"), id="frm", state=FormsAdminSG.list, when="can_manage_forms"),
                Start(L("deadlines-menu"), id="ddl", state=DeadlinesSG.list,
                      when="can_manage_deadlines"),
                Start(L("menu-invite"), id="inv", state=InviteSG.state, when="can_invite"),
                Start(L("menu-users"), id="usr", state=UsersSG.list, when="is_secretariat"),
                Start(L("menu-language"), id="lng", state=LanguageSG.choose),
                SwitchTo(L("menu-help"), id="hlp", state=MainSG.help),
                width=2,
            ),
            unexpected_input(),
            getter=menu_getter,
            state=MainSG.main,
        ),
        Window(
            T("help-text"),
            Back(L("common-back")),
            unexpected_input(),
            getter=menu_getter,
            state=MainSG.help,
        ),
    ), Action.USE_MENU)
