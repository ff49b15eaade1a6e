"""How a practice reads in the chat."""

import html

from dialogs.formatting import clip
from dialogs.survey.display import answer_text
from services import practices, submissions

BODY_LIMIT = 2800  # under Telegram's 4096, leaving room for the heading and the comment


def status_mark(status: str) -> str:
    return {"draft": "📝", "submitted": "📨", "returned": "↩️", "accepted": "✅",
            "circulated": "🌍"}.get(status, "•")


def answers_html(practice: practices.Practice, locale: str, *, limit: int = BODY_LIMIT,
                 hidden: tuple[str, ...] = ()) -> str:
    """Every answered question (but `hidden`) as a bold label over its answer, escaped,
    within `limit` characters."""
    defn = practice.definition
    blocks = []
    for question in submissions.answerable(defn, practice.values):
        if question.name == practices.TITLE_QUESTION or question.name in hidden:
            continue
        shown = answer_text(defn, question, practice.values.get(question.name), locale,
                            practice.values)
        if not shown:
            continue
        blocks.append(f"<b>{html.escape(clip(defn.text(question.label, locale), 150))}</b>\n"
                      f"{html.escape(clip(shown, 600))}")
    body, used = [], 0
    for block in blocks:
        if used + len(block) > limit:
            body.append("…")
            break
        body.append(block)
        used += len(block) + 2
    return "\n\n".join(body)


def choice_label(practice: practices.Practice, question: str, locale: str) -> str:
    """The label of a practice's single choice ("" when unanswered)."""
    defn = practice.definition
    try:
        asked = defn.question(question)
    except KeyError:
        return ""
    return answer_text(defn, asked, practice.values.get(question), locale, practice.values)
