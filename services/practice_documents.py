"""The practices as one Word document the secretariat can circulate by email.

Arabic reads right to left only when Word is told so: every paragraph gets w:bidi and every run
w:rtl (an Arabic text in a left-to-right paragraph puts its punctuation and numbers at the
wrong end).
"""

import io
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from services.forms.definition import SELECT_TYPES, FormDefinition, Question
from services.practices import Practice
from services.submissions import ANSWERLESS, files_of, visible

RTL_LOCALES = ("ar",)


@dataclass(frozen=True)
class DocumentWords:
    """The document's own words in the reader's language (the caller's translations)."""

    title: str
    state: str  # "State"
    status: str  # "Status"
    statuses: Mapping[str, str]  # submission status -> word
    separator: str  # between the choices of a multiple choice
    none: str  # the document holds no practice


def value_text(defn: FormDefinition, question: Question, value: object, values: dict,
               locale: str, separator: str) -> str:
    """An answer as plain text in `locale` ("" when there is none)."""
    if value in (None, "", []):
        return ""
    if question.type in SELECT_TYPES:
        names = value if isinstance(value, list) else [value]
        labels = []
        for name in names:
            choice = question.choice(str(name))
            label = defn.text(choice.label, locale) if choice else str(name)
            if name == "other" and question.or_other and values.get(question.other_name):
                label = f"{label}: {values[question.other_name]}"
            labels.append(label)
        return separator.join(labels)
    if question.type == "file":
        return separator.join(str(item.get("name") or "") for item in files_of(value))
    if question.type == "date":
        return date.fromisoformat(str(value)).isoformat()
    if question.type == "acknowledge":
        return "✓"
    return str(value)


def practices_docx(practices: list[Practice], state_names: Mapping[str, str], locale: str,
                   words: DocumentWords) -> bytes:
    """One heading per practice, then each answered question: its label, its answer."""
    from docx import Document

    rtl = locale in RTL_LOCALES
    document = Document()
    _paragraph(document.add_heading(level=0), words.title, rtl)
    if not practices:
        _paragraph(document.add_paragraph(), words.none, rtl)
    for practice in practices:
        defn = practice.definition
        _paragraph(document.add_heading(level=1), practice.title or f"#{practice.id}", rtl)
        state = state_names.get(practice.state_code, practice.state_code)
        status = words.statuses.get(str(practice.status), str(practice.status))
        _paragraph(document.add_paragraph(), f"{words.state}: {state} — {words.status}: {status}",
                   rtl)
        for question in visible(defn, practice.values):
            if question.type in ANSWERLESS:
                continue
            text = value_text(defn, question, practice.values.get(question.name),
                              practice.values, locale, words.separator)
            if not text:
                continue
            _paragraph(document.add_paragraph(), defn.text(question.label, locale), rtl,
                       bold=True)
            _paragraph(document.add_paragraph(), text, rtl)
    if rtl:  # the page itself right to left: columns, gutters and numbering from the right
        from docx.oxml import OxmlElement

        for section in document.sections:
            section._sectPr.insert_element_before(
                OxmlElement("w:bidi"), "w:rtlGutter", "w:docGrid", "w:printerSettings",
                "w:sectPrChange")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _paragraph(paragraph, text: str, rtl: bool, *, bold: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement

    run = paragraph.add_run(text)
    run.bold = bold or None
    if bold:  # Word draws Arabic (a complex script) bold only by w:bCs
        run._r.get_or_add_rPr().get_or_add_bCs()
    if not rtl:
        return
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    # in the schema's order of pPr and rPr children, or strict readers refuse the file
    paragraph._p.get_or_add_pPr().insert_element_before(
        OxmlElement("w:bidi"), "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
        "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
        "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
        "w:rPr", "w:sectPr", "w:pPrChange")
    run._r.get_or_add_rPr().insert_element_before(
        OxmlElement("w:rtl"), "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish",
        "w:oMath")
