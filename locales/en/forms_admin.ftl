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
# one problem of a refused form: where, which column, what
forms-problem = • { $place ->
        [row] row { $row } ({ $name }){ $column ->
            [none] {""}
            [constraint] , constraint
            [relevant] , relevant
            [required] , required
           *[group-relevant] , relevant together with its groups'
        }:{" "}
        [name] { $name }:{" "}
       *[file] {""}
    }{ $code ->
        [repeat] repeat groups are not supported.
        [unsupported-type] the type “{ $type }” is not supported.
        [unknown-reference] ${"{"}{ $reference }{"}"} names no question of the form.
        [choices-from-file] choices from a file are not supported.
        [calculation] calculations are not supported.
        [choice-filter] choice_filter is not supported.
        [default-not-select] a default is only supported on select questions.
        [default-unknown] the default “{ $value }” names no choice of the list.
        [no-label] the question has no label.
        [no-complete-language] no language has a label for every question (rows lacking one: { $lacking }).
        [no-questions] the form has no questions to answer.
        [duplicate-name] the name is already used on row { $first }; every question needs its own name.
        [translated-title] form_title cannot be translated (pyxform fails on form_title::<Language>); give the other languages in title_translation::<Language>.
        [pyxform] { $message }
        [unreadable] the file could not be read as an XLSForm ({ $error }).
        [not-xlsx] the file is not a valid .xlsx workbook.
        [unpacks-too-large] the workbook unpacks to far more than a form needs.
        [too-large] the file is too large for a form.
        [wrong-type] a form must be an .xlsx (or .md) file, not “{ $file }”.
        [xpath-path] XPath paths (“/”) are not supported; refer to a question as ${"{"}name{"}"}.
        [xpath-attribute] attributes (“@”) are not supported.
        [xpath-predicate] predicates (“[ ]”) are not supported.
        [xpath-union] node-set unions (“|”) are not supported.
        [xpath-variable] variables (“$”) are not supported; refer to a question as ${"{"}name{"}"}.
        [xpath-parent] parent steps (“..”) are not supported.
        [xpath-axis] XPath axes (“::”) are not supported.
        [xpath-step] the path step “{ $step }” is not supported; refer to a question as ${"{"}{ $step }{"}"}.
        [unclosed-string] a text in quotes is not closed.
        [unexpected-character] unexpected character “{ $char }”.
        [unclosed-reference] a reference “${"{"}” is not closed.
        [bad-reference] “{ $reference }” is not a valid question name.
        [empty] the expression is empty.
        [unexpected] unexpected “{ $token }”.
        [too-deep] the expression is nested deeper than { $limit } levels.
        [ends-early] the expression ends where a value was expected.
        [expected-value] a value was expected, not “{ $token }”.
        [unclosed-parenthesis] a parenthesis is not closed.
        [expected-parenthesis] “)” was expected, not “{ $token }”.
        [unsupported-function] the function “{ $function }” is not supported.
        [arity] the function “{ $function }” takes { $most ->
            [-1] at least { $fewest }
           *[other] { $fewest } to { $most }
        } arguments, not { $got }.
        [regex-pattern-not-string] regex() needs its pattern as a quoted text.
        [bad-date] date() needs a real day written as 'YYYY-MM-DD'.
        [not-text] the expression is not text.
        [too-long] the expression is longer than { $limit } characters.
        [regex-too-long] the regex pattern is longer than { $limit } characters.
        [regex-invalid] the regex pattern is not valid ({ $error }).
        [regex-too-complex] the regex pattern is too complex.
        [regex-refused] the regex pattern is refused: { $why ->
            [backreference] back-references and conditionals are not supported
            [alternatives-length] alternatives of different lengths inside a repetition
            [alternatives-alike] alternatives starting alike inside a repetition
            [nested-quantifiers] nested repetitions like (a+)+
            [overlapping] too many overlapping repetitions in a row, like \d*\d*\d*
           *[unsafe] it could take too long to check an answer
        }.
       *[invalid] this cannot be used.
    }{ $at ->
        [none] {""}
       *[other] {" "}(at character { $at })
    }
forms-close-confirm = <b>Close “{ $title }” now for all member states?</b> No state can answer or change its answers after this; what was answered is kept.
forms-close-yes = 🔒 Yes, close for all states
forms-close-no = Cancel
forms-version-unchanged = A questionnaire “{ $key }” version { $version } was already published with other content, so this file was not used. Change the version in the settings sheet (for example to a higher number) and send it again.
forms-replaced = { $count ->
    [one] Version { $versions } of this questionnaire was open and is now closed (only one version is open at a time); its answers are kept.
   *[other] Versions { $versions } of this questionnaire were open and are now closed (only one version is open at a time); their answers are kept.
}
