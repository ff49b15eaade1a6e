"""The XLSForm loader against the shipped questionnaires, KoBo/ODK-shaped forms and bad files."""

import json
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from services import expressions
from services.forms.definition import FormDefinition
from services.forms.xlsform import MAX_FORM_BYTES, FormError, load_xlsform, load_xlsform_bytes

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "data" / "forms"
FIXTURES = ROOT / "tests" / "data" / "forms"


def write(tmp_path: Path, text: str, name: str = "form.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(FormError) as caught:
        load_xlsform(path)
    assert caught.value.reason == "invalid"
    return [str(problem) for problem in caught.value.problems]


# --- the shipped questionnaires -----------------------------------------------------------

@pytest.fixture(scope="module")
def evaluation() -> FormDefinition:
    return load_xlsform(SHIPPED / "arcp_evaluation.md")


@pytest.fixture(scope="module")
def processes() -> FormDefinition:
    return load_xlsform(SHIPPED / "regional_processes.md")


def test_every_shipped_form_loads():
    keys = {load_xlsform(path).key for path in sorted(SHIPPED.glob("*.md"))}
    assert {"arcp_evaluation", "regional_processes"} <= keys


def test_evaluation_settings_and_size(evaluation):
    assert (evaluation.key, evaluation.version) == ("arcp_evaluation", "2025.1")
    assert evaluation.languages == ["ar", "en"]
    assert "التشاور" in evaluation.title["ar"]
    assert evaluation.title["en"].startswith("Questionnaire evaluating")
    asked = [q for q in evaluation.questions if q.type != "note"]
    assert 15 <= len(asked) <= 20
    assert evaluation.questions[0].type == "note"
    assert "7833" in evaluation.questions[0].label["ar"]
    assert evaluation.questions[-1].type == "acknowledge"


@pytest.mark.parametrize("name", ["arcp_evaluation.md", "regional_processes.md"])
def test_shipped_forms_are_truly_bilingual(name):
    # A fallback would copy one language into the other: every text must differ.
    form = load_xlsform(SHIPPED / name)
    for question in form.questions:
        for texts in (question.label, question.hint, question.required_message,
                      question.constraint_message, question.section):
            if texts:
                assert set(texts) == {"ar", "en"}, question.name
                assert texts["ar"] != texts["en"], question.name
        for choice in question.choices:
            assert choice.label["ar"] != choice.label["en"], (question.name, choice.name)
        if question.constraint:
            assert question.constraint_message, question.name
        if question.required:
            assert question.required_message, question.name


def test_evaluation_meetings_and_none(evaluation):
    attended = evaluation.question("meetings_attended")
    assert attended.type == "select_multiple" and attended.required
    assert [c.name for c in attended.choices] == ["m8", "m9", "m10", "none"]
    assert "2022" in attended.choice("m8").label["en"]
    rule = expressions.parse(attended.constraint)
    assert rule.truthy({}, current=["m8", "m10"])
    assert rule.truthy({}, current=["none"])
    assert not rule.truthy({}, current=["none", "m9"])


def test_evaluation_relevance_follows_groups(evaluation):
    usefulness = evaluation.question("meetings_usefulness")
    assert usefulness.section == {"ar": "الاجتماعات", "en": "The meetings"}
    shown = expressions.parse(usefulness.relevant)
    assert shown.truthy({"meetings_attended": ["m9"]})
    assert not shown.truthy({"meetings_attended": ["none"]})
    described = evaluation.question("mechanism_description")
    assert expressions.parse(described.relevant).truthy({"national_mechanism": "yes"})
    assert not expressions.parse(described.relevant).truthy({"national_mechanism": "no"})
    assert evaluation.question("national_mechanism").relevant is None


def test_evaluation_topics_have_other(evaluation):
    for name in ("topics_covered", "topics_missing"):
        topics = evaluation.question(name)
        assert topics.or_other
        assert topics.choices[-1].name == "other"
        assert topics.choices[-1].label == {"ar": "أخرى", "en": "Other"}
        assert {"labour_migration", "forced_displacement", "gcm_follow_up"} <= {
            c.name for c in topics.choices}
    names = {q.name for q in evaluation.questions}
    assert "topics_covered_other" not in names


def test_evaluation_text_limits_and_date(evaluation):
    suggestions = evaluation.question("suggestions")
    limit = expressions.parse(suggestions.constraint)
    assert limit.truthy({}, current="x" * 2000)
    assert not limit.truthy({}, current="x" * 2001)
    filled = evaluation.question("filled_on")
    assert filled.type == "date" and filled.constraint == ". <= today()"
    assert filled.constraint_message["ar"].startswith("لا يمكن")


def test_processes_form(processes):
    assert (processes.key, processes.version, processes.languages) == (
        "regional_processes", "2025.1", ["ar", "en"])
    chosen = processes.question("processes")
    assert chosen.type == "select_multiple" and chosen.or_other and chosen.required
    names = [c.name for c in chosen.choices]
    assert {"abu_dhabi_dialogue", "khartoum_process", "rabat_process", "midsa"} <= set(names)
    assert names[-1] == "other"
    assert processes.question("reasons").required
    assert not processes.question("other_organisations").required


@pytest.mark.parametrize("address,valid", [
    ("focal.point@mofa.gov.eg", True), ("a_b+c@example.org", True),
    ("no-at-sign.example.org", False), ("two@@example.org", False), ("x@example", False),
    ("x@example.org extra", False),
])
def test_processes_email_rule(processes, address, valid):
    rule = expressions.parse(processes.question("contact_email").constraint)
    assert rule.truthy({}, current=address) is valid


def test_definition_survives_a_json_round_trip(evaluation):
    stored = json.loads(json.dumps(evaluation.to_json(), ensure_ascii=False))
    assert FormDefinition.from_json(stored) == evaluation
    assert FormDefinition.from_json(json.dumps(stored)) == evaluation


def test_rows_point_at_the_survey_sheet(evaluation):
    # .md rows count the table's lines; the header line is row 1.
    assert evaluation.question("intro").row == 2
    assert evaluation.question("meetings_attended").row == 4


# --- KoBo / ODK shaped forms ---------------------------------------------------------------

@pytest.fixture(scope="module")
def household() -> FormDefinition:
    return load_xlsform(FIXTURES / "household_livelihoods.md")


def test_metadata_rows_are_not_questions(household):
    names = [q.name for q in household.questions]
    assert names[:2] == ["welcome", "consent"]
    assert not {"start", "end", "today", "deviceid", "meta", "instanceID"} & set(names)


def test_language_without_code_and_default_first(household):
    assert household.languages == ["en", "french"]
    assert household.title == {"en": "Household livelihoods and migration",
                               "french": "Household livelihoods and migration"}
    assert household.question("consent").label["french"] == "Acceptez-vous de participer ?"


def test_missing_translation_falls_back(household):
    size = household.question("hh_size")
    assert size.hint == {"en": "Count everyone who slept here last night.",
                         "french": "Count everyone who slept here last night."}
    assert size.constraint_message == {"en": "Between 1 and 40", "french": "Entre 1 et 40"}


def test_nested_group_relevance_is_combined(household):
    amount = household.question("remittance_amount")
    assert amount.relevant == (
        "(${consent} = 'yes') and (${has_migrants} = 'yes') and (${remittances} = 'yes')")
    assert amount.section["en"] == "Members abroad"
    assert household.question("hh_size").relevant == "${consent} = 'yes'"
    assert household.question("consent").relevant is None
    shown = expressions.parse(amount.relevant)
    assert shown.truthy({"consent": "yes", "has_migrants": "yes", "remittances": "yes"})
    assert not shown.truthy({"consent": "no", "has_migrants": "yes", "remittances": "yes"})


def test_unlabelled_group_keeps_the_outer_section(household):
    returned = household.question("returned")
    assert returned.section["en"] == "Household"
    assert returned.relevant == "${consent} = 'yes'"


def test_or_other_only_where_asked(household):
    reasons = household.question("reasons")
    assert reasons.or_other
    assert [c.name for c in reasons.choices] == ["work", "study", "family", "conflict", "other"]
    assert reasons.choices[-1].label == {"en": "Other", "french": "Other"}
    # pyxform appends "other" to the shared yes_no list of every select using it.
    for name in ("consent", "has_migrants", "remittances", "returned"):
        question = household.question(name)
        assert not question.or_other
        assert [c.name for c in question.choices] == ["yes", "no"], name
    assert "reasons_other" not in [q.name for q in household.questions]


def test_required_forms(household):
    assert household.question("consent").required
    remittances = household.question("remittances")
    assert (remittances.required, remittances.required_if) == (False, "${migrants_count} > 1")
    assert not household.question("returned").required


def test_other_columns(household):
    assert household.question("hh_size").appearance is None
    assert household.question("comments").appearance == "multiline"
    assert household.question("migrants_count").constraint == ". >= 1 and . <= ${hh_size}"
    assert household.question("consent").row == 7
    assert household.version == "2024.03"


def test_english_only_odk_form():
    form = load_xlsform(FIXTURES / "training_feedback.md")
    assert form.key == "training_feedback"  # no form_id: the file's name
    assert form.languages == ["en"]
    assert form.title == {"en": "training_feedback"}
    assert [q.type for q in form.questions] == [
        "note", "text", "integer", "select_one", "select_multiple", "text", "decimal", "date",
        "file", "acknowledge"]
    participant = form.question("participant")
    assert participant.label == {"en": "Your name"}
    assert participant.required_message == {"en": "Please tell us your name."}
    assert form.question("overall").choice("4").label == {"en": "Excellent"}
    assert form.text(participant.label, "ar") == "Your name"


def test_a_form_without_version_gets_one_from_its_content(tmp_path):
    text = (FIXTURES / "training_feedback.md").read_text(encoding="utf-8")
    first = load_xlsform(write(tmp_path, text))
    again = load_xlsform(write(tmp_path, text))
    changed = load_xlsform(write(tmp_path, text.replace("Your age", "Age in years")))
    assert first.version and first.version == again.version
    assert changed.version != first.version


def test_arabic_form_without_language_columns(tmp_path):
    form = load_xlsform(write(tmp_path, """
| survey |
| | type | name | label |
| | text | name | الاسم |
| | integer | count | العدد |
"""))
    assert form.languages == ["ar"]
    assert form.question("count").label == {"ar": "العدد"}


# --- the .xlsx path ------------------------------------------------------------------------

def workbook(survey: list[list], choices: list[list] | None = None,
             settings: list[list] | None = None) -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = "survey"
    for row in survey:
        sheet.append(row)
    for title, rows in (("choices", choices), ("settings", settings)):
        if rows:
            extra = book.create_sheet(title)
            for row in rows:
                extra.append(row)
    return book


SURVEY = [
    ["type", "name", "label::Arabic (ar)", "label::English (en)", "required", "constraint",
     "relevant"],
    ["begin group", "visit", "الزيارة", "The visit", None, None, None],
    ["select_one yn", "visited", "هل زرتم؟", "Did you visit?", "yes", None, None],
    [None, None, None, None, None, None, None],
    ["integer", "days", "كم يوماً؟", "How many days?", "yes", ". > 0 and . < 366",
     "${visited} = 'yes'"],
    ["end group", None, None, None, None, None, None],
]
CHOICES = [["list_name", "name", "label::Arabic (ar)", "label::English (en)"],
           ["yn", "yes", "نعم", "Yes"], ["yn", "no", "لا", "No"]]
SETTINGS = [["form_id", "version", "form_title", "default_language"],
            ["visits", "7", "الزيارات", "Arabic (ar)"]]


def test_xlsx_form(tmp_path):
    path = tmp_path / "visits.xlsx"
    workbook(SURVEY, CHOICES, SETTINGS).save(path)
    form = load_xlsform(path)
    assert (form.key, form.version, form.languages) == ("visits", "7", ["ar", "en"])
    days = form.question("days")
    assert days.type == "integer" and days.required
    assert days.relevant == "${visited} = 'yes'"
    assert days.section == {"ar": "الزيارة", "en": "The visit"}
    assert days.row == 5  # the spreadsheet's own row: the blank row 4 counts
    assert form.question("visited").choice("no").label["ar"] == "لا"


def test_xlsx_upload_and_its_error_rows(tmp_path):
    path = tmp_path / "upload.xlsx"
    survey = [row[:] for row in SURVEY]
    survey[4][5] = "pulldata('x', 'y', 'z', .)"
    workbook(survey, CHOICES, SETTINGS).save(path)
    with pytest.raises(FormError) as caught:
        load_xlsform_bytes(path.read_bytes(), "استبيان الزيارات.xlsx")
    assert list(map(str, caught.value.problems)) == [
        "row 5 (days): constraint: unsupported function 'pulldata' at 0"]
    problem = caught.value.problems[0]  # as data, for the reader's language
    assert (problem.code, problem.row, problem.name, problem.column, problem.position,
            problem.details) == ("unsupported-function", 5, "days", "constraint", 0,
                                 {"function": "pulldata"})
    good = tmp_path / "good.xlsx"
    workbook(SURVEY, CHOICES, SETTINGS).save(good)
    assert load_xlsform_bytes(good.read_bytes(), "visits.xlsx").key == "visits"


def test_upload_without_form_id_takes_the_file_name(tmp_path):
    path = tmp_path / "any.xlsx"
    workbook(SURVEY, CHOICES, [["form_title"], ["Visits"]]).save(path)
    assert load_xlsform_bytes(path.read_bytes(), "Field visits 2025.xlsx").key == (
        "Field_visits_2025")
    assert load_xlsform_bytes(path.read_bytes(), "زيارات.xlsx").key == "form"


# --- refusals ------------------------------------------------------------------------------

def test_unknown_function_in_a_constraint_names_its_row(tmp_path):
    found = problems(write(tmp_path, """
| survey |
| | type | name | label | constraint |
| | text | name | Name | |
| | integer | attended | Meetings attended | pulldata('meetings', 'count', 'id', ${name}) |
"""))
    assert found == ["row 3 (attended): constraint: unsupported function 'pulldata' at 0"]


def test_every_problem_is_reported_at_once(tmp_path):
    found = problems(write(tmp_path, """
| survey |
| | type | name | label | relevant | constraint | calculation |
| | text | a | A | | | |
| | geopoint | where | Where? | | | |
| | image | photo | Photo | | | |
| | integer | b | B | uuid() = 'x' | | |
| | begin group | g | G | ${a} = 'x' | | |
| | integer | c | C | | . > ${g} | |
| | end group | | | | | |
| | calculate | total | | | | ${c} * 2 |
"""))
    assert found[:2] == ["row 3 (where): unsupported type 'geopoint'",
                         "row 4 (photo): unsupported type 'image'"]
    assert "row 9 (total): unsupported type 'calculate'" in found
    assert any(p.startswith("row 5 (b): relevant: ") for p in found)
    assert "row 7 (c): constraint: ${g} names no question of the form" in found
    assert len(found) == 5


def test_missing_reference_is_refused_with_pyxforms_message(tmp_path):
    found = problems(write(tmp_path, """
| survey |
| | type | name | label | relevant |
| | text | a | A | |
| | text | b | B | ${missing} = 'yes' |
"""))
    assert len(found) == 1 and "missing" in found[0] and "row : 3" in found[0]


def test_group_and_question_relevance_must_fit_together(tmp_path):
    long = " or ".join(f"${{a}} = '{i}'" for i in range(50))
    found = problems(write(tmp_path, f"""
| survey |
| | type | name | label | relevant |
| | text | a | A | |
| | begin group | g | G | {long} |
| | text | b | B | {long} |
| | end group | | | |
"""))
    assert len(found) == 1
    assert found[0].startswith("row 4 (b): relevant together with its groups': expression longer")


def test_repeat_group_is_refused(tmp_path):
    found = problems(write(tmp_path, """
| survey |
| | type | name | label |
| | text | a | A |
| | begin repeat | members | Members |
| | text | member_name | Name |
| | end repeat | | |
"""))
    assert found == ["row 3 (members): repeat groups are not supported"]


def test_pyxform_syntax_error_is_its_own_message(tmp_path):
    found = problems(write(tmp_path, """
| survey |
| | type | name | label |
| | begin group | g | G |
| | text | a | A |
"""))
    assert found == ["[row : 2] Unmatched 'begin_group'. No matching 'end_group' was found "
                     "for the name 'g'."]


def test_unknown_type_is_refused(tmp_path):
    found = problems(write(tmp_path, """
| survey |
| | type | name | label |
| | textt | a | A |
"""))
    assert len(found) == 1 and "textt" in found[0]


def test_other_unsupported_columns(tmp_path):
    found = problems(write(tmp_path, """
| survey |
| | type | name | label | choice_filter | calculation |
| | select_one yn | a | A | name != 'no' | |
| | text | b | B | | concat('x', 'y') |
| | select_one_from_file places.csv | c | C | | |
| | rank yn | d | D | | |
| | range | e | E | | |
| choices |
| | list_name | name | label |
| | yn | yes | Yes |
| | yn | no | No |
"""))
    assert found == [
        "row 5 (d): unsupported type 'rank'", "row 6 (e): unsupported type 'range'",
        "row 2 (a): choice_filter is not supported", "row 3 (b): calculation is not supported",
        "row 4 (c): choices from a file are not supported",
    ]


def test_the_same_name_in_two_groups(tmp_path):
    found = problems(write(tmp_path, """
| survey |
| | type | name | label |
| | begin group | g1 | One |
| | text | name | Name |
| | end group | g1 | |
| | begin group | g2 | Two |
| | text | name | Name again |
| | end group | g2 | |
"""))
    assert found == ["row 6 (name): the name is already used on row 3; every question needs "
                     "its own name"]


def test_no_language_labels_every_question(tmp_path):
    found = problems(write(tmp_path, """
| survey |
| | type | name | label::Arabic (ar) | label::English (en) |
| | text | a | أ | |
| | text | b | | B |
"""))
    assert found == ["no language has a label for every question: ar lacks row 3 (b); "
                     "en lacks row 2 (a)"]


def test_translated_form_title_is_refused(tmp_path):
    found = problems(write(tmp_path, """
| survey |
| | type | name | label |
| | text | a | A |
| settings |
| | form_title | form_title::English (en) |
| | عنوان | Title |
"""))
    assert found == ["settings: form_title cannot be translated (pyxform fails on "
                     "form_title::<Language>); give the other languages in "
                     "title_translation::<Language>"]


def test_a_form_of_notes_only(tmp_path):
    found = problems(write(tmp_path, """
| survey |
| | type | name | label |
| | note | a | Just reading |
"""))
    assert found == ["the form has no questions to answer"]


def test_file_over_the_size_limit():
    with pytest.raises(FormError) as caught:
        load_xlsform_bytes(b"x" * (MAX_FORM_BYTES + 1), "big.xlsx")
    assert caught.value.reason == "too-large"
    assert caught.value.details["limit"] == MAX_FORM_BYTES


@pytest.mark.parametrize("filename", ["form.xls", "form.csv", "form.docx", "form", "a.xlsx.exe"])
def test_wrong_extension(filename):
    with pytest.raises(FormError) as caught:
        load_xlsform_bytes(b"| survey |", filename)
    assert caught.value.reason == "wrong-type"


def test_not_a_workbook():
    with pytest.raises(FormError) as caught:
        load_xlsform_bytes(b"PK\x03\x04 not really a zip", "form.xlsx")
    assert caught.value.reason == "invalid"


def test_a_damaged_workbook(tmp_path):
    path = tmp_path / "good.xlsx"
    workbook(SURVEY, CHOICES, SETTINGS).save(path)
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            cut = "worksheets" in item.filename
            target.writestr(item, data[: len(data) // 2] if cut else data)
    with pytest.raises(FormError) as caught:
        load_xlsform_bytes(damaged.read_bytes(), "form.xlsx")
    assert caught.value.reason == "invalid"
    assert str(caught.value.problems[0]).startswith("the file could not be read as an XLSForm")


def test_a_workbook_that_unpacks_too_far(tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (60 * 1024 * 1024))
    assert path.stat().st_size < MAX_FORM_BYTES
    with pytest.raises(FormError) as caught:
        load_xlsform_bytes(path.read_bytes(), "form.xlsx")
    assert caught.value.reason == "too-large"
