menu-announce = 📣 Announcements
menu-feed = 📣 Announcements

## Composing

announce-ask-text = { $lang ->
    [ar] <b>New announcement</b> — step 1 of 4
        Send the <b>Arabic</b> version of the text (bold, links and other formatting are kept), or skip it.
   *[en] <b>New announcement</b> — step 2 of 4
        Send the <b>English</b> version of the text, or skip it. Each focal point receives the version in their language; if there is only one, everyone receives it.
}
announce-skip = Skip ›
announce-discard = 🗑 Discard
announce-ask-media =
    <b>Step 3 of 4</b> — to attach a photo or a document (PDF, Word, Excel, PowerPoint or an image), send it now; or continue without one.
    { $media_kind ->
        [photo] Attached: a photo.
        [document] Attached: { $media_name }.
       *[none] Nothing attached.
    }
announce-no-media = Continue without attachment ›
announce-keep-media = Continue ›
announce-remove-media = ✖ Remove attachment
announce-ask-audience = <b>Step 4 of 4</b> — who should receive it?
announce-audience-all = All focal points
announce-audience-states = Chosen member states…
announce-audience-ar = Focal points reading Arabic
announce-audience-en = Focal points reading English
announce-ask-states = Choose the member states (press again to remove one), then press “Done”.
announce-states-done = Done ✓
announce-preview = { $lang ->
    [ar] 👁 Preview of the Arabic version, exactly as focal points will receive it:
   *[en] 👁 Preview of the English version, exactly as focal points will receive it:
}
announce-confirm =
    <b>Ready to send</b>
    { $versions ->
        [both] Arabic and English versions.
        [ar] Arabic version only: everyone receives it.
       *[en] English version only: everyone receives it.
    }
    Audience: { $audience ->
        [states] focal points of { $state_count ->
            [one] one member state
           *[other] { $state_count } member states
        }
        [language-ar] focal points reading Arabic
        [language-en] focal points reading English
       *[all] all focal points
    } — { $recipients ->
        [one] 1 person
       *[other] { $recipients } people
    }.
announce-send-now = 📤 Send now
announce-schedule = 🕒 Schedule…
announce-edit = ✏️ Edit
announce-ask-date = Choose the day to send it ({ $zone } time).
announce-ask-time = Choose the hour on { $date } ({ $zone } time).
announce-done = { $sent ->
    [yes] 📤 On its way to { $recipients ->
            [one] 1 focal point
           *[other] { $recipients } focal points
        }. Messages go out at Telegram's pace; the delivery report is under “📣 Announcements”.
   *[no] 🕒 Scheduled for { DATETIME($when, dateStyle: "long", timeStyle: "short") } ({ $zone } time). You can cancel it until then under “📣 Announcements”.
}
announce-refused = { $reason ->
    [too-long] Too long for Telegram: { $length } characters, the limit is { $limit }{ $limit ->
        [1024] {" "}(with a photo or document attached)
       *[other] {""}
    }. Please shorten it and send it again.
    [no-text] An announcement needs a text in at least one language.
    [want-text] Please send the text as a message.
    [unsupported-file] This kind of file cannot be attached. Send a photo, or a PDF, Word, Excel, PowerPoint or image document.
    [file-too-big] This file is larger than { $limit } MB.
    [no-recipients] No focal point is in this audience yet: nobody would receive it.
    [already-sent] This announcement has already been sent.
    [not-in-future] Please choose a time in the future.
   *[other] This cannot be done now.
}

## Sent announcements (secretariat)

announcements-list = <b>Announcements</b>
    { $count ->
        [0] None yet.
       *[other] The latest, newest first:
    }
announcements-new = ➕ New announcement
announcements-report =
    <b>Announcement</b> — { $status ->
        [queued] sent
        [scheduled] scheduled
        [cancelled] cancelled
       *[draft] draft
    }, { DATETIME($when, dateStyle: "medium", timeStyle: "short") } ({ $zone } time)
    { $excerpt }

    Recipients: { $recipients }
    ✅ Delivered: { $sent }
    ⏳ Waiting: { $pending } (being sent: { $sending })
    ⚠️ Failed: { $failed }
    ⛔ Unreachable (blocked the bot): { $blocked }
    ❓ In doubt (may have arrived): { $doubt }

    <b>By member state</b>
    { $by_state }

    <b>Not delivered</b>
    { $problems }
delivery-status = { $status ->
    [sent] delivered
    [pending] waiting
    [sending] being sent
    [failed] failed
    [dropped] no longer needed
    [blocked] unreachable
   *[doubt] in doubt
}
announcements-refresh = 🔄 Refresh
announcements-resend-doubt = ↻ Send again to those in doubt
announcements-cancel = ✖ Cancel the scheduled sending
announce-refreshed = Updated.
announce-cancelled = The scheduled announcement was cancelled.
announce-resent = { $count ->
    [one] 1 message queued again.
   *[other] { $count } messages queued again.
}

## Focal points

feed-list = <b>Announcements from the secretariat</b>
    { $count ->
        [0] Nothing yet.
       *[other] The latest, newest first:
    }
