## Secretariat

menu-forms = 🗂 Questionnaires
forms-list = <b>Questionnaires</b>
    { $count ->
        [0] None yet.
       *[other] 🟢 open · 📄 not yet open · 🔒 closed
    }
forms-upload = ⬆️ Publish a new questionnaire (.xlsx)
forms-ask-upload = Send the questionnaire as an XLSForm spreadsheet (.xlsx, as used by KoBoToolbox and ODK), with labels in Arabic and English (label::Arabic (ar), label::English (en)). It is checked, then shown here before you open it.
forms-upload-refused = { $reason ->
    [too-big] This file is too large (at most 2 MB).
   *[not-xlsx] Please send an .xlsx file as a document.
}
forms-upload-problems = { $count ->
    [one] The questionnaire cannot be used; one problem:
   *[other] The questionnaire cannot be used; { $count } problems:
}
    { $problems }
forms-uploaded = Questionnaire “{ $title }” (version { $version }) checked and saved. It is not open yet.
forms-upload-known = This questionnaire (“{ $title }”, version { $version }) was already published.
forms-detail =
    <b>{ $title }</b> · version { $version }
    { $status ->
        [open] 🟢 Open
        [closed] 🔒 Closed
       *[draft] 📄 Not yet open
    } — { $questions } questions
    ✅ Submitted ({ $submitted_count }): { $submitted }
    ✍️ In progress ({ $in_progress_count }): { $in_progress }
    ⏳ Not started ({ $not_started_count }): { $not_started }
# between the names of states in a list
forms-list-separator = {", "}
forms-open = 🟢 Open until…
forms-close = 🔒 Close now
forms-closed = The questionnaire is closed; the answers are kept.
forms-ask-close-date = Until which day may the member states answer “{ $title }”? (until 23:59 { $zone } time)
forms-refused = { $reason ->
    [not-in-future] Please choose a day in the future.
   *[other] This cannot be done now.
}
forms-summaries = 📊 Summaries and charts
forms-export-xlsx = ⬇️ Excel (.xlsx)
forms-export-csv = ⬇️ CSV
forms-summary-none = No state has submitted yet.
forms-summary-answered = { $count ->
    [0] No state answered
    [one] 1 state answered
   *[other] { $count } states answered
}
forms-summary-numbers = Average { $mean } (lowest { $low }, highest { $high })
forms-summary-dates = Earliest { DATETIME($earliest, dateStyle: "long") }, latest { DATETIME($latest, dateStyle: "long") }
# below a chart's caption when a question has too many options to draw them all
forms-chart-top = The most chosen options: { $shown } of { $count }.
forms-export-caption = { $count ->
    [0] No state has started yet: the file holds only the headers.
    [one] 1 state's answers, one row per state (drafts marked as such).
   *[other] Answers of { $count } states, one row per state (drafts marked as such).
} The second header row gives each column's name, the same in every language.
# headers and words inside exported files
forms-export-column = { $column ->
    [state_code] State code
    [state] State
    [status] Status
   *[submitted_at] Submitted (UTC)
}
forms-export-status = { $status ->
    [submitted] submitted
    [returned] returned
    [accepted] accepted
    [circulated] circulated
   *[draft] draft
}
forms-export-other = (other)
forms-export-ok = OK
forms-export-separator = {"; "}
forms-outline = 👁 Preview the questions
forms-type = { $type ->
    [integer] whole number
    [decimal] number
    [date] date
    [select_one] one choice
    [select_multiple] several choices
    [note] note
    [acknowledge] confirmation
    [file] document
   *[text] text
}
