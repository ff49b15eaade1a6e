from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Cancel, Row, Start, SwitchTo
from aiogram_dialog.widgets.text import Format

from dialogs.access import restrict
from dialogs.plan import handlers as h
from dialogs.plan.getters import item_getter, plan_getter, preview_getter
from dialogs.states import PlanImportSG, PlanSG
from dialogs.widgets import L, T, item_list, unexpected_input
from services.permissions import Action


def plan_dialog() -> Dialog:
    """The action plan for everyone: its coming dates, its items, an item's activities."""
    return restrict(Dialog(
        Window(
            T("plan-none", when="no_plan"),
            T("plan-main", when="has_plan"),
            T("plan-upcoming-head", when="has_plan"),
            Format("{events}", when="has_events"),
            T("plan-upcoming-none", when="no_events"),
            T("plan-items-head", when="has_plan"),
            item_list("it", "items", h.on_item, height=10),
            Start(L("plan-import"), id="imp", state=PlanImportSG.upload, when="can_import"),
            Cancel(L("common-back")),
            unexpected_input(),
            getter=plan_getter,
            state=PlanSG.main,
        ),
        Window(
            T("plan-item-head", when="shown"),
            Format("{body}", when="shown"),
            T("plan-item-gone", when="gone"),
            Row(
                Button(L("plan-page-prev"), id="pprev", on_click=h.on_page, when="has_prev"),
                Button(L("plan-page-next"), id="pnext", on_click=h.on_page, when="has_next"),
            ),
            SwitchTo(L("plan-all-items"), id="back", state=PlanSG.main),
            unexpected_input(),
            getter=item_getter,
            state=PlanSG.item,
        ),
    ), Action.READ_PLAN)


def plan_import_dialog() -> Dialog:
    """The secretariat imports a plan file: checked, previewed, then confirmed."""
    return restrict(Dialog(
        Window(
            T("plan-ask-upload"),
            MessageInput(h.on_upload),
            Cancel(L("common-back")),
            state=PlanImportSG.upload,
        ),
        Window(
            T("plan-preview"),
            T("plan-preview-new", when="is_new"),
            T("plan-preview-same", when="is_same"),
            T("plan-preview-changes", when="is_changed"),
            T("plan-preview-kept", when="has_kept"),
            Button(L("plan-import-confirm"), id="ok", on_click=h.on_confirm),
            Cancel(L("plan-import-cancel")),
            unexpected_input(),
            getter=preview_getter,
            state=PlanImportSG.preview,
        ),
    ), Action.IMPORT_PLAN)
