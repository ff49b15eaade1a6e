"""The sandbox as a person uses it: a real `python -m bot sandbox` process and its page in
headless Chromium (Debian's, or SANDBOX_BROWSER), driven by Playwright without any download.

Without the browser or the playwright package, these tests skip and say which is missing.
"""

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BROWSER = os.environ.get("SANDBOX_BROWSER", "/usr/bin/chromium")
READY = "Sandbox ready: "
START_SECONDS = 60


def missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if not os.access(BROWSER, os.X_OK):
        return (f"no browser at {BROWSER}: install Debian's chromium "
                "(`apt-get install chromium`) or set SANDBOX_BROWSER to a Chromium executable")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed: pip install '.[test]'"
    return None


def pytest_terminal_summary(terminalreporter):
    """Say why the browser tests skipped even without `-rs`: a bare `s` hides it."""
    skipped = [r for r in terminalreporter.stats.get("skipped", [])
               if "tests/browser/" in r.nodeid.replace("\\", "/")]
    why = missing()
    if skipped and why:
        terminalreporter.write_line(
            f"tests/browser: {len(skipped)} skipped, {why}", yellow=True)


@pytest.fixture(scope="module")
def browser():
    why = missing()
    if why:
        pytest.skip(f"browser tests of the sandbox page skipped: {why}")
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=10_000)  # a shared 2-core machine answers slower than a laptop
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=BROWSER, headless=True)
        yield chromium
        chromium.close()


class SandboxProcess:
    """`python -m bot sandbox --port 0`, its address read from the line it prints when ready."""

    def __init__(self):
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "LOG_LEVEL": "WARNING"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", "sandbox", "--port", "0"], cwd=ROOT, env=env,
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True, encoding="utf-8", errors="replace")
        self.output: list[str] = []
        self.url: str | None = None
        self._ready = threading.Event()
        # the pipe is drained for the whole run, so a chatty log never blocks the sandbox
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.output.append(line)
            if line.startswith(READY) and self.url is None:
                self.url = line[len(READY):].strip()
                self._ready.set()
        self._ready.set()

    def wait_ready(self) -> str:
        started = time.monotonic()
        self._ready.wait(START_SECONDS)
        if not self.url:
            self.stop()
            raise AssertionError(f"the sandbox did not print {READY!r} within {START_SECONDS} s"
                                 f" ({time.monotonic() - started:.1f} s):\n" + self.log())
        return self.url

    def log(self) -> str:
        return "".join(self.output[-60:])

    def stop(self) -> int | None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        return self.process.returncode


@pytest.fixture(scope="module")
def sandbox(browser):
    """One sandbox per test module (its chats and clock are shared by the module's tests)."""
    process = SandboxProcess()
    process.wait_ready()
    yield process
    code = process.stop()
    assert code == 0, f"the sandbox did not stop cleanly (exit {code}):\n{process.log()}"


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.browser_failed = report.failed
    return report


@pytest.fixture
def page(request, browser, sandbox, artifacts):
    context = browser.new_context(base_url=sandbox.url, viewport={"width": 420, "height": 860},
                                  timezone_id="UTC", accept_downloads=True)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.set_default_timeout(10_000)
    yield tab
    if getattr(request.node, "browser_failed", False):  # what the page showed when it failed
        tab.screenshot(path=str(artifacts / f"failed-{request.node.name}.png"))
    context.close()
    assert not errors, f"the page raised: {errors}"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    folder = Path(os.environ.get("SANDBOX_ARTIFACTS") or ROOT / "build" / "sandbox-screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder
