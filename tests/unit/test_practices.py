"""Practices: the rules of review and circulation, and the file and default questions they use."""

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from bot.l10n import L10n
from dialogs.practices import notices
from services import form_catalog, form_reports, outbox, practices, registration, submissions
from services.errors import NotAllowed, NotFound
from services.forms.errors import FormError
from services.forms.xlsform import load_xlsform
from storage.models import AuditLog, Delivery, SubmissionStatus
from tests.unit.test_form_reports import EN, focal_point

SHIPPED = Path(__file__).parents[2] / "data" / "forms" / "practice.md"
FILE_FORM = """| survey |
| | type | name | label | appearance | default | body::accept |
| | file | docs | Documents | {appearance} | | .pdf,image/* |
| | select_multiple p | principles | Principles | | {default} | |
| choices |
| | list_name | name | label |
| | p | a | A |
| | p | b | B |
| settings |
| | form_id | version |
| | files | 1 |
"""
REQUIRED = {"title": "One-stop shop", "coordination_type": "vertical", "mechanism": "committee",
            "lead_institution": "Ministry of Local Administration",
            "participants": "Governorates", "since_year": 2020, "practice_status": "completed",
            "description": "A desk in every governorate.", "gcm_objectives": ["obj15"],
            "gcm_principles": ["whole_of_government"], "may_circulate": "yes",
            "contact_name": "Rania", "contact_email": "rania@example.org"}


def form(tmp_path, appearance: str = "multiple", default: str = "b"):
    path = tmp_path / "files.md"
    path.write_text(FILE_FORM.format(appearance=appearance, default=default), encoding="utf-8")
    return load_xlsform(path)


def pdf(size: int = 10, name: str = "plan.pdf", mime: str = "application/pdf") -> dict:
    return {"file_id": f"F{size}{name}", "name": name, "size": size, "mime": mime}


def test_the_shipped_form_has_the_gcm_lists_and_several_documents():
    defn = load_xlsform(SHIPPED)
    assert len(defn.question("gcm_objectives").choices) == 23
    principles = defn.question("gcm_principles")
    assert len(principles.choices) == 10 and principles.default_names == ["whole_of_government"]
    documents = defn.question("documents")
    assert documents.many_files and ".pdf" in documents.accept and ".docx" in documents.accept
    assert set(defn.languages) == {"ar", "en"}


def test_a_file_question_takes_several_documents_of_the_accepted_types(tmp_path):
    docs = form(tmp_path).question("docs")
    submissions.check(docs, [pdf(), pdf(name="photo.JPG", mime="image/jpeg")], {})
    with pytest.raises(submissions.Invalid) as refused:
        submissions.check(docs, [pdf(name="tool.exe", mime="application/x-msdownload")], {})
    assert refused.value.reason == "file-type" and refused.value.details["accepted"] == \
        ".pdf, image/*"
    with pytest.raises(submissions.Invalid) as refused:
        submissions.check(docs, [pdf(size=submissions.FILE_LIMIT + 1)], {})
    assert refused.value.reason == "file-too-big" and refused.value.details["limit"] == 20
    with pytest.raises(submissions.Invalid) as refused:
        submissions.check(docs, [pdf(size=n) for n in range(submissions.FILES_LIMIT + 1)], {})
    assert refused.value.reason == "too-many-files"
    with pytest.raises(submissions.Invalid):
        submissions.check(docs, pdf(), {})  # one document where a list is kept


def test_a_single_file_question_keeps_one_document(tmp_path):
    docs = form(tmp_path, appearance="").question("docs")
    assert not docs.many_files
    submissions.check(docs, pdf(), {})
    with pytest.raises(submissions.Invalid):
        submissions.check(docs, [pdf()], {})
    assert submissions.files_of(pdf()) == [pdf()] and submissions.files_of(None) == []


def test_a_default_must_name_choices_of_the_list(tmp_path):
    assert form(tmp_path, default="a b").question("principles").default_names == ["a", "b"]
    with pytest.raises(FormError) as refused:
        form(tmp_path, default="a z")
    assert "default: 'a z' names no choice" in str(refused.value)


async def practice(session, author, values=REQUIRED, submit=True):
    record = await practices.create(session, author)
    for name, value in values.items():
        await submissions.answer(session, author, record.id, name, value, None)
    if submit:
        await practices.submit(session, author, record.id)
    return record.id


@pytest.fixture
async def people(session):
    boss = await registration.bootstrap_secretariat(
        session, registration.Profile(7000, "Chief"), "en")
    return (boss, await focal_point(session, 7001, "LB"), await focal_point(session, 7002, "LB"),
            await focal_point(session, 7003, "OM"))


async def test_each_state_sees_and_edits_only_its_own(session, people):
    boss, lebanon, lebanon_2, oman = people
    draft = await practice(session, lebanon, {"title": "Draft"}, submit=False)
    empty = await practices.create(session, lebanon)
    assert (await practices.create(session, lebanon)).id == empty.id  # a double tap: one draft
    assert (await practices.create(session, lebanon_2)).id != empty.id
    own = await practices.own_practices(session, lebanon_2)
    assert [p.title for p in own][2:] == ["Draft"] and len(own) == 3
    assert await practices.own_practices(session, oman) == []
    with pytest.raises(NotAllowed):
        await practices.own_practice(session, oman, draft)
    with pytest.raises(NotAllowed):
        await submissions.answer(session, oman, draft, "title", "Mine now", 1)
    with pytest.raises(NotAllowed):
        await practices.readable(session, oman, draft)
    with pytest.raises(NotFound):  # a state's draft is not the secretariat's to read
        await practices.readable(session, boss, draft)
    with pytest.raises(NotAllowed):  # the secretariat comments, never answers
        await submissions.answer(session, boss, draft, "title", "Better title", 1)


async def test_review_steps_are_kept_in_the_history_and_the_audit_log(session, people):
    boss, lebanon, lebanon_2, oman = people
    sent = await practice(session, lebanon)
    with pytest.raises(practices.NoComment):
        await practices.return_practice(session, boss, sent, "   ")
    returned = await practices.return_practice(session, boss, sent, "Add the results.")
    assert returned.status == SubmissionStatus.RETURNED and returned.comment == "Add the results."
    with pytest.raises(practices.WrongStatus):
        await practices.accept(session, boss, sent)
    with pytest.raises(submissions.AlreadySubmitted):  # only a return reopens a practice
        await submissions.reopen(session, lebanon_2, sent)
    await submissions.answer(session, lebanon_2, sent, "results", "Faster procedures", None)
    again = await practices.submit(session, lebanon_2, sent)
    assert again.status == SubmissionStatus.SUBMITTED and again.comment == "Add the results."
    assert (await practices.for_review(session, boss))[0].id == sent
    await practices.accept(session, boss, sent)
    with pytest.raises(practices.WrongStatus):
        await practices.return_practice(session, boss, sent, "Too late")
    steps = [c.action for c in (await submissions.changes(session, boss, sent, limit=50)).changes]
    assert [s for s in steps if s != "answer"] == ["accept", "submit", "return", "submit",
                                                   "create"]
    audit = list(await session.scalars(select(AuditLog.action).where(
        AuditLog.object_type == "submission", AuditLog.object_id == str(sent))
        .order_by(AuditLog.id)))
    assert audit == ["practice.create", "practice.submit", "practice.return",
                     "practice.resubmit", "practice.accept"]


async def test_circulation_reaches_only_other_states_and_only_cleared_practices(session,
                                                                               people):
    boss, lebanon, lebanon_2, oman = people
    with pytest.raises(practices.NothingToCirculate):
        await practices.circulate(session, boss)
    cleared = await practice(session, lebanon)
    kept = await practice(session, lebanon, {**REQUIRED, "title": "Kept",
                                             "may_circulate": "no"})
    waiting = await practice(session, oman, {**REQUIRED, "title": "Omani"})
    for record in (cleared, kept):
        await practices.accept(session, boss, record)
    circulation = await practices.circulate(session, boss)
    assert [p.id for p in circulation.practices] == [cleared]
    assert [(person.id, [p.id for p in theirs]) for person, theirs in circulation.recipients] \
        == [(oman.id, [cleared])]
    with pytest.raises(practices.NothingToCirculate):  # a second press sends nothing again
        await practices.circulate(session, boss)
    assert [p.id for p in await practices.shared(session, oman)] == [cleared]
    assert await practices.shared(session, lebanon) == []  # its own are not "other states'"
    with pytest.raises(NotAllowed):
        await practices.readable(session, oman, kept)
    with pytest.raises(NotAllowed):
        await practices.readable(session, lebanon, waiting)
    assert (await practices.readable(session, oman, cleared)).title == REQUIRED["title"]
    by = practices.Filters
    assert await practices.shared(session, oman, by(state="OM")) == []
    assert await practices.shared(session, oman, by(coordination="horizontal")) == []
    assert len(await practices.shared(session, oman, by(objective="obj15"))) == 1
    assert await practices.shared(session, oman, by(objective="obj01")) == []
    with pytest.raises(NotAllowed):
        await practices.circulate(session, oman)


async def test_the_export_has_a_row_per_sent_practice_in_the_readers_language(session, people):
    boss, lebanon, lebanon_2, oman = people
    await practice(session, lebanon)
    await practice(session, oman, {**REQUIRED, "documents": [pdf(), pdf(name="b.pdf")]})
    await practice(session, oman, {"title": "Unsent draft"}, submit=False)
    form = await practices.practice_form(session)
    words = form_reports.ExportWords(
        columns=dict.fromkeys(form_reports.FIXED_COLUMNS, "عمود"),
        statuses={"submitted": "مُرسلة"}, other="(أخرى)", ok="✓", separator="، ")
    table = await form_reports.export_table(session, boss, form.id, "ar", words, drafts=False)
    book = load_workbook(io.BytesIO(form_reports.export_xlsx(table, locale="ar")))
    sheet = book.active
    labels = [cell.value for cell in sheet[1]]
    assert "عنوان الممارسة" in labels and sheet.sheet_view.rightToLeft
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=3)]
    assert len(rows) == 2 and {row[2] for row in rows} == {"مُرسلة"}
    assert "plan.pdf، b.pdf" in rows[1]


async def test_a_long_circulation_fits_one_message_per_person(session, people):
    boss, lebanon, lebanon_2, oman = people
    for number in range(notices.DIGEST_LIMIT + 3):
        record = await practice(session, lebanon, {**REQUIRED, "title": f"{number} " + "x" * 190})
        await practices.accept(session, boss, record)
    circulation = await practices.circulate(session, boss)
    assert await notices.circulation_digest({"session": session, "locales": L10n()},
                                            circulation) == 1
    sent = await session.scalar(select(Delivery).where(Delivery.ref == circulation.ref))
    text = outbox.visible_text(sent.payload["text"])
    assert sent.recipient_id == oman.id and "and \u20683\u2069 more" in text
    assert outbox.telegram_length(text) <= outbox.TEXT_LIMIT


async def test_practices_of_an_older_version_stay_filterable_and_exported(session, people,
                                                                          tmp_path):
    boss, lebanon, _, oman = people
    older = await practice(session, lebanon, {**REQUIRED, "title": "Older"})
    text = SHIPPED.read_text(encoding="utf-8").replace("| practice | 2025.1 |",
                                                       "| practice | 2026.1 |")
    text = text.replace(  # the new version has one more coordination type
        "| | coordination | both | أفقي ورأسي معًا | Both horizontal and vertical |\n",
        "| | coordination | both | أفقي ورأسي معًا | Both horizontal and vertical |\n"
        "| | coordination | regional | إقليمي | Regional, with neighbouring states |\n")
    path = tmp_path / "practice.md"
    path.write_text(text, encoding="utf-8")
    newer_form, _ = await form_catalog.register(session, load_xlsform(path), boss)
    older_form = (await practices.practice_forms(session))[-1]
    await form_catalog.open_form(session, boss, newer_form.id, None)  # the older one closes
    assert (await practices.practice_form(session)).id == newer_form.id
    newer = await practice(session, oman, {**REQUIRED, "title": "Newer",
                                           "coordination_type": "regional"})
    await form_catalog.close_form(session, boss, newer_form.id)
    with pytest.raises(practices.NoPracticeForm):
        await practices.create(session, oman)
    assert (await session.get(type(newer_form), older_form.id)).status == "closed"

    kinds = [choice.name for _, choice in
             await practices.filter_choices(session, practices.COORDINATION_QUESTION)]
    assert kinds == ["horizontal", "vertical", "both", "regional"]
    for name, value in (("older", older), ("newer", newer)):
        readable = await practices.readable(session, boss, value)
        assert readable.definition.version == ("2025.1" if name == "older" else "2026.1")
    table = await practices.export_table(session, boss, "en", EN)
    title = table.names.index("title")
    assert sorted(row[title] for row in table.rows) == ["Newer", "Older"]
    kind = table.names.index("coordination_type")
    assert {row[title]: row[kind] for row in table.rows} == {
        "Older": "Vertical (between central government and local administration)",
        "Newer": "Regional, with neighbouring states"}  # each read with its own version
