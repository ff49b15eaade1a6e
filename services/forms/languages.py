"""Languages of an XLSForm and texts per language with their fallbacks.

pyxform keys translated texts by the column's language ("Arabic (ar)"), uses "default" for a
column without one, and leaves a plain string when the form has no translations at all.
"""

import re

from services.forms.definition import Texts

DEFAULT = "default"
_CODE = re.compile(r"\(\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)\s*\)\s*$")
_ARABIC = re.compile(r"[\u0600-\u06FF]")
OTHER_LABELS = {"ar": "أخرى", "en": "Other", "fr": "Autre"}


def language_code(column_language: str) -> str:
    """'Arabic (ar)' -> 'ar'; a language written without a code -> its lowercased name."""
    match = _CODE.search(column_language)
    return match.group(1) if match else column_language.strip().lower()


def languages_of(labels: list[object], default_language: str | None) -> list[str]:
    """The languages the question labels are written in, the form's default language first.

    A form without translated columns gets one language: its default_language setting, else
    Arabic when most labels are in Arabic script, else English.
    """
    found: list[str] = []
    for label in labels:
        if isinstance(label, dict):
            for key in label:
                code = language_code(key)
                if key != DEFAULT and code not in found:
                    found.append(code)
    preferred = None
    if default_language and default_language != DEFAULT:
        preferred = language_code(default_language)
    if found:
        if preferred in found:
            found.remove(preferred)
            found.insert(0, preferred)
        return found
    if preferred:
        return [preferred]
    plain = [text for text in labels if isinstance(text, str)]
    arabic = sum(1 for text in plain if _ARABIC.search(text))
    return ["ar"] if plain and arabic * 2 > len(plain) else ["en"]


def texts(value: object, languages: list[str]) -> Texts:
    """One text per language: its own, else the unlabelled column's, else another language's."""
    if value is None or value == "" or value == {}:
        return {}
    if not isinstance(value, dict):
        return dict.fromkeys(languages, str(value))
    own = {language_code(k): str(v) for k, v in value.items() if k != DEFAULT and v}
    common = value.get(DEFAULT)
    result: Texts = {}
    for lang in languages:
        text = own.get(lang) or common or next((own[o] for o in languages if o in own), None)
        if text:
            result[lang] = text
    return result


def has_own(value: object, lang: str) -> bool:
    """Whether the form itself gives a text for `lang` (or one for every language)."""
    if isinstance(value, dict):
        return bool(value.get(DEFAULT)) or any(
            language_code(k) == lang and v for k, v in value.items()
        )
    return bool(value)


def other_labels(languages: list[str]) -> Texts:
    """Labels for the "other" choice pyxform adds (it writes an untranslated "Other")."""
    return {lang: OTHER_LABELS.get(lang, OTHER_LABELS["en"]) for lang in languages}
