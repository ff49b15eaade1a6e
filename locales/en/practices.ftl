# National coordination practices (action plan item 8): submit, review, circulate.

practices-menu = 🤝 Practices
practices-untitled = (untitled practice)
practices-status = { $status ->
    [draft] draft
    [submitted] submitted, awaiting review
    [returned] returned for changes
    [accepted] accepted
    [circulated] circulated to the member states
   *[other] { $status }
}
practices-own-head = <b>🤝 National coordination practices of { $state }</b>
    Horizontal coordination (between ministries and institutions) and vertical coordination (between central government and local administration) on migration and asylum, under item 8 of the action plan. Send as many practices as your state has, one record each.

    { $count ->
        [0] No practice yet: start one with “New practice”.
        [one] One practice:
       *[other] { $count } practices:
    }
practices-new = ➕ New practice
practices-shared-menu = 🌍 Practices from other states
practices-detail = <b>{ $title }</b>
    { $state } · { $status ->
        [draft] 📝 draft
        [submitted] 📨 submitted, awaiting review
        [returned] ↩️ returned for changes
        [accepted] ✅ accepted
        [circulated] 🌍 circulated
       *[other] { $status }
    }
practices-comment = 💬 <b>The Secretariat's comment:</b> { $comment }
practices-edit = ✏️ Edit and submit
practices-view = 👁 View
practices-closed-note = 🔒 The Secretariat has closed the practice form: this practice cannot be changed until it is reopened.
practices-review-head = <b>🤝 Practices sent by the member states</b>
    { $count ->
        [0] None has been sent yet.
        [one] One practice
       *[other] { $count } practices
    }{ $waiting ->
        [0] {""}
        [one] , one awaiting your review (first in the list).
       *[other] , { $waiting } awaiting your review (first in the list).
    }
practices-circulate = 📣 Circulate accepted practices
practices-export-xlsx = 📊 Excel (.xlsx)
practices-export-docx = 📄 Word to circulate (.docx)
practices-export-docx-all = 🗂 Word, all sent (internal)
practices-cleared = { $cleared ->
    [yes] 🔓 The state allows circulation to the other member states.
   *[no] 🔒 The state does not allow circulation: it stays with the Secretariat.
}
practices-documents = 📎 Documents
practices-accept = ✅ Accept
practices-return = ↩️ Return with a comment
practices-comment-prompt = Type the comment for { $state } on “{ $title }”. The practice goes back to the state's focal points, who see your comment beside it.
practices-comment-invalid = Please type the comment as text (at most { $limit } characters).
practices-decided = { $decision ->
    [accepted] Accepted. The state's focal points are told.
   *[returned] Returned with your comment. The state's focal points are told.
}
practices-circulate-confirm = { $count ->
    [0] No accepted practice is waiting to be circulated. Only practices whose state allows circulation are circulated.
    [one] One accepted practice will be sent to the focal points of the other member states, each in their language.
   *[other] { $count } accepted practices will be sent to the focal points of the other member states, each in their language.
}
practices-circulate-yes = 📣 Circulate now
practices-circulated = Circulated: { $count ->
    [one] one practice
   *[other] { $count } practices
}, sent to { $people ->
    [one] one focal point
   *[other] { $people } focal points
}.
practices-refused = { $reason ->
    [no-form] The Secretariat is not taking new practices at the moment (the practice form is closed).
    [wrong-status] This practice is no longer awaiting a decision.
    [nothing-to-circulate] There is no accepted practice to circulate.
    [other-state] This practice is not available to you.
    [form-closed] The practice form is closed.
   *[other] This practice is not available.
}
practices-file-name = { $internal ->
    [yes] practices-internal
   *[no] practices
}
practices-export-caption = { $count ->
    [0] No practice has been sent yet.
    [one] One practice.
   *[other] { $count } practices.
}
practices-doc-title = { $internal ->
    [yes] National coordination practices sent by the member states (internal: not for circulation)
   *[no] National coordination practices on migration and asylum
}
practices-doc-state = State
practices-doc-status = Status
practices-doc-none = { $internal ->
    [yes] No practice has been sent yet.
   *[no] No accepted practice may be circulated yet.
}
practices-document-caption = 📎 { $name } · { $title }
practices-shared-head = <b>🌍 Practices circulated by other member states</b>
    { $count ->
        [0] None matches yet.
        [one] One practice:
       *[other] { $count } practices:
    }
practices-filter-state = State: { $state }
practices-filter-kind = Coordination: { $kind }
practices-filter-objective = Objective: { $objective }
practices-by-state = 🏳️ By state
practices-by-kind = 🔀 By coordination
practices-by-objective = 🎯 By GCM objective
practices-clear-filters = ✖️ All practices
practices-pick-state = Practices of which state?
practices-pick-kind = Which type of coordination?
practices-pick-objective = Which objective of the Global Compact for Migration?
practices-notice-submitted = 🤝 { $state } { $again ->
    [yes] has resubmitted a practice after your comment
   *[no] has submitted a practice
}: “{ $title }”. Review it under 🤝 Practices.
practices-notice-decided = 🤝 { $decision ->
    [accepted] The Secretariat has accepted your state's practice “{ $title }”.
    [circulated] The Secretariat has circulated your state's practice “{ $title }” to the other member states.
   *[returned] The Secretariat has returned your state's practice “{ $title }” for changes: { $comment }
    Edit and resubmit it under 🤝 Practices.
}
practices-digest-head = <b>🌍 Coordination practices circulated by the Secretariat</b>
    { $count ->
        [one] One practice from another member state:
       *[other] { $count } practices from other member states:
    }
practices-digest-line = • { $state }: { $title } ({ $kind })
practices-digest-more = … and { $count } more.
practices-digest-foot = Read them and download their documents under 🤝 Practices → 🌍 Practices from other states.
practices-review-foot = { $missing ->
    [0] { $status ->
        [submitted] Sent to the Secretariat, awaiting its review.
        [accepted] Accepted by the Secretariat.
        [circulated] Circulated to the other member states.
       *[other] All required questions are answered: “Submit” sends the practice to the Secretariat. Press ✏️ and a number to change an answer.
    }
    [one] One required question is still unanswered.
   *[other] { $missing } required questions are still unanswered.
}
practices-confirm = Send this practice to the Secretariat on behalf of your state? It can no longer be changed unless the Secretariat returns it with a comment.
practices-history-entry = { $action ->
    [create] <b>🆕 Practice started</b>
    [return] <b>↩️ Returned by the Secretariat:</b> { $comment }
    [accept] <b>✅ Accepted by the Secretariat</b>
   *[circulate] <b>🌍 Circulated to the other member states</b>
}
    <i>{ $name }, { DATETIME($at, dateStyle: "medium", timeStyle: "short") }</i>
practices-history = 🕓 History
practices-admin-detail =
    <b>{ $title }</b> · version { $version }
    { $status ->
        [open] 🟢 Open: states send practices all year
       *[other] 🔒 Closed: no new practice can be started
    } — { $questions } questions
    { $sent ->
        [0] No practice has been sent yet.
        [one] One practice sent; review it under 🤝 Practices.
       *[other] { $sent } practices sent; review them under 🤝 Practices.
    }
    { $board }
practices-admin-reopen = 🟢 Open again for practices
