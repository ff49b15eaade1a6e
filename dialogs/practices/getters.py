from aiogram_dialog import DialogManager

from dialogs.formatting import excerpt
from dialogs.practices.display import BODY_LIMIT, answers_html, status_mark
from services import member_states, practices, submissions
from services.timezones import local

CHOICE_LABEL = 100  # characters of a choice on a filter button


def _label(practice: practices.Practice, untitled: str, state: str = "") -> str:
    title = excerpt(practice.title, 40) or untitled
    return f"{status_mark(str(practice.status))} {state + ' · ' if state else ''}{title}"


async def _state_name(session, code: str, locale: str) -> str:
    state = await member_states.get_state(session, code)
    return state.name(locale) if state else code


async def _state_names(session, locale: str) -> dict[str, str]:
    return {s.code: s.name(locale) for s in await member_states.list_states(session, locale)}


async def own_list_getter(dialog_manager: DialogManager, session, user, l10n, **_) -> dict:
    found = await practices.own_practices(session, user)
    untitled = l10n.plain("practices-untitled")
    return {
        "items": [(str(p.id), _label(p, untitled)) for p in found],
        "count": len(found),
        "state": user.member_state.name(l10n.locale) if user.member_state else "",
    }


async def _detail(practice: practices.Practice, session, user, l10n,
                  hidden: tuple[str, ...] = ()) -> dict:
    submitted = practice.submission.submitted_at
    comment = practice.comment or ""  # whole (at most COMMENT_LIMIT): the answers give way
    return {
        "title": practice.title or l10n.plain("practices-untitled"),
        "state": await _state_name(session, practice.state_code, l10n.locale),
        "status": str(practice.status),
        "comment": comment,
        "returned": str(practice.status) == "returned" and bool(practice.comment),
        "submitted_at": local(submitted, user) if submitted else "",
        "answers": answers_html(practice, l10n.locale, limit=BODY_LIMIT - len(comment),
                                hidden=hidden),
        "documents": len(practice.documents),
        "has_documents": bool(practice.documents),
    }


async def own_detail_getter(dialog_manager: DialogManager, session, user, l10n, **_) -> dict:
    practice = await practices.own_practice(session, user,
                                            dialog_manager.dialog_data["practice_id"])
    data = await _detail(practice, session, user, l10n)
    # a closed form takes no answer (submissions.is_open), a returned practice's neither
    waiting = str(practice.status) in ("draft", "returned")
    data["editable"] = waiting and submissions.is_open(practice.submission.form)
    data["closed"] = waiting and not data["editable"]
    return data


async def review_list_getter(dialog_manager: DialogManager, session, user, l10n, **_) -> dict:
    found = await practices.for_review(session, user)
    untitled = l10n.plain("practices-untitled")
    names = await _state_names(session, l10n.locale)
    items = [(str(p.id), _label(p, untitled, names.get(p.state_code, p.state_code)))
             for p in found]
    return {
        "items": items,
        "count": len(found),
        "waiting": sum(1 for p in found if str(p.status) == "submitted"),
    }


async def review_detail_getter(dialog_manager: DialogManager, session, user, l10n,
                               **_) -> dict:
    practice = await practices.readable(session, user, dialog_manager.dialog_data["practice_id"])
    data = await _detail(practice, session, user, l10n)
    data["can_decide"] = str(practice.status) == "submitted"
    data["cleared"] = "yes" if practice.cleared else "no"
    return data


async def circulate_getter(dialog_manager: DialogManager, session, user, l10n, **_) -> dict:
    found = await practices.to_circulate(session, user)
    return {"count": len(found)}


def filters_of(dialog_manager: DialogManager) -> practices.Filters:
    data = dialog_manager.dialog_data
    return practices.Filters(data.get("state"), data.get("coordination"), data.get("objective"))


async def _chosen_label(session, question: str, name: str, locale: str) -> str:
    for defn, choice in await practices.filter_choices(session, question):
        if choice.name == name:
            return defn.text(choice.label, locale)
    return ""


async def shared_list_getter(dialog_manager: DialogManager, session, user, l10n, **_) -> dict:
    filters = filters_of(dialog_manager)
    found = await practices.shared(session, user, filters)
    locale = l10n.locale
    untitled = l10n.plain("practices-untitled")
    names = await _state_names(session, locale)
    items = [(str(p.id), _label(p, untitled, names.get(p.state_code, p.state_code)))
             for p in found]
    state = await _state_name(session, filters.state, locale) if filters.state else ""
    kind = objective = ""
    if filters.coordination:
        kind = await _chosen_label(session, practices.COORDINATION_QUESTION,
                                   filters.coordination, locale)
    if filters.objective:
        objective = excerpt(await _chosen_label(session, practices.OBJECTIVES_QUESTION,
                                                filters.objective, locale), 60)
    return {
        "items": items, "count": len(found),
        "state": state, "kind": kind, "objective": objective,
        "filtered": bool(filters.state or filters.coordination or filters.objective),
    }


async def shared_states_getter(dialog_manager: DialogManager, session, user, l10n,
                               **_) -> dict:
    states = await member_states.list_states(session, l10n.locale)
    return {"items": [(s.code, s.name(l10n.locale)) for s in states
                      if s.code != user.member_state_code]}


async def _choices_getter(session, name: str, locale: str) -> dict:
    choices = await practices.filter_choices(session, name)
    return {"items": [(str(i), excerpt(defn.text(c.label, locale), CHOICE_LABEL))
                      for i, (defn, c) in enumerate(choices)]}


async def shared_coordination_getter(dialog_manager: DialogManager, session, l10n,
                                     **_) -> dict:
    return await _choices_getter(session, practices.COORDINATION_QUESTION, l10n.locale)


async def shared_objectives_getter(dialog_manager: DialogManager, session, l10n,
                                   **_) -> dict:
    return await _choices_getter(session, practices.OBJECTIVES_QUESTION, l10n.locale)


async def shared_detail_getter(dialog_manager: DialogManager, session, user, l10n,
                               **_) -> dict:
    practice = await practices.readable(session, user, dialog_manager.dialog_data["practice_id"])
    # the other states read what was circulated, not whether the state allowed it
    return await _detail(practice, session, user, l10n, hidden=(practices.CIRCULATE_QUESTION,))

