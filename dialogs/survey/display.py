"""How answers read in the chat."""

from datetime import date

from babel.dates import format_date

from services.forms.definition import FormDefinition, Question


def answer_text(defn: FormDefinition, question: Question, value: object, locale: str,
                values: dict) -> str:
    """An answer as a person reads it ("" when there is none)."""
    if value in (None, "", []):
        return ""
    if question.type in ("select_one", "select_multiple"):
        names = value if isinstance(value, list) else [value]
        labels = []
        for name in names:
            choice = question.choice(name)
            label = defn.text(choice.label, locale) if choice else name
            if name == "other" and question.or_other and values.get(question.other_name):
                label = f"{label}: {values[question.other_name]}"
            labels.append(label)
        return "، ".join(labels) if locale == "ar" else ", ".join(labels)
    if question.type == "date":
        return format_date(date.fromisoformat(str(value)), "long", locale=locale)
    if question.type == "file":
        if isinstance(value, list):  # several documents
            names = [str(item.get("name", "")) for item in value if isinstance(item, dict)]
            return "، ".join(names) if locale == "ar" else ", ".join(names)
        return str(value.get("name", "")) if isinstance(value, dict) else str(value)
    if question.type == "acknowledge":
        return "✓"
    return str(value)
