"""Every text the sandbox page shows comes from locales/<lang>/sandbox.ftl, in both languages.
Runs without a browser."""

import re
from pathlib import Path

from bot.l10n import L10n

STATIC = Path(__file__).resolve().parents[2] / "sandbox" / "static"
IN_JS = re.compile(r"""\bt\(\s*["']([a-z0-9-]+)["']\s*\)""")
IN_HTML = re.compile(r"""data-i18n(?:-label|-placeholder)?="([a-z0-9-]+)\"""")


def page_ids() -> set[str]:
    scripts = "".join(path.read_text(encoding="utf-8") for path in STATIC.glob("*.js"))
    markup = (STATIC / "index.html").read_text(encoding="utf-8")
    return set(IN_JS.findall(scripts)) | set(IN_HTML.findall(markup))


def test_every_string_of_the_page_exists_in_arabic_and_english():
    ids = page_ids()
    assert {"sandbox-page-start", "sandbox-page-message", "sandbox-page-plus-day",
            "sandbox-page-role-secretariat"} <= ids  # the patterns really find the page's ids
    l10n = L10n()
    for locale in ("ar", "en"):
        translator = l10n.get(locale)
        assert not ids - translator.ids, f"{locale} lacks {sorted(ids - translator.ids)}"
        for msg_id in ids:  # shown as plain text by the page: no variables to fill in
            assert translator.plain(msg_id).strip(), msg_id


REMOTE = re.compile(r"""(?:src=|href=|@import|url\(|from)\s*["']?(?:https?:)?//""")


def test_the_page_needs_nothing_from_outside():
    for path in STATIC.iterdir():  # no CDN, no remote font or script: it works offline
        assert not REMOTE.search(path.read_text(encoding="utf-8")), path.name
