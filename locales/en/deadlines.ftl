## What a state owes, and reminders

deadline-stage = { $stage ->
    [submitted] ✅ submitted
    [draft] ✏️ in progress
    [late] ⚠️ late
   *[not-started] ⭕ not started
}
deadline-stage-done = { $stage ->
    [submitted] ✅ done
    [late] ⚠️ late
   *[other] ⭕ not done yet
}
deadline-days-left = { $days ->
    [0] due today
    [one] 1 day left
   *[other] { $days } days left
}
deadline-days-late = { $days ->
    [0] overdue since today
    [one] 1 day overdue
   *[other] { $days } days overdue
}
deadline-due = Due { DATETIME($due, dateStyle: "long", timeStyle: "short") } ({ $zone } time)
deadline-item = Action plan item { $number }

reminder-text =
    ⏰ <b>Reminder</b> — { $days_text }
    <b>{ $what }</b>
    { $item }: { $item_title }
    { $due }
    Your state: { $stage }
reminder-open-form = 📝 Open the questionnaire
reminder-open-task = 📋 Open

owed-menu = 📅 What my state owes
owed-title = <b>What { $state } owes</b>
owed-empty = Nothing is due at the moment.
owed-line = { $stage } · { $what }{ $has_when ->
        [yes] {" "}— { $when }
       *[no] {""}
    }
owed-detail =
    <b>{ $what }</b>
    { $item }: { $item_title }
    { $due }{ $has_when ->
        [yes] {" "}— { $when }
       *[no] {""}
    }
    Status for { $state }: { $stage }
owed-task-hint = When your state has done this, press “Mark as done”; any focal point of your state can undo it.
owed-form-closed = The questionnaire is not open for answers at the moment.
owed-answer = 📝 Answer the questionnaire
owed-review = 📄 See your state's answers
owed-mark-done = ✅ Mark as done
owed-undo-done = ↩️ Not done yet
owed-marked = { $done ->
    [yes] Marked as done for your state.
   *[no] Marked as not done yet.
}
owed-refused = { $reason ->
    [not-concerned] This deadline does not concern your state.
    [not-a-task] This is answered through its questionnaire.
   *[other] This deadline is closed or no longer exists.
}

## The weekly digest for the secretariat

digest-title = 🗓 <b>Weekly digest</b> — { DATETIME($today, dateStyle: "long") }
digest-line =
    <b>{ $what }</b> ({ $item }) — { DATETIME($due, dateStyle: "medium") }
    ✅ { $submitted } · ✏️ { $draft } · ⭕ { $not_started } · ⚠️ { $late }
digest-late = Late: { $states }
digest-submitted = Submitted: { $states }
digest-more = …and { $count ->
    [one] one more deadline
   *[other] { $count } more deadlines
} under “📅 Deadlines”.
owed-lines = { $lines }
owed-all = ‹ Everything my state owes

## The secretariat's deadlines

deadlines-menu = 📅 Deadlines
deadlines-list = <b>Deadlines</b>
    { $count ->
        [0] None yet. Press “New deadline” to set the first one.
       *[other] Open ones first, the soonest at the top:
    }
deadlines-new = ➕ New deadline
deadlines-detail =
    <b>{ $what }</b>
    { $item }: { $item_title }
    { $due } — { $when }
    For: { $audience }
    Reminders at { $hour } in each state's own time: { $offsets }{ $overdue ->
        [0] .
       *[other] ; then every { $overdue } days while overdue, at most { $overdue_max } times.
    }
    { $status ->
        [closed] 🔒 Closed: no reminders, and the states no longer see it.
       *[open] ✅ { $submitted } submitted · ✏️ { $draft } in progress · ⭕ { $not_started } not started · ⚠️ { $late } late
    }
deadlines-stages = { $stages }
deadlines-stage-line = { $stage }: { $states }
deadlines-all-states = all member states
deadlines-offset = { $days ->
    [0] on the day
    [one] 1 day before
   *[other] { $days } days before
}
deadlines-no-offsets = none before the date
deadlines-move = 📅 Move the date
deadlines-set-offsets = ⏰ Reminder days
deadlines-set-states = 👥 Member states
deadlines-history = 📜 Reminders
deadlines-close = 🔒 Close this deadline
deadlines-reopen = 🔓 Reopen
deadlines-saved = Saved.
deadlines-moved = The date is moved; the reminders are planned anew.
deadlines-ask-date = Choose the due day ({ $zone } time).
deadlines-ask-time = At what time on { DATETIME($date, dateStyle: "long") } is it due? ({ $zone } time)
deadlines-ask-offsets = On which days before the due date should reminders go out? Press a day to tick or untick it.
deadlines-save = Save ✓
deadlines-next = Next ›
deadlines-history-title = <b>Reminders — { $what }</b>
deadlines-history-lines = { $lines }
deadlines-history-empty = No reminder has been planned.
deadlines-history-line = { $offset } · { DATETIME($at, dateStyle: "medium") }{ $old ->
        [yes] {" "}(before a change)
       *[no] {""}
    }: { $outcomes }{ $people ->
        [0] {""}
        [one] {" "}— 1 person reached
       *[other] {" "}— { $people } people reached
    }
deadlines-history-sent = Sent to: { $states }
deadlines-outcome = { $outcome ->
    [sent] sent
    [planned] planned
    [submitted] not needed (already submitted)
    [missed] missed (the bot was not running in time)
    [nobody] no focal point
    [not-open] held back (the questionnaire was not open)
    [moved] dropped (date moved)
    [changed] dropped (days changed)
    [reopened] dropped (reopened)
   *[closed] dropped (closed)
} { $count }
deadlines-ask-item = <b>New deadline</b> — which item of the action plan is it for?
deadlines-ask-what = What must the member states deliver: one of these questionnaires (🟢 open, ⚪ not yet open, 🔒 closed), or a task described in words?
deadlines-task = ✍️ A task, described in words
deadlines-ask-task = { $lang ->
    [ar] Type the task in <b>Arabic</b> (at most 500 characters), or skip to write it in English only.
   *[en] Type the task in <b>English</b> (at most 500 characters), or skip.
}
deadlines-skip = Skip ›
deadlines-ask-audience = Which member states does it concern?
deadlines-audience-all = All member states
deadlines-some-states = Chosen member states…
deadlines-ask-states = Choose the member states (press again to remove one), then press “Done”.
deadlines-states-done = Done ✓
deadlines-confirm =
    <b>New deadline</b>
    <b>{ $what }</b>
    { $item }: { $item_title }
    { $due }
    For: { $audience }
    Reminders at { $hour } in each state's own time: { $offsets }; then weekly while overdue, at most 4 times, only to states that have not submitted.{ $form_open ->
        [no] {"\u000A"}⚪ This questionnaire is not open: no reminder goes out until you open it under “🗂 Questionnaires”.
       *[yes] {""}
    }
deadlines-create = ✅ Set the deadline
deadlines-discard = ✖ Discard
deadlines-created = The deadline is set and its reminders are planned.
deadlines-refused = { $reason ->
    [not-in-future] Please choose a moment in the future.
    [no-item] This action plan item no longer exists.
    [no-form] This questionnaire no longer exists.
    [no-task] Please describe the task in at least one language.
    [no-states] Please choose at least one member state.
    [too-long] This is too long (at most { $limit } characters).
    [want-text] Please type the task as text.
    [bad-offsets] These reminder days cannot be used.
    [stale] This button is no longer valid; please start again.
   *[not-found] This deadline no longer exists.
}
