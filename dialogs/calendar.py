"""aiogram-dialog's calendar, with month and day names in the viewer's language and clock."""

from datetime import date, tzinfo

from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Calendar, calendar_kbd
from aiogram_dialog.widgets.kbd.calendar_kbd import (
    CalendarDaysView,
    CalendarMonthView,
    CalendarScope,
    CalendarUserConfig,
    CalendarYearsView,
)
from aiogram_dialog.widgets.text import Format, Text
from babel.dates import format_date

from services import clock
from services.timezones import user_timezone


def today_in(zone: tzinfo) -> date:
    return clock.now().astimezone(zone).date()


# The library's views mark and open on the real clock's today; ours is services.clock, which the
# sandbox's fast-forward (and the tests) move.
calendar_kbd.get_today = today_in


class LocalDate(Text):
    """`date` from the calendar's data, formatted by Babel for the viewer's locale."""

    def __init__(self, pattern: str, template: str = "{}"):
        super().__init__()
        self.pattern, self.template = pattern, template

    async def _render_text(self, data: dict, manager: DialogManager) -> str:
        locale = manager.middleware_data["l10n"].locale
        return self.template.format(format_date(data["date"], self.pattern, locale=locale))


class LocalCalendar(Calendar):
    """Starts today in the viewer's time zone; with future_only, past days cannot be chosen."""

    def __init__(self, *args, future_only: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.future_only = future_only

    def _init_views(self) -> dict[CalendarScope, object]:
        callback = self._item_callback_data
        return {
            CalendarScope.DAYS: CalendarDaysView(
                callback, date_text=Format("{date:%d}"), today_text=Format("[{date:%d}]"),
                weekday_text=LocalDate("EEEEEE"), header_text=LocalDate("LLLL y", "🗓 {}"),
                next_month_text=LocalDate("LLLL", "{} »"),
                prev_month_text=LocalDate("LLLL", "« {}")),
            CalendarScope.MONTHS: CalendarMonthView(
                callback, month_text=LocalDate("LLL"), this_month_text=LocalDate("LLL", "[{}]"),
                header_text=LocalDate("y", "🗓 {}")),
            CalendarScope.YEARS: CalendarYearsView(callback),
        }

    async def _get_user_config(self, data: dict, manager: DialogManager) -> CalendarUserConfig:
        zone = user_timezone(manager.middleware_data.get("user"))
        today = today_in(zone)
        return CalendarUserConfig(timezone=zone, min_date=today if self.future_only else None,
                                  firstweekday=5)  # Saturday, as calendars here begin
