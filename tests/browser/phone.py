"""A person at the sandbox page: choose who you are, type, press the bot's buttons, wait for the
bot, all through what the page shows (its data-testid hooks), never through the API."""

import re
import time
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

QUIET_SECONDS = 0.4  # the chat is settled when nothing changed for this long
STEP_SECONDS = 10.0


class Phone:
    def __init__(self, page: Page, url: str):
        self.page = page
        self.url = url

    def open(self) -> None:
        self.page.goto(self.url)
        expect(self.page.locator("body[data-ready=true]")).to_have_count(1)

    # -- what is on screen ---------------------------------------------------------------
    def person(self, person_id: int) -> Locator:
        return self.page.locator(f'[data-testid=person][data-person-id="{person_id}"]')

    def bubbles(self) -> Locator:
        return self.page.get_by_test_id("bubble")

    def bubble_with(self, text: str) -> Locator:
        return self.bubbles().filter(has_text=text)

    def chat_text(self) -> str:
        return self.page.locator("#messages").inner_text()

    def last_bubble_text(self) -> str:
        return self.bubbles().last.inner_text()

    def labels(self) -> list[str]:
        """The labels of the newest inline keyboard."""
        return [label.strip() for label in
                self.page.get_by_test_id("keyboard").last.get_by_test_id("keyboard-button")
                .all_inner_texts()]

    # -- doing -------------------------------------------------------------------------------
    def choose(self, person_id: int) -> None:
        self.person(person_id).click()
        expect(self.person(person_id)).to_have_attribute("aria-pressed", "true")
        self.page.wait_for_function(
            "() => !document.getElementById('start-bar').hidden"
            " || !document.getElementById('composer').hidden")

    def start(self) -> None:
        self._changing(lambda: self.page.get_by_test_id("start").click())

    def type(self, text: str) -> None:
        box = self.page.get_by_test_id("text")
        box.fill(text)
        self._changing(lambda: box.press("Enter"))
        expect(box).to_have_value("")

    def attach(self, name: str, mime: str, content: bytes) -> None:
        """Choose a file with the attach button's file picker; the page uploads it."""
        picker = self.page.get_by_test_id("attach-input")
        self._changing(lambda: picker.set_input_files(
            files=[{"name": name, "mimeType": mime, "buffer": content}]))

    def press(self, label: str | re.Pattern) -> None:
        """Press the newest inline button with this label (exact text, or a pattern)."""
        pattern = label if isinstance(label, re.Pattern) else re.compile(
            rf"^\s*{re.escape(label)}\s*$")
        button = self.page.get_by_test_id("keyboard-button").filter(has_text=pattern).last
        button.wait_for(state="visible")
        self._changing(button.click)

    def advance(self, which: str) -> None:
        """`hour` or `day`: the clock badge's fast-forward buttons."""
        before = self.page.locator("#clock-time").inner_text()
        self.page.get_by_test_id(f"clock-{which}").click()
        expect(self.page.locator("#clock-time")).not_to_have_text(before)

    def screenshot(self, path: Path) -> Path:
        self.page.screenshot(path=str(path))
        return path

    # -- waiting -----------------------------------------------------------------------------
    def _changing(self, act) -> None:
        """Do something, then wait until the chat changed and has been quiet a moment, so the
        next step sees the bot's answer and not the screen before it."""
        before = self.chat_text()
        act()
        self.page.wait_for_function(
            "before => document.getElementById('messages').innerText !== before", arg=before,
            timeout=STEP_SECONDS * 1000)
        self.settle()

    def settle(self) -> None:
        last, quiet_since = self.chat_text(), time.monotonic()
        deadline = quiet_since + STEP_SECONDS
        while time.monotonic() - quiet_since < QUIET_SECONDS:
            assert time.monotonic() < deadline, "the chat never stopped changing"
            time.sleep(0.1)
            now = self.chat_text()
            if now != last:
                last, quiet_since = now, time.monotonic()
