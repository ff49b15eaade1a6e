"""Every message exists in every language and renders; the code uses no unknown id."""

import re
from datetime import datetime
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast, visitor

from bot.l10n import L10n, L10nError

ROOT = Path(__file__).resolve().parents[2]
CODE_DIRS = ("bot", "handlers", "dialogs", "services")
# every string literal shaped like a message id of one of the areas the locales have
LITERAL = re.compile(r"""["']([a-z]+(?:-[a-z0-9]+)+)["']""")
DYNAMIC_IDS = {"command-menu", "command-language", "command-help"}  # f"command-{name}"


@pytest.fixture(scope="module")
def locales() -> L10n:
    return L10n()


def test_same_ids_in_every_language(locales):
    ar, en = locales.get("ar").ids, locales.get("en").ids
    assert ar - en == set(), f"only in ar: {sorted(ar - en)}"
    assert en - ar == set(), f"only in en: {sorted(en - ar)}"


def test_every_id_the_code_uses_exists(locales):
    areas = {msg_id.split("-")[0] for msg_id in locales.get("en").ids}
    used = set(DYNAMIC_IDS)
    for folder in CODE_DIRS:
        for path in (ROOT / folder).rglob("*.py"):
            used |= {literal for literal in LITERAL.findall(path.read_text(encoding="utf-8"))
                     if literal.split("-")[0] in areas}
    assert {"access-none", "onboarding-welcome", "users-reinstated"} <= used
    assert len(used) > 60  # the pattern really finds the code's ids
    for locale in locales.locales:
        missing = used - locales.get(locale).ids
        assert not missing, f"{locale} lacks {sorted(missing)}"


class Variables(visitor.Visitor):
    """The variables a message refers to, and the keys its selectors choose between."""

    def __init__(self):
        self.names: set[str] = set()
        self.keys: dict[str, set[str]] = {}
        self.dates: set[str] = set()

    def visit_VariableReference(self, node):
        self.names.add(node.id.name)

    def visit_FunctionReference(self, node):
        if node.id.name == "DATETIME":
            self.dates |= {arg.id.name for arg in node.arguments.positional
                           if isinstance(arg, ast.VariableReference)}
        self.generic_visit(node)

    def visit_SelectExpression(self, node):
        if isinstance(node.selector, ast.VariableReference):
            keys = self.keys.setdefault(node.selector.id.name, set())
            for variant in node.variants:
                key = variant.key
                keys.add(key.value if isinstance(key, ast.NumberLiteral) else key.name)
        self.generic_visit(node)


def sample_args(entry: ast.Message) -> list[dict]:
    found = Variables()
    found.visit(entry)
    base = {}
    for name in found.names:
        if name in found.dates:
            base[name] = datetime(2025, 6, 20, 10, 30)
        elif name in ("count", "uses"):
            base[name] = 3
        else:
            base[name] = "قيمة <Value> & co"
    variants = [base]
    for name, keys in found.keys.items():
        for key in keys:
            value = int(key) if key.isdigit() else ({"one": 1, "two": 2, "few": 3, "many": 11,
                                                     "zero": 0, "other": 100}.get(key, key))
            variants.append({**base, name: value})
    return variants


def test_every_message_renders_with_its_arguments(locales):
    parser = FluentParser()
    for locale in locales.locales:
        translator = locales.get(locale)
        for path in sorted((ROOT / "locales" / locale).glob("*.ftl")):
            resource = parser.parse(path.read_text(encoding="utf-8"))
            junk = [e for e in resource.body if isinstance(e, ast.Junk)]
            assert not junk, f"{path}: {junk[0].annotations}"
            for entry in resource.body:
                if not isinstance(entry, ast.Message):
                    continue
                for args in sample_args(entry):
                    text = translator(entry.id.name, **args)
                    assert text.strip(), entry.id.name
                    if "Value" in text:  # user text is escaped for Telegram's HTML
                        assert "&lt;Value&gt; &amp; co" in text


def test_missing_id_and_bad_argument_raise(locales):
    with pytest.raises(L10nError):
        locales.get("en")("no-such-message")
    with pytest.raises(L10nError):
        locales.get("en")("invite-uses")  # $count not given


def test_arabic_plural_forms(locales):
    ar = locales.get("ar")
    assert ar.plain("invite-days", count=1) == "يوم واحد"
    assert ar.plain("invite-days", count=2) == "يومان"
    assert "أيام" in ar.plain("invite-days", count=7)
    assert "يومًا" in ar.plain("invite-days", count=14)


def test_placeables_are_isolated_and_dates_localized(locales):
    when = datetime(2025, 6, 20, 10, 30)
    ar = locales.get("ar")("invite-created", target="Egypt", link="x", expires=when, uses=1,
                           zone="القاهرة")
    en = locales.get("en")("invite-created", target="مصر", link="x", expires=when, uses=1,
                           zone="Cairo")
    assert "\u2068Egypt\u2069" in ar and "\u2068مصر\u2069" in en
    assert "يونيو" in ar and "June" in en
