"""Summaries, charts and exports of a questionnaire, sent to the secretariat's chat."""

import asyncio
import html
from collections.abc import Awaitable, Callable

from aiogram.exceptions import TelegramRetryAfter
from aiogram.types import BufferedInputFile, InputMediaPhoto

from dialogs.formatting import clip
from services import form_catalog, form_reports, member_states, practices, submissions
from storage.models import FormKind

CHUNK = 3500  # under Telegram's 4096, leaving room for markup
ALBUM = 10  # Telegram's most photos in one album (and at least 2)
CAPTION = 900  # of a question's label, under Telegram's 1024 characters of a caption
PATIENCE = 30  # seconds worth waiting when Telegram asks to slow down; longer is an error


def summary_lines(summary: form_reports.QuestionSummary, defn, l10n,
                  states: dict[str, str] | None = None) -> list[str]:
    """`states`: the member states' names in the reader's language, by ISO code."""
    states = states or {}
    locale = l10n.locale
    lines = [f"<b>{html.escape(defn.text(summary.question.label, locale))}</b>",
             l10n("forms-summary-answered", count=summary.answered)]
    for choice in summary.choices:
        label = html.escape(defn.text(choice.label, locale))
        lines.append(f"• {label}: {choice.count} ({choice.percent:g}%)")
    if summary.mean is not None:
        lines.append(l10n("forms-summary-numbers", mean=round(summary.mean, 2),
                          low=str(summary.minimum), high=str(summary.maximum)))
    if summary.question.type == "date" and summary.minimum is not None:
        lines.append(l10n("forms-summary-dates", earliest=summary.minimum,
                          latest=summary.maximum))
    for code, text in (summary.texts + summary.other_texts)[:20]:
        name = html.escape(states.get(code, code))
        lines.append(f"• {name}: {html.escape(str(text))[:300]}")
    return lines


async def send_summaries(data: dict, form_id: int, chat_id: int) -> None:
    session, user, l10n, bot = data["session"], data["user"], data["l10n"], data["bot"]
    found = await form_reports.summaries(session, user, form_id)
    if not found:
        await bot.send_message(chat_id, l10n("forms-summary-none"))
        return
    defn = submissions.definition(await _form(data, form_id))
    states = {state.code: state.name(l10n.locale)
              for state in await member_states.list_states(session, l10n.locale)}
    chunk = ""
    for summary in found:
        block = "\n".join(summary_lines(summary, defn, l10n, states)) + "\n\n"
        if len(chunk) + len(block) > CHUNK and chunk:
            await bot.send_message(chat_id, chunk)
            chunk = ""
        chunk += block[:CHUNK]
    if chunk:
        await bot.send_message(chat_id, chunk)
    charts = [summary for summary in found if summary.choices and summary.answered]
    await send_charts(bot, chat_id, charts, defn, l10n)


def album_sizes(count: int) -> list[int]:
    """Albums of at most ALBUM photos, as even as can be, so none is left with one photo
    (an album needs two) unless there is only one."""
    albums = -(-count // ALBUM)
    if not albums:
        return []
    size, bigger = divmod(count, albums)
    return [size + 1] * bigger + [size] * (albums - bigger)


async def send_charts(bot, chat_id: int, charts: list[form_reports.QuestionSummary], defn,
                      l10n) -> None:
    """One bar chart per choice question, in albums, each captioned with its question."""
    photos = []
    for summary in charts:
        caption = html.escape(clip(defn.text(summary.question.label, l10n.locale), CAPTION))
        shown = len(form_reports.chart_choices(summary))
        if shown < len(summary.choices):
            caption += "\n" + l10n("forms-chart-top", shown=shown, count=len(summary.choices))
        png = form_reports.chart_png(summary, l10n.locale)
        photos.append((BufferedInputFile(png, f"{summary.question.name}.png"), caption))
    start = 0
    for size in album_sizes(len(photos)):
        part, start = photos[start:start + size], start + size
        if size == 1:
            photo, caption = part[0]
            await _patiently(bot.send_photo, chat_id, photo, caption=caption)
        else:
            album = [InputMediaPhoto(media=photo, caption=caption) for photo, caption in part]
            await _patiently(bot.send_media_group, chat_id, album)


async def _patiently(send: Callable[..., Awaitable], *args, **kwargs) -> None:
    """Send, waiting once if Telegram says to slow down (albums count as many messages)."""
    try:
        await send(*args, **kwargs)
    except TelegramRetryAfter as error:
        if error.retry_after > PATIENCE:
            raise
        await asyncio.sleep(error.retry_after)
        await send(*args, **kwargs)


def export_words(l10n) -> form_reports.ExportWords:
    """The words inside an exported file, in the reader's language."""
    return form_reports.ExportWords(
        columns={name: l10n.plain("forms-export-column", column=name)
                 for name in form_reports.FIXED_COLUMNS},
        statuses={status: l10n.plain("forms-export-status", status=status)
                  for status in form_reports.STATUSES},
        other=l10n.plain("forms-export-other"),
        ok=l10n.plain("forms-export-ok"),
        separator=l10n.plain("forms-export-separator"),
    )


async def send_export(data: dict, form_id: int, chat_id: int, kind: str) -> None:
    session, user, l10n, bot = data["session"], data["user"], data["l10n"], data["bot"]
    form = await _form(data, form_id)
    if form.kind == FormKind.PRACTICE:  # the practices' rules: never a state's draft
        table = await practices.export_table(session, user, l10n.locale, export_words(l10n))
    else:
        table = await form_reports.export_table(session, user, form_id, l10n.locale,
                                                export_words(l10n))
    if kind == "xlsx":
        content = form_reports.export_xlsx(table, locale=l10n.locale)
    else:
        content = form_reports.export_csv(table)
    name = f"{form.key}-{form.version}.{kind}"
    await bot.send_document(chat_id, BufferedInputFile(content, name),
                            caption=l10n("forms-export-caption", count=len(table.rows)))


async def _form(data: dict, form_id: int):
    return await form_catalog.get_form(data["session"], data["user"], form_id)


async def send_outline(data: dict, form_id: int, chat_id: int) -> None:
    """Every question as focal points will meet it: section, label, type, choices, rules.
    Notes are shown unnumbered, so the numbers match the survey's "4 / 12"."""
    l10n, bot = data["l10n"], data["bot"]
    form = await _form(data, form_id)
    defn = submissions.definition(form)
    locale, chunk, section, number = l10n.locale, "", None, 0
    for question in defn.questions:
        lines = []
        title = defn.text(question.section, locale) if question.section else ""
        if title and title != section:
            lines.append(f"\n<b>{html.escape(title)}</b>")
            section = title
        label = html.escape(defn.text(question.label, locale))
        if question.type in submissions.ANSWERLESS:
            lines.append(f"ℹ️ <i>{label}</i>")
        else:
            number += 1
            mark = "*" if question.required or question.required_if else ""
            lines.append(f"{number}. {label}{mark} "
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
