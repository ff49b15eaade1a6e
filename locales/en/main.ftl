## Shared words

common-back = ‹ Back
common-done = Done
common-close = Close

role-label = { $role ->
    [secretariat] Secretariat
   *[focal_point] Focal point
}

status-label = { $status ->
    [active] Active
    [suspended] Suspended
   *[pending] Not yet joined
}

command-menu = Main menu
command-language = Change language
command-help = What this bot does

## Access

access-none =
    <b>ARCP focal points</b>
    This bot serves the national focal points of the Arab Regional Consultative Process on Migration and Asylum and its secretariat at the League of Arab States.
    To use it you need a personal invitation link. Please ask the secretariat (Department of Refugees, Expatriates and Migration) to send you one, then open it in Telegram.
access-suspended =
    <b>Your access is suspended.</b>
    Please contact the ARCP secretariat at the League of Arab States if you think this is a mistake.

## Onboarding

onboarding-welcome =
    <b>Welcome to the ARCP focal-point bot.</b>
    Please choose your language.
onboarding-confirm =
    { $role ->
        [secretariat] You are invited to join the <b>ARCP secretariat</b>.
       *[focal_point] You are invited to join as a national focal point of <b>{ $state }</b>.
    }
    Press “Join” to confirm.
onboarding-join = ✅ Join
onboarding-cancel = Cancel

onboarding-cancelled = Not joined. You can open the invitation link again while it is valid.

invite-refused = { $reason ->
    [expired] This invitation link has expired. Please ask the secretariat for a new one.
    [used] This invitation link has already been used. Please ask the secretariat for a new one.
    [revoked] This invitation link was withdrawn. Please ask the secretariat for a new one.
    [registered] You are already registered; the invitation was not used.
    [suspended] Your access is suspended; the invitation cannot be used. Please contact the secretariat.
   *[unknown] This invitation link is not valid. Please check that you opened the whole link, or ask the secretariat for a new one.
}

## Main menu

menu-title = { $role ->
    [secretariat]
        <b>ARCP secretariat</b>
        Welcome, { $name }. What would you like to do?
   *[focal_point]
        <b>ARCP — focal point of { $state }</b>
        Welcome, { $name }. What would you like to do?
}
menu-invite = ✉️ Invite focal points
menu-users = 👥 Users
menu-language = 🌐 Language
menu-help = ❔ Help

help-text = { $role ->
    [secretariat]
        <b>What this bot does</b>
        It connects the secretariat of the Arab Regional Consultative Process on Migration and Asylum with the national focal points of the League's member states.
        • <b>Invite focal points</b>: create a personal link for a member state (or for a colleague of the secretariat) and send it to the person.
        • <b>Users</b>: see who has joined and suspend or reinstate access.
        • <b>Announcements</b>: write to all focal points, some states or one language, now or at a chosen hour, and follow the delivery.
        • <b>Questionnaires</b>: publish an XLSForm, follow which states answered, read summaries and charts, export the answers.
        • <b>Deadlines</b>: set what the states owe and by when; reminders go to the states that have not submitted, and every Sunday you get a digest.
        • <b>🤝 Practices</b>: read the national coordination practices the states send, accept them or return them with a comment, circulate the accepted ones to the other states, export them (Excel, Word).
        • <b>Action plan</b>: the plan's items and dates; import a new plan.
        Commands: /menu main menu · /language change language · /help this text.
   *[focal_point]
        <b>What this bot does</b>
        It connects you, as a national focal point of { $state }, with the secretariat of the Arab Regional Consultative Process on Migration and Asylum.
        • <b>What my state owes</b>: the open deadlines of your state, their status and the days left.
        • <b>Questionnaires</b>: answer for your state, one question at a time; leave and come back whenever you like. All focal points of your state share one answer.
        • <b>🤝 Practices</b>: send your state's national coordination practices (as many as it has) to the secretariat, and read those circulated from other states.
        • <b>Announcements</b>: the latest messages of the secretariat.
        • <b>Action plan</b>: the plan's items, activities and dates.
        Reminders come before a deadline, at { $reminder_hour } your time, until your state submits.
        Commands: /menu main menu · /language change language · /help this text.
}

language-choose = Choose your language:
language-changed = Language changed.

## Invitations

invite-choose-state = <b>Invite</b> — for which member state?
invite-target-secretariat = 🏛 Secretariat colleague
invite-secretariat-target = the Secretariat
invite-options =
    <b>Invitation for { $target }</b>
    How many people may join with this link, and for how long is it valid?
invite-uses = { $count ->
    [one] 1 person
   *[other] { $count } people
}
invite-days = { $count ->
    [one] 1 day
   *[other] { $count } days
}
invite-create = Create link
invite-created =
    <b>Invitation for { $target }</b>
    Send the link below to the person (it is shown only once).
    Valid until { DATETIME($expires, dateStyle: "long", timeStyle: "short") } ({ $zone } time), for { $uses ->
        [one] one person
       *[other] { $uses } people
    }.
invite-share = 📤 Share link
invite-another = Invite another

## Users

users-list = { $count ->
    [0] No one has joined yet.
    [one] <b>1 user</b>
   *[other] <b>{ $count } users</b>
}
users-detail =
    <b>{ $name }</b> ({ $username })
    { $role ->
        [secretariat] Secretariat
       *[focal_point] Focal point of { $state }
    }
    Status: { $status ->
        [active] active
        [suspended] suspended
       *[pending] not yet joined
    }
    Joined: { DATETIME($joined, dateStyle: "medium") }{ $unreachable ->
        [yes] {"\u000A"}🚫 Unreachable since { DATETIME($unreachable_since, dateStyle: "medium") }: Telegram refuses the bot's messages to this person (they blocked the bot or left Telegram). This clears when they write to the bot again.
       *[no] {""}
    }
users-suspend = ⛔ Suspend
users-reinstate = ✅ Reinstate
users-suspended = Access suspended.
users-reinstated = Access reinstated.

## Notices to the secretariat

notice-joined = { $role ->
    [secretariat] 🆕 <b>{ $name }</b> joined the secretariat.
   *[focal_point] 🆕 <b>{ $name }</b> joined as a focal point of <b>{ $state }</b>.
}

## Errors

error-stale = This menu has expired. Here is the current one.
error-expired = This menu has expired.
error-not-allowed = This is not available to you.
error-unknown-message = I did not understand that. Please use the buttons of the menu below.
error-internal = Something went wrong on our side. Nothing you saved was lost; please try again.
error-slow-down = You are sending messages very fast; please wait a moment.
