"""What pyxform's JSON leaves out, read from the sheets themselves.

Row numbers come from pyxform's own reading of the survey sheet, so they agree with the rows in
pyxform's messages: the header is row 1; an .xlsx keeps its blank rows (numbers match the
spreadsheet), a .md table skips blank and comment lines (numbers count the table's rows).
"""

from dataclasses import dataclass, field
from pathlib import Path

from pyxform.xls2json_backends import get_xlsform

from services.forms.errors import Problem


@dataclass
class Sheets:
    rows: dict[str, int] = field(default_factory=dict)  # question or group name -> its row
    types: dict[str, str] = field(default_factory=dict)  # name -> the type cell as written
    or_other: set[str] = field(default_factory=set)
    lists: dict[str, set[str]] = field(default_factory=dict)  # list -> the author's choices
    duplicates: list[Problem] = field(default_factory=list)


def _cell(row: dict, *keys: str) -> str:
    for key in keys:
        value = row.get(key)
        if value not in (None, ""):
            return str(value).strip()
    return ""


def read_sheets(path: Path) -> Sheets:
    """Rows, written types, or_other selects and authored choice lists of an XLSForm file."""
    book = get_xlsform(str(path))
    sheets = Sheets()
    for number, row in enumerate(book.survey or [], start=2):
        kind = _cell(row, "type", "command")
        name = _cell(row, "name", "value", "tag")
        # An "end group" row may repeat the group's name; it is not a second element.
        if not name or kind.replace("_", " ").lower().startswith("end "):
            continue
        if name in sheets.rows:
            sheets.duplicates.append(Problem(
                "duplicate-name", f"row {number} ({name}): the name is already used on row"
                f" {sheets.rows[name]}; every question needs its own name", row=number,
                name=name, details={"first": sheets.rows[name]}))
            continue
        sheets.rows[name] = number
        sheets.types[name] = kind
        if kind.split()[-1:] == ["or_other"]:
            sheets.or_other.add(name)
    for row in book.choices or []:
        list_name = _cell(row, "list_name", "list name")
        if list_name:
            sheets.lists.setdefault(list_name, set()).add(_cell(row, "name", "value"))
    return sheets
