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
owed-line = { $stage } · { $what } — { $when }
owed-detail =
    <b>{ $what }</b>
    { $item }: { $item_title }
    { $due } — { $when }
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
digest-more = …and { $count ->
    [one] one more deadline
   *[other] { $count } more deadlines
} under “📅 Deadlines”.
