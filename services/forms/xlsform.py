"""Read an XLSForm (.xlsx, or the plain-text .md form) into a FormDefinition.

pyxform does the reading and the XLSForm rules; normalize.py maps its JSON onto what the chat
can ask. Every refusal is a FormError.
"""

import copy
import io
import re
import tempfile
import zipfile
from pathlib import Path

from pyxform.builder import create_survey_element_from_dict
from pyxform.errors import PyXFormError
from pyxform.xls2json import parse_file_to_json

from services.forms.definition import FormDefinition
from services.forms.errors import FormError, Problem
from services.forms.normalize import normalize
from services.forms.sheets import read_sheets

EXTENSIONS = (".xlsx", ".md")
MAX_FORM_BYTES = 2 * 1024 * 1024
# An .xlsx is a zip: a small upload could unpack into gigabytes of XML for the reader.
MAX_UNPACKED_BYTES = 40 * 1024 * 1024


class _TranslatedTitle(Exception):
    pass


def _pyxform_json(path: Path) -> dict:
    try:
        data = parse_file_to_json(str(path), warnings=[])
        if isinstance(data.get("title"), dict):
            raise _TranslatedTitle
        # Building the XForm runs the checks parse_file_to_json leaves out (unknown types...).
        create_survey_element_from_dict(copy.deepcopy(data)).to_xml(validate=False)
    except _TranslatedTitle:
        raise FormError([Problem("translated-title", "settings: form_title cannot be translated"
                                 " (pyxform fails on form_title::<Language>); give the other"
                                 " languages in title_translation::<Language>")]) from None
    except PyXFormError as error:
        message = str(error).strip()
        raise FormError([Problem("pyxform", message, details={"message": message})]) from error
    except Exception as error:
        # pyxform and openpyxl let a damaged upload raise almost anything (XML ParseError,
        # KeyError, zip errors...); none of it may escape as a crash.
        raise FormError([Problem("unreadable", f"the file could not be read as an XLSForm:"
                                 f" {error}", details={"error": str(error)})]) from error
    return data


def _check_extension(filename: str) -> str:
    suffix = Path(filename).suffix.lower()
    if suffix not in EXTENSIONS:
        raise FormError([Problem("wrong-type", f"a form must be an .xlsx (or .md) file, not"
                                 f" '{filename}'", details={"file": filename})],
                        "wrong-type", extension=suffix)
    return suffix


def load_xlsform(path: Path) -> FormDefinition:
    """The form in an .xlsx or .md XLSForm file; FormError lists what stops it being used."""
    path = Path(path)
    _check_extension(path.name)
    data = _pyxform_json(path)
    return normalize(data, read_sheets(path))


def _check_unpacked(content: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as error:
        raise FormError([Problem("not-xlsx", f"the file is not a valid .xlsx workbook: {error}",
                                 details={"error": str(error)})]) from error
    if unpacked > MAX_UNPACKED_BYTES:
        raise FormError([Problem("unpacks-too-large", f"the workbook unpacks to {unpacked} bytes,"
                                 " more than a form needs", details={"size": unpacked})],
                        "too-large", size=unpacked, limit=MAX_UNPACKED_BYTES)


def load_xlsform_bytes(content: bytes, filename: str) -> FormDefinition:
    """A form sent as a file (the secretariat's .xlsx upload), checked for size and type first.

    A form without a form_id setting takes its key from the file's name.
    """
    suffix = _check_extension(filename)
    if len(content) > MAX_FORM_BYTES:
        raise FormError([Problem("too-large", f"the file has {len(content)} bytes; a form may"
                                 f" have at most {MAX_FORM_BYTES}",
                                 details={"size": len(content), "limit": MAX_FORM_BYTES})],
                        "too-large", size=len(content), limit=MAX_FORM_BYTES)
    if suffix == ".xlsx":
        _check_unpacked(content)
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", Path(filename).stem).strip("_")
    if not stem or not stem[0].isalpha():
        stem = f"form_{stem}".rstrip("_")
    with tempfile.TemporaryDirectory(prefix="xlsform-") as folder:
        path = Path(folder) / f"{stem}{suffix}"
        path.write_bytes(content)
        return load_xlsform(path)

