"""Summaries, charts and exports of a questionnaire, sent to the secretariat's chat."""

import html

from aiogram.types import BufferedInputFile

from services import form_catalog, form_reports, submissions

CHUNK = 3500  # under Telegram's 4096, leaving room for markup


def summary_lines(summary: form_reports.QuestionSummary, defn, l10n) -> list[str]:
    locale = l10n.locale
    lines = [f"<b>{html.escape(defn.text(summary.question.label, locale))}</b>",
             l10n("forms-summary-answered", count=summary.answered)]
    for choice in summary.choices:
        label = html.escape(defn.text(choice.label, locale))
        lines.append(f"• {label}: {choice.count} ({choice.percent:g}%)")
    if summary.mean is not None:
        lines.append(l10n("forms-summary-numbers", mean=round(summary.mean, 2),
                          low=str(summary.minimum), high=str(summary.maximum)))
    for code, text in (summary.texts + summary.other_texts)[:20]:
        lines.append(f"• {code}: {html.escape(str(text))[:300]}")
    return lines


async def send_summaries(data: dict, form_id: int, chat_id: int) -> None:
    session, user, l10n, bot = data["session"], data["user"], data["l10n"], data["bot"]
    found = await form_reports.summaries(session, user, form_id)
    if not found:
        await bot.send_message(chat_id, l10n("forms-summary-none"))
        return
    defn = submissions.definition(await _form(data, form_id))
    chunk = ""
    for summary in found:
        block = "\n".join(summary_lines(summary, defn, l10n)) + "\n\n"
        if len(chunk) + len(block) > CHUNK and chunk:
            await bot.send_message(chat_id, chunk)
            chunk = ""
        chunk += block[:CHUNK]
    if chunk:
        await bot.send_message(chat_id, chunk)
    for summary in found:
        if summary.choices and summary.answered:
            png = form_reports.chart_png(summary, l10n.locale)
            await bot.send_photo(chat_id, BufferedInputFile(png, f"{summary.question.name}.png"))


async def send_export(data: dict, form_id: int, chat_id: int, kind: str) -> None:
    session, user, l10n, bot = data["session"], data["user"], data["l10n"], data["bot"]
    form = await _form(data, form_id)
    header, rows = await form_reports.export_rows(session, user, form_id, l10n.locale)
    if kind == "xlsx":
        content = form_reports.export_xlsx(header, rows, locale=l10n.locale)
    else:
        content = form_reports.export_csv(header, rows)
    name = f"{form.key}-{form.version}.{kind}"
    await bot.send_document(chat_id, BufferedInputFile(content, name),
                            caption=l10n("forms-export-caption", count=len(rows)))


async def _form(data: dict, form_id: int):
    return await form_catalog.get_form(data["session"], data["user"], form_id)


async def send_outline(data: dict, form_id: int, chat_id: int) -> None:
    """Every question as focal points will meet it: section, label, type, choices, rules."""
    l10n, bot = data["l10n"], data["bot"]
    form = await _form(data, form_id)
    defn = submissions.definition(form)
    locale, chunk, section = l10n.locale, "", None
    for number, question in enumerate(defn.questions, start=1):
        lines = []
        title = defn.text(question.section, locale) if question.section else ""
        if title and title != section:
            lines.append(f"\n<b>{html.escape(title)}</b>")
            section = title
        mark = "*" if question.required or question.required_if else ""
        lines.append(f"{number}. {html.escape(defn.text(question.label, locale))}{mark} "
                     f"<i>({l10n.plain('forms-type', type=question.type)})</i>")
        lines += [f"   ◦ {html.escape(defn.text(c.label, locale))}" for c in question.choices]
        if question.relevant:
            lines.append(f"   ↳ <code>{html.escape(question.relevant)}</code>")
        block = "\n".join(lines) + "\n"
        if len(chunk) + len(block) > CHUNK and chunk:
            await bot.send_message(chat_id, chunk)
            chunk = ""
        chunk += block[:CHUNK]
    await bot.send_message(chat_id, chunk or "—")
