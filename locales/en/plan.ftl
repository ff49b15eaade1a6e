## The action plan

plan-menu = 📋 Action plan
plan-none =
    <b>Action plan</b>
    No action plan has been loaded yet.
plan-main =
    📋 <b>{ $title }</b>
    { $period }
plan-upcoming-head = <b>Coming up</b>
plan-upcoming-none = No dated event of this plan is coming up.
plan-event = • { $when } — { $title }{ $has_place ->
    [yes] , { $place }
   *[no] {""}
}{ $yearly ->
    [yes] {" "}(every year)
   *[no] {""}
}
plan-items-head = { $count ->
    [0] The plan has no items.
    [one] The plan's item — press it to read its activities:
   *[other] The plan's { $count } items — press one to read its activities:
}
plan-item-head =
    <b>Item { $number }</b> — { $title }{ $pages ->
        [1] {""}
       *[other] {" "}· page { $page }/{ $pages }
    }
plan-item-gone = This item is no longer part of the plan.
plan-activities-head = { $count ->
    [one] <b>Activity</b>
   *[other] <b>Activities ({ $count })</b>
}
plan-activity =
    <b>{ $number }.</b> { $actor ->
        [secretariat] 🏛 The secretariat
        [member_states] 🌍 The member states
       *[both] 🤝 The member states and the secretariat
    } · { $when }
    { $text }
plan-year = { $year }
plan-years = { $first }–{ $last }
plan-events-head = <b>Dates</b>
plan-page-prev = ‹ Previous page
plan-page-next = Next page ›
plan-all-items = ‹ All items

## Importing a plan (secretariat)

plan-import = ⬆️ Import a plan (.json)
plan-ask-upload =
    Send the new action plan as a <b>.json</b> file (a document, at most 1 MB), in the shape of the shipped plan (see the README): key, title in Arabic and English, start and end dates, the items with their activities, and the dated events.
    It is checked first; you see what it contains before anything changes.
plan-upload-refused = { $reason ->
    [photo] That is a photo. Please send the plan as a .json file (a document).
    [too-big] This file is too large (at most 1 MB).
    [not-json] This is not a .json file. Please send the plan as a .json document.
   *[not-document] Please send the plan as a .json file (a document).
}
plan-upload-problems = { $count ->
    [one] This plan file cannot be used; one problem:
   *[other] This plan file cannot be used; { $count } problems:
}
    { $problems }
plan-problems-more = … and { $count } more.
# the place of a problem that concerns the whole file
plan-problem-file = the file
plan-problem = • { $where }: { $code ->
    [not-utf8] not UTF-8 text
    [not-json] not valid JSON (line { $line }, column { $column })
    [too-big] larger than 1 MB
    [not-object] should be an object {"{"} … {"}"}
    [not-list] should be a list [ … ]
    [not-text] should be text in double quotes
    [not-integer] should be a whole number
    [not-boolean] should be true or false
    [not-date] should be a date written YYYY-MM-DD
    [missing] missing
    [unknown] not a field of a plan file (misspelt?)
    [empty] empty
    [too-long] too long (at most { $detail } characters)
    [bad-key] not a valid key (letters, digits, - and _, no spaces)
    [bad-choice] should be one of: { $detail }
    [bad-period] should be one of: { $detail }
    [not-positive] should be 1 or more
    [duplicate] used twice
    [before-start] earlier than the start date
    [unknown-item] no item has this number
   *[other] not valid
}
plan-preview =
    <b>{ $title }</b> (key { $key })
    { $period }
    { $items ->
        [one] One item
       *[other] { $items } items
    }, { $activities ->
        [one] one activity
       *[other] { $activities } activities
    }, { $events ->
        [0] no dated events
        [one] one dated event
       *[other] { $events } dated events
    }.
plan-preview-new = This is a new plan. Import it?
plan-preview-same = The plan in the bot is already exactly this; importing changes nothing.
plan-preview-changes =
    A plan with this key is in the bot; importing brings it to this file:
    • plan title and dates: { $plan_changed ->
        [yes] changed
       *[no] unchanged
    }
    • items — new: { $items_added }, changed: { $items_updated }, removed: { $items_removed }
    • dated events — new: { $events_added }, changed: { $events_updated }, removed: { $events_removed }
    Import it?
plan-preview-kept = { $kept ->
    [one] One item missing from the file stays, because deadlines refer to it.
   *[other] { $kept } items missing from the file stay, because deadlines refer to them.
}
plan-import-confirm = ✅ Import
plan-import-cancel = Cancel
plan-imported = ✅ Action plan imported: “{ $title }”.
plan-import-failed = The file could not be read again; nothing was imported. Please send it once more.
plan-deadlines-head = <b>Deadlines</b>
plan-deadline = • { $what } — { $due }{ $has_stage ->
        [yes] {" "}· { $stage }
       *[no] {""}
    }
