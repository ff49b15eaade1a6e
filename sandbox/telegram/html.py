"""Telegram's parse_mode=HTML subset, following the rules of the real server.

The real parser keeps a bare "&" as text; here it is an error, because it almost always means
user input went into the message unescaped (a "<" in the same input would break the message).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_SIMPLE = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "code": "code",
    "pre": "pre",
}
TAGS = {*_SIMPLE, "a", "blockquote", "tg-emoji", "tg-time"}

_ENTITY = re.compile(r"&(?:(lt|gt|amp|quot)|#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,7}));")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_TAG_NAME = re.compile(r"[^\s>]*")
_ATTR_NAME = re.compile(r"[^\s=>]+")
_UNQUOTED = re.compile(r"[^\s>]*")
_SPACE = re.compile(r"\s*")


class HtmlParseError(ValueError):
    """The text Telegram reports after "Bad Request: can't parse entities: "."""


@dataclass
class _Open:
    tag: str
    attrs: dict[str, str]
    start: int  # UTF-16 offset in the plain text
    language: str | None = None
    children: list[dict[str, Any]] = field(default_factory=list)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def parse_html(text: str) -> tuple[str, list[dict[str, Any]]]:
    """Return (plain text, entities with UTF-16 offsets) or raise HtmlParseError."""
    return _Parser(text).run()


def html_to_text(text: str) -> str:
    return parse_html(text)[0]


def _decode_entity(text: str, i: int) -> tuple[str, int] | None:
    """Decode the entity at text[i] ("&..."): (character, end index), or None if there is none."""
    m = _ENTITY.match(text, i)
    if m is None:
        return None
    named, dec, hexa = m.groups()
    if named:
        return _NAMED[named], m.end()
    code = int(dec) if dec else int(hexa, 16)
    if not 0 < code <= 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        raise HtmlParseError(f"Invalid character code in {m.group()!r}")
    return chr(code), m.end()


class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.out: list[str] = []
        self.pos16 = 0
        self.stack: list[_Open] = []
        self.entities: list[dict[str, Any]] = []

    def byte_offset(self, i: int) -> int:
        return len(self.text[:i].encode())

    def emit(self, chunk: str) -> None:
        self.out.append(chunk)
        self.pos16 += utf16_len(chunk)

    def run(self) -> tuple[str, list[dict[str, Any]]]:
        text, i = self.text, 0
        while i < len(text):
            ch = text[i]
            if ch == "&":
                decoded, i = self.entity(i)
                self.emit(decoded)
            elif ch != "<":
                self.emit(ch)
                i += 1
            elif text.startswith("</", i):
                i = self.end_tag(i)
            else:
                i = self.start_tag(i)
        if self.stack:
            tag = self.stack[-1].tag
            raise HtmlParseError(f'Can\'t find end tag corresponding to start tag "{tag}"')
        self.entities.sort(key=lambda e: (e["offset"], -e["length"]))
        return "".join(self.out), self.entities

    def entity(self, i: int) -> tuple[str, int]:
        decoded = _decode_entity(self.text, i)
        if decoded is None:
            raise HtmlParseError(
                f'Unescaped "&" at byte offset {self.byte_offset(i)}; use "&amp;"'
            )
        return decoded

    def start_tag(self, i: int) -> int:
        text, begin = self.text, i
        m = _TAG_NAME.match(text, i + 1)
        name, j = m.group().lower(), m.end()
        if j >= len(text):
            raise HtmlParseError(f"Unclosed start tag at byte offset {self.byte_offset(begin)}")
        if name not in TAGS:
            raise HtmlParseError(
                f'Unsupported start tag "{name}" at byte offset {self.byte_offset(begin)}'
            )
        attrs: dict[str, str] = {}
        while True:
            j = _SPACE.match(text, j).end()
            if j >= len(text):
                raise HtmlParseError(
                    f"Unclosed start tag at byte offset {self.byte_offset(begin)}"
                )
            if text[j] == ">":
                j += 1
                break
            am = _ATTR_NAME.match(text, j)
            if am is None:
                raise HtmlParseError(
                    f'Empty attribute name in the tag "{name}" at byte offset '
                    f"{self.byte_offset(begin)}"
                )
            attr, j = am.group().lower(), _SPACE.match(text, am.end()).end()
            value = ""
            if j < len(text) and text[j] == "=":
                value, j = self.attr_value(_SPACE.match(text, j + 1).end(), name, begin)
            attrs[attr] = value
        self.check_tag(name, attrs, begin)
        self.stack.append(_Open(name, attrs, self.pos16))
        return j

    def attr_value(self, j: int, tag: str, begin: int) -> tuple[str, int]:
        text = self.text
        if j < len(text) and text[j] in "'\"":
            close = text.find(text[j], j + 1)
            if close < 0:
                raise HtmlParseError(
                    f'Unclosed end of attribute value in the tag "{tag}" at byte offset '
                    f"{self.byte_offset(begin)}"
                )
            raw, end = text[j + 1 : close], close + 1
        else:
            m = _UNQUOTED.match(text, j)
            raw, end = m.group(), m.end()
        value, k = [], 0
        while k < len(raw):  # a bare "&" is harmless inside an attribute
            ch, k = _decode_entity(raw, k) or (raw[k], k + 1)
            value.append(ch)
        return "".join(value), end

    def check_tag(self, name: str, attrs: dict[str, str], begin: int) -> None:
        where = f"at byte offset {self.byte_offset(begin)}"
        if name == "span" and attrs.get("class") != "tg-spoiler":
            raise HtmlParseError(f'Tag "span" must have class "tg-spoiler" {where}')
        if name == "tg-emoji" and not attrs.get("emoji-id"):
            raise HtmlParseError(f'Tag "tg-emoji" must have attribute "emoji-id" {where}')
        if name == "tg-time" and not attrs.get("unix", "").isdigit():
            raise HtmlParseError(f'Tag "tg-time" must have attribute "unix" {where}')

    def end_tag(self, i: int) -> int:
        end = self.text.find(">", i)
        if end < 0:
            raise HtmlParseError(f"Unclosed end tag at byte offset {self.byte_offset(i)}")
        name = self.text[i + 2 : end].strip().lower()
        if not self.stack:
            raise HtmlParseError(f"Unexpected end tag at byte offset {self.byte_offset(i)}")
        top = self.stack.pop()
        if name != top.tag:
            where = f"at byte offset {self.byte_offset(i)}"
            raise HtmlParseError(
                f'Unmatched end tag {where}, expected "</{top.tag}>", found "</{name}>"'
            )
        self.close(top)
        return end + 1

    def close(self, top: _Open) -> None:
        length = self.pos16 - top.start
        parent = self.stack[-1] if self.stack else None
        cls = top.attrs.get("class", "")
        if top.tag == "code" and parent and parent.tag == "pre" and cls.startswith("language-"):
            parent.language = cls.removeprefix("language-")  # becomes a pre with a language
            return
        if length <= 0:
            return
        entity: dict[str, Any] = {"offset": top.start, "length": length}
        if top.tag in _SIMPLE:
            entity["type"] = _SIMPLE[top.tag]
            if top.tag == "pre" and top.language:
                entity["language"] = top.language
        elif top.tag == "a":
            if not top.attrs.get("href"):
                return
            entity.update(type="text_link", url=top.attrs["href"])
        elif top.tag == "blockquote":
            expandable = "expandable" in top.attrs
            entity["type"] = "expandable_blockquote" if expandable else "blockquote"
        elif top.tag == "tg-emoji":
            entity.update(type="custom_emoji", custom_emoji_id=top.attrs["emoji-id"])
        else:  # tg-time
            entity.update(type="date_time", unix_time=int(top.attrs["unix"]))
            if top.attrs.get("format"):
                entity["date_time_format"] = top.attrs["format"]
        self.entities.append(entity)


# -- the other way: text + entities -> HTML a browser may show ------------------------------
_SAFE_TAGS = {
    "bold": ("<b>", "</b>"),
    "italic": ("<i>", "</i>"),
    "underline": ("<u>", "</u>"),
    "strikethrough": ("<s>", "</s>"),
    "spoiler": ('<span class="spoiler">', "</span>"),
    "code": ("<code>", "</code>"),
    "pre": ("<pre>", "</pre>"),
    "blockquote": ("<blockquote>", "</blockquote>"),
    "expandable_blockquote": ("<blockquote>", "</blockquote>"),
}
_SAFE_SCHEMES = ("http://", "https://", "mailto:")


def _escape(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;").replace("\n", "<br>")


def _tags(entity: dict[str, Any]) -> tuple[str, str]:
    kind = entity.get("type")
    if kind in _SAFE_TAGS:
        return _SAFE_TAGS[kind]
    url = entity.get("url") or ""
    if kind == "text_link" and url.lower().startswith(_SAFE_SCHEMES):
        return f'<a href="{_escape(url)}" target="_blank" rel="noopener noreferrer">', "</a>"
    return "", ""  # mentions, custom emoji, dates...: shown as their text


def entities_to_html(text: str, entities: list[dict[str, Any]]) -> str:
    """Safe HTML of a message: the formatting of its entities as a short list of tags, every
    character of the text escaped (so nothing the bot or a user wrote can become markup).
    Entities nest (as made by parse_html); one that crosses its parent's end is cut there."""
    units = text.encode("utf-16-le")

    def piece(start: int, end: int) -> str:
        return _escape(units[2 * start : 2 * end].decode("utf-16-le", errors="replace"))

    total = len(units) // 2
    ordered = sorted(entities, key=lambda e: (e["offset"], -e["length"]))
    out: list[str] = []
    stack: list[tuple[int, str]] = []  # (end, closing tag)
    pos = 0
    for entity in ordered:
        start = min(max(entity["offset"], pos), total)
        while stack and stack[-1][0] <= start:
            end, closing = stack.pop()
            out += [piece(pos, end), closing]
            pos = end
        out.append(piece(pos, start))
        pos = start
        end = min(start + entity["length"], stack[-1][0] if stack else total)
        opening, closing = _tags(entity)
        out.append(opening)
        stack.append((end, closing))
    while stack:
        end, closing = stack.pop()
        out += [piece(pos, end), closing]
        pos = end
    out.append(piece(pos, total))
    return "".join(out)
