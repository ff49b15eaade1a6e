"""pyxform's JSON of a form -> the FormDefinition the bot answers, or every reason it can't be.

pyxform accepts much more than a chat can ask (locations, photos, repeats, calculations) and
leaves expressions unchecked; here each question is mapped to one of the supported types and each
expression is parsed by services.expressions, so a form that loads never fails at answer time.
"""

import hashlib
import json
from dataclasses import replace

from services import expressions
from services.forms.definition import OTHER, SELECT_TYPES, Choice, FormDefinition, Question
from services.forms.errors import FormError, Problem
from services.forms.languages import has_own, languages_of, other_labels, texts
from services.forms.sheets import Sheets

# pyxform's type names (after its aliases) -> ours.
TYPES = {
    "text": "text", "string": "text", "integer": "integer", "int": "integer",
    "decimal": "decimal", "date": "date", "select one": "select_one",
    "select all that apply": "select_multiple", "note": "note", "acknowledge": "acknowledge",
    "trigger": "acknowledge", "file": "file",
}
# Filled in by a data-collection app, never asked: KoBo puts start/end/today in most forms.
METADATA = {
    "start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber", "username",
    "email", "audit", "start time", "end time", "get today", "device id", "get device id", "imei",
    "sim id", "subscriber id", "get start time", "get end time", "get sim id",
    "get subscriber id", "get phone number", "uri:deviceid", "uri:email", "uri:phonenumber",
    "uri:simserial", "uri:subscriberid", "uri:username",
}
TRUE = {"yes", "true", "true()", "1"}
FALSE = {"", "no", "false", "false()", "0"}


class _Normalizer:
    def __init__(self, data: dict, sheets: Sheets):
        self.data = data
        self.sheets = sheets
        self.problems: list[Problem] = list(sheets.duplicates)
        self.entries: list[tuple[dict, list[dict]]] = []  # question node, enclosing groups
        self.groups: list[dict] = []
        self.names: set[str] = set()

    def where(self, name: str) -> str:
        row = self.sheets.rows.get(name)
        return f"row {row} ({name})" if row else f"'{name}'"

    def refuse(self, name: str, code: str, text: str, column: str = "",
               position: int | None = None, /, **details: object) -> None:
        """A problem of one question (or group): `text` in English, the rest as data."""
        self.problems.append(Problem(code, f"{self.where(name)}: {text}",
                                     self.sheets.rows.get(name), name, column, position,
                                     details))

    def refuse_expression(self, name: str, column: str, label: str,
                          error: expressions.ExpressionError) -> None:
        self.refuse(name, error.code, f"{label}: {error}", column, error.position,
                    **error.details)

    def walk(self, children: list[dict], groups: list[dict]) -> None:
        for node in children:
            kind, name = node.get("type", ""), node.get("name", "")
            if kind == "group":
                if name == "meta" and node.get("control", {}).get("bodyless"):
                    continue  # pyxform's instanceID
                self.groups.append(node)
                self.walk(node.get("children", []), [*groups, node])
            elif kind == "repeat":
                self.refuse(name, "repeat", "repeat groups are not supported")
            elif kind in METADATA:
                continue
            elif self.is_generated_other(node):
                continue
            elif kind in TYPES:
                self.entries.append((node, groups))
            else:
                written = self.sheets.types.get(name, kind).split()
                written = written[0] if written else kind
                self.refuse(name, "unsupported-type", f"unsupported type '{written}'",
                            type=written)

    def is_generated_other(self, node: dict) -> bool:
        # pyxform adds "<name>_other" after a select ... or_other; the chat asks for it itself.
        name = node.get("name", "")
        return (name.endswith("_other") and name not in self.sheets.rows
                and name.removesuffix("_other") in self.sheets.or_other)

    def expression(self, name: str, field: str, source: str | None) -> str | None:
        source = (source or "").strip()
        if not source:
            return None
        try:
            parsed = expressions.parse(source)
        except expressions.ExpressionError as error:
            self.refuse_expression(name, field, field, error)  # the text ends "at <position>"
            return source
        for missing in sorted(parsed.names - self.names):
            self.refuse(name, "unknown-reference",
                        f"{field}: ${{{missing}}} names no question of the form", field,
                        reference=missing)
        return source

    def required(self, name: str, value: object) -> tuple[bool, str | None]:
        text = str(value or "").strip()
        if text.lower() in TRUE:
            return True, None
        if text.lower() in FALSE:
            return False, None
        return False, self.expression(name, "required", text)

    def choices(self, node: dict, or_other: bool, languages: list[str]) -> list[Choice]:
        name = node["name"]
        if "choices" not in node:
            self.refuse(name, "choices-from-file", "choices from a file are not supported")
            return []
        authored = self.sheets.lists.get(node.get("list_name", ""), set())
        result = []
        for choice in node["choices"]:
            choice_name = str(choice.get("name", ""))
            generated = choice_name == OTHER and OTHER not in authored
            if generated and not or_other:
                continue  # pyxform shares one list object, so or_other leaks to other selects
            label = other_labels(languages) if generated else texts(choice.get("label"), languages)
            result.append(Choice(choice_name, label or dict.fromkeys(languages, choice_name)))
        return result

    def question(self, node: dict, groups: list[dict], languages: list[str]) -> Question:
        name, kind = node["name"], TYPES[node["type"]]
        bind, control = node.get("bind", {}), node.get("control", {})
        if "calculate" in bind:
            self.refuse(name, "calculation", "calculation is not supported")
        if node.get("choice_filter"):
            self.refuse(name, "choice-filter", "choice_filter is not supported")
        or_other = name in self.sheets.or_other
        required, required_if = self.required(name, bind.get("required"))
        own = self.expression(name, "relevant", bind.get("relevant"))
        relevants = [g["bind"]["relevant"].strip() for g in groups
                     if g.get("bind", {}).get("relevant", "").strip()]
        relevants += [own] if own else []
        relevant = (relevants[0] if len(relevants) == 1
                    else " and ".join(f"({r})" for r in relevants) or None)
        if len(relevants) > 1:
            # Each part parses alone; together they may pass the evaluator's size limits.
            try:
                expressions.parse(relevant)
            except expressions.ExpressionError as error:
                self.refuse_expression(name, "group-relevant",
                                       "relevant together with its groups'", error)
        labelled = [g for g in groups if g.get("label")]
        return Question(
            name=name,
            type=kind,
            label=texts(node.get("label"), languages),
            hint=texts(node.get("hint"), languages),
            required=required,
            required_if=required_if,
            required_message=texts(bind.get("jr:requiredMsg"), languages),
            constraint=self.expression(name, "constraint", bind.get("constraint")),
            constraint_message=texts(bind.get("jr:constraintMsg"), languages),
            relevant=relevant,
            section=texts(labelled[-1]["label"], languages) if labelled else {},
            choices=self.choices(node, or_other, languages) if kind in SELECT_TYPES else [],
            or_other=or_other,
            appearance=control.get("appearance") or None,
            row=self.sheets.rows.get(name),
            default=self.default(node, kind),
            accept=[part.strip().lower() for part in str(control.get("accept") or "").split(",")
                    if part.strip()] if kind == "file" else [],
        )

    def default(self, node: dict, kind: str) -> str | None:
        """A default the chat can use: choices of the question's own list, else refused."""
        value = str(node.get("default") or "").strip()
        if not value:
            return None
        if kind not in SELECT_TYPES:
            self.refuse(node["name"], "default-not-select",
                        "a default is only supported on select questions")
            return None
        names = {str(c.get("name", "")) for c in node.get("choices", [])}
        unknown = [part for part in value.split() if part not in names]
        if unknown or (kind == "select_one" and len(value.split()) > 1):
            self.refuse(node["name"], "default-unknown",
                        f"default: '{value}' names no choice of the list", value=value)
            return None
        return value

    def check_labels(self, languages: list[str]) -> None:
        unlabelled = [n["name"] for n, _ in self.entries if not n.get("label")]
        for name in unlabelled:
            self.refuse(name, "no-label", "no label")
        if unlabelled:
            return
        gaps = {lang: [n["name"] for n, _ in self.entries if not has_own(n.get("label"), lang)]
                for lang in languages}
        if all(gaps.values()):
            text = "no language has a label for every question: " + "; ".join(
                f"{lang} lacks {', '.join(self.where(n) for n in names[:3])}"
                for lang, names in gaps.items())
            # languages and rows read the same in any language: "ar: 3, 7; en: 4"
            lacking = "; ".join(
                f"{lang}: {', '.join(str(self.sheets.rows.get(n, n)) for n in names[:3])}"
                for lang, names in gaps.items())
            self.problems.append(Problem("no-complete-language", text,
                                         details={"lacking": lacking}))

    def build(self) -> FormDefinition:
        self.walk(self.data.get("children", []), [])
        self.names = {node["name"] for node, _ in self.entries}
        # The chat keeps an "other" text under <name>_other, so expressions may read it.
        self.names |= {f"{name}_other" for name in self.sheets.or_other}
        languages = languages_of([n.get("label") for n, _ in self.entries],
                                 self.data.get("default_language"))
        self.check_labels(languages)
        for group in self.groups:
            self.expression(group["name"], "relevant", group.get("bind", {}).get("relevant"))
        questions = [self.question(node, groups, languages) for node, groups in self.entries]
        if not any(q.type != "note" for q in questions) and not self.problems:
            self.problems.append(Problem("no-questions", "the form has no questions to answer"))
        if self.problems:
            raise FormError(self.problems)
        key = str(self.data.get("id_string") or self.data.get("name"))
        # XLSForm has no translated form_title (pyxform fails on one), so other languages come
        # from the bot's own settings column title_translation::<Language>.
        translations = self.data.get("title_translation")
        translations = translations if isinstance(translations, dict) else {}
        written = {"default": self.data.get("title"), **translations}
        title = texts(written, languages) or dict.fromkeys(languages, key)
        definition = FormDefinition(key, str(self.data.get("version") or ""), title, languages,
                                    questions)
        if not definition.version:
            definition = replace(definition, version=_digest(definition))
        return definition


def _digest(definition: FormDefinition) -> str:
    """A version for a form that names none: the same content always gets the same one."""
    text = json.dumps(definition.to_json(), sort_keys=True, ensure_ascii=False)
    return "h" + hashlib.sha256(text.encode()).hexdigest()[:10]


def normalize(data: dict, sheets: Sheets) -> FormDefinition:
    """The definition of a form pyxform has accepted; FormError lists every problem found."""
    return _Normalizer(data, sheets).build()
