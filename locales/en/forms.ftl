menu-surveys = 📝 Questionnaires

survey-list = <b>Questionnaires</b>
    { $count ->
        [0] No questionnaire is open at the moment.
       *[other] Open questionnaires for your state (answers so far / questions):
    }
survey-section = <b>{ $section }</b>
survey-question =
    <i>{ $form_title }</i> — { $number } / { $total }
    <b>{ $label }</b>
survey-hint = <i>{ $hint }</i>
survey-type-prompt = { $type ->
    [date] ✍️ Choose the day in the calendar, or type the date and send it (for example 20/06/2025).
   *[other] ✍️ Type your answer and send it.
}
survey-current = Current answer: { $current }
survey-changed = Last changed by { $changed_by }, { DATETIME($changed_at, dateStyle: "medium", timeStyle: "short") }.
survey-multi-done = Done ✓
survey-ack = ✓ I confirm
survey-next = Next ›
survey-prev = ‹ Previous
survey-skip = Skip ›
survey-leave = 💾 Save and leave
survey-other = <b>{ $label }</b>
    Please type the other answer:
survey-review-head = <b>{ $form_title }</b> — { $status ->
        [submitted] submitted on { DATETIME($submitted_at, dateStyle: "medium", timeStyle: "short") }
       *[other] your state's answers
    }{ $pages ->
        [1] {""}
       *[other] {" "}(page { $page } of { $pages })
    }
survey-review-line =
    { $number }. { $label }
    {"   "}→ { $value }
survey-review-foot = { $missing ->
    [0] { $status ->
        [submitted] You can reopen it to make changes until the questionnaire closes.
       *[other] All required questions are answered. Press ✏️ and a number to change an answer.
    }
    [one] One required question is still unanswered.
   *[other] { $missing } required questions are still unanswered.
}
survey-page-prev = ‹ Earlier questions
survey-page-next = Later questions ›
survey-history = 🕓 History of changes
survey-history-head =
    <b>{ $form_title }</b> — history of changes
    { $count ->
        [0] Nothing has been answered yet.
       *[other] { $pages ->
            [1] Newest first:
           *[other] Newest first (page { $page } of { $pages }):
        }
    }
survey-history-entry = { $action ->
    [answer] <b>{ $number }. { $label }</b>
        → { $value }
    [clear] <b>{ $number }. { $label }</b>
        → skipped (no answer)
    [submit] <b>📨 Submitted for the state</b>
    [reopen] <b>✏️ Reopened for changes</b>
   *[other] <b>{ $number }. { $label }</b>
}
    <i>{ $name }, { DATETIME($at, dateStyle: "medium", timeStyle: "short") }</i>
survey-history-newer = ‹ Newer
survey-history-older = Older ›
survey-keep = Keep this answer ›
survey-note =
    <i>{ $form_title }</i>
    <b>{ $label }</b>
forms-closes = Open until { DATETIME($closes, dateStyle: "long", timeStyle: "short") } ({ $zone } time).
survey-submit = 📨 Submit for my state
survey-reopen = ✏️ Reopen to edit
survey-confirm = Submit these answers on behalf of your state? The other focal points of your state see the same answers; the questionnaire can be reopened until it closes.
survey-confirm-yes = ✅ Yes, submit
survey-submitted = Submitted. Thank you.
survey-saved = Your answers are saved. Come back any time: you will continue where you stopped.
survey-conflict = Another focal point of your state changed this answer meanwhile. It is now: { $current }
    Answer again if you want to change it.
survey-refused = { $reason ->
    [form-closed] This questionnaire is closed.
    [already-submitted] Your state's answers were submitted; reopen them to make changes.
    [required] Some required questions are still unanswered.
    [other-state] This belongs to another member state.
   *[other] This questionnaire is not available.
}
survey-invalid = { $reason ->
    [type] { $type ->
        [integer] Please type a whole number, for example 12.
        [decimal] Please type a number without thousands separators, for example 1500 or 12.5 (a comma only before one or two decimals: 12,5).
        [date] Please type a date as DD/MM/YYYY or YYYY-MM-DD (for example 20/06/2025), or choose it in the calendar.
       *[choice] Please choose one of the buttons.
    }
    [required] This question needs an answer.
    [too-long] This answer is too long (at most { $limit } characters).
    [constraint] This answer is not accepted here.
    [want-document] Please send the file as a document (📎 → File).
    [type-it] { $type ->
        [date] Please type the date and send it, or choose the day in the calendar.
       *[other] Please type your answer and send it as a message.
    }
    [file-too-big] This file is larger than { $limit } MB.
   *[use-buttons] Please answer with the buttons below.
}
survey-broken = Not submitted: the answer to question { $number } ({ $label }) is no longer accepted with the other answers. { $why }
    Change it (or the answers it depends on), then submit again.
survey-fix = ✏️ Go to question { $broken }
survey-closed-notice = 🔒 This questionnaire is closed: your state's answers can be read, no longer changed.
