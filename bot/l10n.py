"""Fluent translations, one bundle per language, failing loudly.

FluentBundle.format_pattern reports a missing message or a bad argument as a returned error
and renders something anyway; here either raises, so a test that renders a message catches it.
Placeables are wrapped in bidi isolates (FSI/PDI) so a Latin name in Arabic text, or an Arabic
one in English text, keeps its own direction.
"""

import html
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from fluent.runtime import FluentBundle, FluentResource
from fluent.syntax import ast as fluent_ast

from services.resources import resource_path

FLUENT_VALUE_TYPES = (str, int, float, Decimal, date, datetime)


class L10nError(LookupError):
    pass


@dataclass
class Translator:
    """Renders messages of one language. Call for HTML message bodies, `.plain` for labels."""

    locale: str
    bundle: FluentBundle
    ids: frozenset[str] = field(default_factory=frozenset)

    def __call__(self, msg_id: str, **args: object) -> str:
        return self._format(msg_id, args, escape=True)

    def plain(self, msg_id: str, **args: object) -> str:
        return self._format(msg_id, args, escape=False)

    def _format(self, msg_id: str, args: dict, *, escape: bool) -> str:
        if msg_id not in self.ids:
            raise L10nError(f"{self.locale}: no message {msg_id!r}")
        message = self.bundle.get_message(msg_id)
        if message.value is None:
            raise L10nError(f"{self.locale}: message {msg_id!r} has no value")
        clean = {
            key: html.escape(value, quote=False) if escape and isinstance(value, str) else value
            for key, value in args.items()
            if isinstance(value, FLUENT_VALUE_TYPES) and not isinstance(value, bool)
        }
        text, errors = self.bundle.format_pattern(message.value, clean)
        if errors:
            raise L10nError(f"{self.locale}: {msg_id!r}: {errors}")
        return text


class L10n:
    """All languages found under locales/, each a Translator."""

    def __init__(self, root: Path | None = None, default: str = "ar"):
        root = root or resource_path("locales")
        self.translators: dict[str, Translator] = {}
        for folder in sorted(p for p in root.iterdir() if p.is_dir()):
            bundle = FluentBundle([folder.name], use_isolating=True)
            ids: set[str] = set()
            for ftl in sorted(folder.glob("*.ftl")):
                resource = FluentResource(ftl.read_text(encoding="utf-8"))
                bundle.add_resource(resource)
                ids |= {e.id.name for e in resource.body if isinstance(e, fluent_ast.Message)}
            self.translators[folder.name] = Translator(folder.name, bundle, frozenset(ids))
        if default not in self.translators:
            raise L10nError(f"no locale {default!r} under {root}")
        self.default = default

    @property
    def locales(self) -> list[str]:
        return list(self.translators)

    def get(self, locale: str | None) -> Translator:
        return self.translators.get(locale or "", self.translators[self.default])

    def pick(self, language_code: str | None) -> str:
        """The supported locale closest to a Telegram language_code, else the default."""
        base = (language_code or "").split("-")[0].lower()
        return base if base in self.translators else self.default
