"""The Bot API specification (scraped JSON) and request validation against it."""

from __future__ import annotations

import gzip
import json
import os
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from .html import HtmlParseError, html_to_text
from .params import ATTACH, FilePart

_INTEGER = re.compile(r"-?\d+")
_BOOLEANS = {"true", "false", "1", "0"}
_RANGE = re.compile(r"(\d+)-(\d+) (characters|bytes)")
_ITEMS = re.compile(r"must include (\d+)-(\d+) items")
_DISCRIMINATOR = re.compile(r"(?:must be|always) [\"“]?([\w-]+)")
_COMMAND = re.compile(r"[a-z0-9_]+")
_ATTACH_REF = re.compile(r"attach://([^\"\\\s]+)")
_PARSE_MODES = {"html", "markdown", "markdownv2"}
# Parameters dropped from the documentation that Telegram still honours; aiogram sends
# disable_web_page_preview when DefaultBotProperties(link_preview_is_disabled=...) is used.
_LEGACY = {
    "link_preview_options": {"disable_web_page_preview": "Boolean"},
    "reply_parameters": {
        "reply_to_message_id": "Integer",
        "allow_sending_without_reply": "Boolean",
    },
}
# Fields of InlineKeyboardButton that are not its action; exactly one action is required.
_BUTTON_DECOR = {"text", "icon_custom_emoji_id", "style"}


def spec_path() -> Path:
    """Telegram Bot API 10.1 as data (methods, fields, types), kept beside this module;
    BOT_API_SPEC names another copy (plain or gzipped JSON), e.g. a newer version."""
    if env := os.environ.get("BOT_API_SPEC"):
        return Path(env)
    return Path(__file__).with_name("bot-api-10.1.json.gz")


class Spec:
    def __init__(self, data: dict[str, Any]):
        self.methods: dict[str, Any] = data["methods"]
        self.types: dict[str, Any] = data["types"]
        self._by_lower = {name.lower(): name for name in self.methods}

    def canonical(self, method: str) -> str | None:
        """Telegram method names are case-insensitive."""
        return self._by_lower.get(method.lower())

    def fields(self, method: str) -> dict[str, dict[str, Any]]:
        return {f["name"]: f for f in self.methods[method].get("fields", [])}

    def returns(self, method: str) -> list[str]:
        return self.methods[method].get("returns", [])

    def type_fields(self, name: str) -> dict[str, dict[str, Any]] | None:
        entry = self.types.get(name)
        if entry is None or "fields" not in entry:
            return None
        return {f["name"]: f for f in entry["fields"]}

    def discriminator(self, name: str) -> str | None:
        type_field = (self.type_fields(name) or {}).get("type")
        if type_field is None:
            return None
        m = _DISCRIMINATOR.search(type_field["description"])
        return m.group(1) if m else None


@cache
def load_spec() -> Spec:
    path = spec_path()
    raw = path.read_bytes()
    return Spec(json.loads(gzip.decompress(raw) if path.suffix == ".gz" else raw))


def validate(method: str, params: Mapping[str, Any]) -> list[str]:
    """Everything the real Bot API would reject in this call; an empty list if it is fine."""
    spec = load_spec()
    name = spec.canonical(method)
    if name is None:
        return [f'unknown method "{method}"']
    form = {k: v if isinstance(v, str | FilePart) else json.dumps(v) for k, v in params.items()}
    fields = spec.fields(name)
    for modern, legacy in _LEGACY.items():
        if modern in fields:
            fields |= {
                old: {"name": old, "types": [kind], "required": False, "description": ""}
                for old, kind in legacy.items()
            }
    return _Checker(spec, form).top_level(fields)


class _Checker:
    def __init__(self, spec: Spec, params: dict[str, str | FilePart]):
        self.spec = spec
        self.params = params

    def top_level(self, fields: dict[str, dict[str, Any]]) -> list[str]:
        errors: list[str] = []
        attached = {
            ref
            for v in self.params.values()
            if isinstance(v, str)
            for ref in _ATTACH_REF.findall(v)
        }
        for key, value in self.params.items():
            fdef = fields.get(key)
            if fdef is None:
                if not (isinstance(value, FilePart) and key in attached):
                    errors.append(f'unknown field "{key}"')
                continue
            errors += self.form_field(fdef, value)
        errors += [f'missing required field "{f}"' for f in self.missing(fields, self.params)]
        return errors

    @staticmethod
    def missing(fields: dict[str, dict[str, Any]], given: Mapping[str, Any]) -> list[str]:
        return [name for name, f in fields.items() if f["required"] and name not in given]

    def form_field(self, fdef: dict[str, Any], value: str | FilePart) -> list[str]:
        """A top-level value: a string in whatever encoding, or an uploaded file."""
        name, types = fdef["name"], fdef["types"]
        if isinstance(value, FilePart):
            return [] if "InputFile" in types else [f"{name}: a file upload is not allowed here"]
        if value.startswith(ATTACH) and "InputFile" in types:
            part = self.params.get(value.removeprefix(ATTACH))
            return [] if isinstance(part, FilePart) else [f"{name}: {value} has no file part"]
        attempts: list[list[str]] = []
        for type_name in types:
            errors = self.form_value(type_name, value, name)
            if not errors:
                if type_name == "String":
                    return self.string_rules(fdef, value, name, self.params)
                return self.item_count(fdef, value, name)
            attempts.append(errors)
        return min(attempts, key=len)

    @staticmethod
    def item_count(fdef: dict[str, Any], value: str, path: str) -> list[str]:
        """An array's size stated in the description ("must include 2-10 items")."""
        m = _ITEMS.search(fdef["description"])
        if m is None:
            return []
        size, low, high = len(json.loads(value)), int(m.group(1)), int(m.group(2))
        if low <= size <= high:
            return []
        return [f"{path}: must include {low}-{high} items, got {size}"]

    def form_value(self, type_name: str, value: str, path: str) -> list[str]:
        if type_name in ("String", "InputFile"):
            return []
        if type_name == "Integer":
            ok = _INTEGER.fullmatch(value) is not None
            return [] if ok else [f"{path}: expected Integer, got {value!r}"]
        if type_name == "Float":
            try:
                float(value)
            except ValueError:
                return [f"{path}: expected Float, got {value!r}"]
            return []
        if type_name == "Boolean":
            ok = value.lower() in _BOOLEANS
            return [] if ok else [f"{path}: expected Boolean, got {value!r}"]
        try:
            decoded = json.loads(value)
        except ValueError:
            return [f"{path}: expected a JSON-serialized {type_name}, got {value[:60]!r}"]
        return self.json_value(type_name, decoded, path)

    def json_value(self, type_name: str, value: Any, path: str) -> list[str]:
        """A value inside a JSON-serialized parameter; JSON types must match exactly."""
        if type_name.startswith("Array of "):
            if not isinstance(value, list):
                return [f"{path}: expected {type_name}"]
            item_type = type_name.removeprefix("Array of ")
            errors: list[str] = []
            for i, item in enumerate(value):
                errors += self.json_value(item_type, item, f"{path}[{i}]")
            return errors
        simple = {
            "Integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
            "Float": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
            "String": lambda v: isinstance(v, str),
            "InputFile": lambda v: isinstance(v, str),
            "Boolean": lambda v: isinstance(v, bool),
            "True": lambda v: v is True,
        }
        if type_name in simple:
            ok = simple[type_name](value)
            return [] if ok else [f"{path}: expected {type_name}, got {json.dumps(value)[:60]}"]
        entry = self.spec.types.get(type_name, {})
        if "subtypes" in entry:
            return self.union(type_name, entry["subtypes"], value, path)
        fields = self.spec.type_fields(type_name)
        if fields is None:
            return []
        if not isinstance(value, dict):
            return [f"{path}: expected a {type_name} object"]
        return self.json_object(type_name, fields, value, path)

    def union(self, type_name: str, subtypes: list[str], value: Any, path: str) -> list[str]:
        if isinstance(value, dict) and "type" in value:
            matching = [s for s in subtypes if self.spec.discriminator(s) == value["type"]]
            if not matching:
                return [f'{path}.type: "{value["type"]}" is not a kind of {type_name}']
            subtypes = matching
        attempts = [self.json_value(s, value, path) for s in subtypes]
        return [] if any(not a for a in attempts) else min(attempts, key=len)

    def json_object(
        self, type_name: str, fields: dict[str, Any], value: dict[str, Any], path: str
    ) -> list[str]:
        errors = [f'{path}: unknown field "{k}" in {type_name}' for k in value if k not in fields]
        errors += [f'{path}: missing required field "{k}"' for k in self.missing(fields, value)]
        for key, item in value.items():
            fdef = fields.get(key)
            if fdef is None:
                continue
            attempts = [self.json_value(t, item, f"{path}.{key}") for t in fdef["types"]]
            if any(not a for a in attempts):
                if isinstance(item, str):
                    errors += self.string_rules(fdef, item, f"{path}.{key}", value)
            else:
                errors += min(attempts, key=len)
        if type_name == "InlineKeyboardButton":
            actions = [k for k in value if k not in _BUTTON_DECOR]
            if len(actions) != 1:
                errors.append(
                    f"{path}: an inline button needs exactly one action field "
                    f"(callback_data, url, ...), got {actions}"
                )
        return errors

    def string_rules(
        self, fdef: dict[str, Any], value: str, path: str, container: Mapping[str, Any]
    ) -> list[str]:
        """Length limits stated in the description, HTML parsing, parse_mode and command names."""
        name, desc = fdef["name"], fdef["description"]
        if name == "parse_mode" or name.endswith("_parse_mode"):
            if value.lower() not in _PARSE_MODES:
                return [f"{path}: unsupported parse_mode {value!r}"]
            return []
        measured, after = value, ""
        if "after entit" in desc:
            after = " after entities parsing"
            mode_field = "parse_mode" if name in ("text", "caption") else f"{name}_parse_mode"
            mode = container.get(mode_field)
            if isinstance(mode, str) and mode.lower() == "html":
                try:
                    measured = html_to_text(value)
                except HtmlParseError as exc:
                    return [f"can't parse entities: {exc} (in {path})"]
        errors: list[str] = []
        if m := _RANGE.search(desc):
            low, high, unit = int(m.group(1)), int(m.group(2)), m.group(3)
            size = len(measured.encode()) if unit == "bytes" else len(measured)
            if low > 0 and not measured.strip():
                size = 0  # Telegram trims whitespace: a blank text counts as empty
            if not low <= size <= high:
                errors.append(f"{path}: must be {low}-{high} {unit}{after}, got {size}")
        if "lowercase English letters, digits and underscores" in desc:
            if not _COMMAND.fullmatch(value):
                errors.append(f"{path}: {value!r} may only contain a-z, 0-9 and _")
        return errors
