"""Every text the sandbox page shows comes from locales/<lang>/sandbox.ftl, in both languages.
Runs without a browser."""

import re
from pathlib import Path

from bot.l10n import L10n

STATIC = Path(__file__).resolve().parents[2] / "sandbox" / "static"
IN_JS = re.compile(r"""\bt\(\s*["']([a-z0-9-]+)["']\s*\)""")
IN_HTML = re.compile(r"""data-i18n(?:-label|-placeholder)?="([a-z0-9-]+)\"""")


def page_ids() -> set[str]:
    script = (STATIC / "sandbox.js").read_text(encoding="utf-8")
    markup = (STATIC / "index.html").read_text(encoding="utf-8")
    return set(IN_JS.findall(script)) | set(IN_HTML.findall(markup))


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


def test_the_page_needs_nothing_from_outside():
    markup = (STATIC / "index.html").read_text(encoding="utf-8")
    style = (STATIC / "sandbox.css").read_text(encoding="utf-8")
    script = (STATIC / "sandbox.js").read_text(encoding="utf-8")
    for text in (markup, style, script):
        assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//|@import|url\(\s*["']?https?:""",
                             text), "the page must work offline: no CDN, no remote asset"
