# Documents attached to an answer (file questions).

files-prompt = Send each document as a file (📎 → File), one after another; { $files ->
    [0] none yet.
    [one] one document so far.
   *[other] { $files } documents so far.
} Press “Done” when all are sent.
files-done = Done ✓
files-kind = { $kind ->
    [pdf] PDF
    [word] Word
    [sheet] spreadsheets
    [slides] presentations
    [image] images
   *[other] { $kind }
}
files-comma = {", "}
files-list = { $first } or { $last }
files-refused = { $reason ->
    [file-type] This type of file is not accepted here. Accepted: { $accepted }.
    [too-many-files] At most { $limit } documents can be attached here.
   *[file-too-big] This file is larger than { $limit } MB, the most a document may have.
}
