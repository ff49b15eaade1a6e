"""A form as the bot uses it: questions in order, texts per language, expressions as source.

Everything here is plain data that survives a JSON round trip, so a definition stored with the
form in the database comes back exactly as it was loaded.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

QUESTION_TYPES = (
    "text", "integer", "decimal", "date", "select_one", "select_multiple", "note",
    "acknowledge", "file",
)
SELECT_TYPES = ("select_one", "select_multiple")
OTHER = "other"

Texts = dict[str, str]


@dataclass(frozen=True)
class Choice:
    name: str
    label: Texts


@dataclass(frozen=True)
class Question:
    name: str
    type: str
    label: Texts
    hint: Texts = field(default_factory=dict)
    required: bool = False
    # An expression when `required` is one; `required` is then False.
    required_if: str | None = None
    required_message: Texts = field(default_factory=dict)
    constraint: str | None = None
    constraint_message: Texts = field(default_factory=dict)
    # The question's own relevant and every enclosing group's, joined with "and".
    relevant: str | None = None
    section: Texts = field(default_factory=dict)
    choices: list[Choice] = field(default_factory=list)
    # The chat asks for the text itself when "other" is picked (stored as "<name>_other").
    or_other: bool = False
    appearance: str | None = None
    row: int | None = None
    # The XLSForm `default`: a select_multiple's choices pre-ticked (names, space-separated).
    default: str | None = None
    # A file question's body::accept: extensions (".pdf") and MIME patterns ("image/*").
    accept: list[str] = field(default_factory=list)

    @property
    def many_files(self) -> bool:
        """A file question that holds several documents (appearance "multiple")."""
        return self.type == "file" and "multiple" in (self.appearance or "").split()

    @property
    def default_names(self) -> list[str]:
        return (self.default or "").split()

    @property
    def other_name(self) -> str:
        """Where the text typed for an "other" choice is kept."""
        return f"{self.name}_other"

    def choice(self, name: str) -> Choice | None:
        """The choice called `name`, None when the question has none such."""
        return next((c for c in self.choices if c.name == name), None)


@dataclass(frozen=True)
class FormDefinition:
    key: str
    version: str
    title: Texts
    languages: list[str]
    questions: list[Question]

    def question(self, name: str) -> Question:
        """The question called `name` (KeyError when there is none)."""
        for question in self.questions:
            if question.name == name:
                return question
        raise KeyError(name)

    def text(self, texts: Texts, lang: str) -> str:
        """`texts` in `lang`, else in the form's first language ("" when it has none)."""
        if lang in texts:
            return texts[lang]
        for fallback in self.languages:
            if fallback in texts:
                return texts[fallback]
        return next(iter(texts.values()), "")

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict; FormDefinition.from_json(d.to_json()) == d."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any] | str) -> FormDefinition:
        """Rebuild a definition stored with to_json() (the dict or its JSON text)."""
        if isinstance(data, str | bytes):
            data = json.loads(data)
        questions = [
            Question(**{**q, "choices": [Choice(**c) for c in q.get("choices", [])]})
            for q in data["questions"]
        ]
        return cls(
            key=data["key"],
            version=data["version"],
            title=dict(data["title"]),
            languages=list(data["languages"]),
            questions=questions,
        )
