"""Imports only go down: bot -> handlers -> dialogs -> services -> storage."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FLOORS = ["bot", "handlers", "dialogs", "services", "storage"]
TELEGRAM = {"aiogram", "aiogram_dialog", "telegram"}


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_imports_only_go_down():
    for level, floor in enumerate(FLOORS):
        above = set(FLOORS[:level])
        for path in (ROOT / floor).rglob("*.py"):
            wrong = imports(path) & above
            assert not wrong, f"{path.relative_to(ROOT)} imports {wrong} from above"


def test_rules_and_storage_know_nothing_of_telegram():
    for floor in ("services", "storage"):
        for path in (ROOT / floor).rglob("*.py"):
            assert not imports(path) & TELEGRAM, path.relative_to(ROOT)
