"""The sandbox's JSON API over HTTP, as the page uses it: the real bot, the emulator, the demo
data, in this process; and `python -m bot sandbox` as a real process."""

import asyncio
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import pytest

from sandbox.run import Sandbox
from sandbox.telegram import FakeTelegram, strip_bidi
from services import clock

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.timeout(180)


@pytest.fixture
async def sandbox():
    box = await Sandbox(port=0, lang="en").start()
    yield box
    await box.stop()


@pytest.fixture
async def http(sandbox):
    async with aiohttp.ClientSession(base_url=sandbox.url) as session:
        yield session


async def get(http, path, status=200):
    async with http.get(path) as response:
        assert response.status == status, await response.text()
        return await response.json()


async def post(http, path, body, status=202):
    async with http.post(path, json=body) as response:
        assert response.status == status, await response.text()
        return await response.json()


async def chat_until(http, user_id, check, timeout=15.0):
    """Long-poll the chat until `check(messages)` holds; the last answer."""
    version, deadline = 0, time.monotonic() + timeout
    while True:
        body = await get(http, f"/api/chats/{user_id}?after={version}&wait=2")
        if check(body["messages"]):
            return body
        if time.monotonic() > deadline:
            raise AssertionError(f"chat {user_id}: {[m['text'] for m in body['messages']]}")
        version = body["version"]


def last_bot(messages):
    return next(m for m in reversed(messages) if m["from_bot"])


def has_text(needle):
    return lambda ms: any(m["from_bot"] and needle in strip_bidi(m["text"]) for m in ms)


def button_at(message, label):
    for r, row in enumerate(message["buttons"]):
        for c, button in enumerate(row):
            if label in strip_bidi(button["text"]):
                return r, c
    raise AssertionError(f"no button {label!r}: {message['buttons']}")


async def press(http, user_id, message, label):
    row, column = button_at(message, label)
    body = {"message_id": message["id"], "row": row, "column": column}
    await post(http, f"/api/chats/{user_id}/press", body)


async def test_people_and_a_newcomer_joins_by_pressing_buttons(http):
    people = await get(http, "/api/people")
    by_id = {p["id"]: p for p in people["people"]}
    assert by_id[1001]["role"] == "secretariat"
    assert by_id[2003]["state"]["code"] == "MA" and by_id[2003]["language"] == "en"
    assert by_id[2001]["state"]["names"] == {"ar": "مصر", "en": "Egypt"}
    assert by_id[3002]["role"] == "newcomer" and by_id[3002]["start"].startswith("inv_")
    assert people["bot"]["username"] and people["clock"].endswith("Z")

    await post(http, "/api/chats/3002/messages", {"text": f"/start {by_id[3002]['start']}"})
    body = await chat_until(http, 3002, lambda ms: any(m["buttons"] for m in ms))
    question = last_bot(body["messages"])
    # shown as Telegram shows a deep link's start: the invitation goes to the bot only
    assert body["messages"][0]["text"] == "/start" and not body["messages"][0]["from_bot"]
    labels = [strip_bidi(b["text"]) for row in question["buttons"] for b in row]
    assert "English" in labels and "العربية" in labels
    await press(http, 3002, question, "English")
    body = await chat_until(http, 3002, has_text("Oman"))
    assert "<b>" in "".join(m["html"] for m in body["messages"])  # the bot's formatting
    await press(http, 3002, last_bot(body["messages"]), "✅ Join")
    await chat_until(http, 3002, has_text("What would you like to do"))  # the main menu
    for _ in range(50):  # the menu is sent before the joining is committed
        people = await get(http, "/api/people")
        if next(p for p in people["people"] if p["id"] == 3002)["role"] != "newcomer":
            break
        await asyncio.sleep(0.1)
    joined = next(p for p in people["people"] if p["id"] == 3002)
    assert joined["role"] == "focal_point"  # no longer labelled a newcomer


async def test_typing_uploading_and_a_file_the_bot_sends(http):
    await post(http, "/api/chats/2003/messages", {"text": "/start"})
    body = await chat_until(http, 2003, lambda ms: any(m["buttons"] for m in ms))
    await press(http, 2003, last_bot(body["messages"]), "Practices")
    body = await chat_until(http, 2003, has_text("practice"))
    form = aiohttp.FormData()
    form.add_field("file", b"%PDF-1.4 demo", filename="plan.pdf", content_type="application/pdf")
    form.add_field("caption", "our plan")
    async with http.post("/api/chats/2003/documents", data=form) as response:
        assert response.status == 202
    body = await get(http, "/api/chats/2003?after=0")
    mine = [m for m in body["messages"] if not m["from_bot"]]
    assert mine[-1]["document"]["name"] == "plan.pdf" and mine[-1]["text"] == "our plan"
    async with http.get(mine[-1]["document"]["url"]) as response:
        assert await response.read() == b"%PDF-1.4 demo"
        assert "plan.pdf" in response.headers["Content-Disposition"]


async def test_an_edit_replaces_in_place_and_the_version_moves(http):
    await post(http, "/api/chats/2001/messages", {"text": "/start"})
    body = await chat_until(http, 2001, lambda ms: any(m["buttons"] for m in ms))
    menu = last_bot(body["messages"])
    version = body["version"]
    await press(http, 2001, menu, "📋")  # the action plan, shown in the same message
    body = await chat_until(http, 2001, lambda ms: any(m["edited"] for m in ms))
    assert body["version"] > version
    edited = next(m for m in body["messages"] if m["id"] == menu["id"])
    assert edited["edited"] and edited["text"] != menu["text"]
    assert len([m for m in body["messages"] if m["from_bot"]]) == 1


async def test_a_deleted_message_disappears(http, sandbox):
    await post(http, "/api/chats/2001/messages", {"text": "/start"})
    body = await chat_until(http, 2001, lambda ms: any(m["buttons"] for m in ms))
    menu = last_bot(body["messages"])
    # The bot deletes messages through the Bot API like any client of it (same port)
    delete = {"chat_id": 2001, "message_id": menu["id"]}
    async with http.post(f"/bot{FakeTelegram.TOKEN}/deleteMessage", json=delete) as response:
        assert (await response.json())["ok"]
    after = await get(http, f"/api/chats/2001?after={body['version']}&wait=5")
    assert after["version"] > body["version"]
    assert [m["id"] for m in after["messages"]] == [m["id"] for m in body["messages"]
                                                    if m["id"] != menu["id"]]


async def test_fast_forward_brings_a_reminder_to_a_state_that_owes_only(http):
    before = clock.now()
    for _ in range(3):
        moved = await post(http, "/api/clock", {"hours": 24}, status=200)
    assert moved["clock"] > before.isoformat()[:19]
    body = await chat_until(http, 2003, has_text("Reminder"))  # Morocco owes the evaluation
    reminders = [m for m in body["messages"] if "Reminder" in strip_bidi(m["text"])]
    # each arrived on the sandbox day it came due, before the clock moved on
    assert all(m["from_bot"] and before.isoformat()[:10] < m["date"] <= moved["clock"]
               for m in reminders), reminders
    jordan = await get(http, "/api/chats/2002?after=0")  # Jordan has submitted it
    assert not jordan["messages"]


async def test_refusals(http, sandbox):
    await get(http, "/api/chats/4242?after=0", status=404)
    await post(http, "/api/chats/4242/messages", {"text": "hi"}, status=404)
    await post(http, "/api/chats/2001/messages", {"text": "x" * 4097}, status=400)
    await post(http, "/api/chats/2001/press", {"message_id": 999, "row": 0, "column": 0},
               status=404)
    await post(http, "/api/clock", {"hours": -1}, status=400)
    huge = aiohttp.FormData()  # over the emulator's request limit: refused in JSON, as the rest
    huge.add_field("file", b"\0" * (65 * 2**20), filename="huge.pdf",
                   content_type="application/pdf")
    async with http.post("/api/chats/2001/documents", data=huge) as response:
        assert response.status == 413
        assert "larger than 64 MB" in (await response.json())["error"]
    strings = await get(http, "/api/strings?lang=ar")
    assert strings["dir"] == "rtl" and strings["strings"]["sandbox-title"]
    assert sandbox.url.startswith("http://127.0.0.1:")
    assert sandbox.tg.host == "127.0.0.1"


def test_the_command_starts_serves_and_stops_cleanly(tmp_path):
    env = {**os.environ, "BOT_TOKEN": "not a token", "TMPDIR": str(tmp_path)}
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "sandbox", "--port", "0"], cwd=tmp_path, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        match = re.match(r"Sandbox ready: (http://127\.0\.0\.1:\d+/)$", line.strip())
        assert match, line + process.stderr.read()
        url = match.group(1)

        async def fetch():
            async with aiohttp.ClientSession() as session:
                async with session.get(url) as page:
                    assert page.status == 200 and "<html" in (await page.text()).lower()
                async with session.get(url + "api/people") as people:
                    return (await people.json())["people"]

        assert len(asyncio.run(fetch())) >= 6
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith("arcp-sandbox-")]
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0, process.stderr.read()
    finally:
        if process.poll() is None:
            process.kill()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("arcp-sandbox-")]


async def test_a_file_the_bot_sends_downloads(http):
    """The secretariat exports the evaluation's answers: the bot's document, from the page."""
    await post(http, "/api/chats/1001/messages", {"text": "/start"})
    body = await chat_until(http, 1001, lambda ms: any(m["buttons"] for m in ms))
    await press(http, 1001, last_bot(body["messages"]), "🗂")
    body = await chat_until(http, 1001, has_text("الاستبيانات"))
    forms = last_bot(body["messages"])
    evaluation = next(b["text"] for row in forms["buttons"] for b in row if "تقييم" in b["text"])
    await press(http, 1001, forms, strip_bidi(evaluation))
    body = await chat_until(http, 1001, lambda ms: any(
        "Excel" in b["text"] for row in last_bot(ms)["buttons"] for b in row))
    await press(http, 1001, last_bot(body["messages"]), "Excel")
    body = await chat_until(http, 1001, lambda ms: any(m["document"] for m in ms))
    document = next(m["document"] for m in body["messages"] if m["document"])
    assert document["name"].endswith(".xlsx") and document["size"] > 0
    async with http.get(document["url"]) as response:
        content = await response.read()
    assert content[:2] == b"PK" and len(content) == document["size"]  # an .xlsx is a zip


async def test_fast_forward_through_two_weeks_brings_a_weekly_digest_each_sunday(http):
    moved = await post(http, "/api/clock", {"hours": 14 * 24}, status=200)  # two Sundays, exactly
    body = await get(http, "/api/chats/1001?after=0")  # the secretariat (Arabic)
    digests = [m for m in body["messages"] if m["from_bot"] and "🗓" in m["text"]]
    # the scheduler's own next Sunday is in real time; the sandbox keeps a week of its own
    assert len(digests) == 2, [m["text"][:60] for m in body["messages"]]
    assert all(m["date"] <= moved["clock"] for m in digests)
