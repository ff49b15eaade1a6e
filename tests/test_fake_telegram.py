"""The fake Bot API server, exercised over HTTP by aiogram, python-telegram-bot and raw calls."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiogram import Bot, Dispatcher, F, Router
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.filters import CommandStart
from aiogram.types import (
    BotCommand,
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputMediaDocument,
    InputMediaPhoto,
    Message,
)
from telegram.ext import ExtBot

from sandbox.telegram import FakeTelegram, strip_bidi, validate

LRI, PDI, RLM = "\u2066", "\u2069", "\u200f"


def keyboard() -> InlineKeyboardMarkup:
    # Labels wrapped in bidi controls, as an RTL-aware bot would send them.
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(text=f"{LRI}Again{PDI}", callback_data="again"),
                InlineKeyboardButton(text=f"{RLM}Same", callback_data="same"),
            ],
            [
                InlineKeyboardButton(text="Delete", callback_data="delete"),
                InlineKeyboardButton(text="Site", url="https://example.org"),
            ],
        ]
    )


def echo_router(log: list[str]) -> Router:
    router = Router()

    @router.message(CommandStart())
    async def start(message: Message) -> None:
        await message.answer("Hello <b>there</b> &amp; welcome", reply_markup=keyboard())

    @router.message(F.document)
    async def document(message: Message) -> None:
        # Re-send by file_id, as a bot forwarding an upload would.
        await message.answer_document(message.document.file_id, caption="got it")

    @router.message(F.text)
    async def echo(message: Message) -> None:
        await message.answer(f"echo: {message.text}")

    @router.callback_query(F.data == "again")
    async def again(query: CallbackQuery) -> None:
        count = query.message.text.count("!") + 1
        await query.message.edit_text("Pressed" + "!" * count, reply_markup=keyboard())
        await query.answer("done")

    @router.callback_query(F.data == "same")
    async def same(query: CallbackQuery) -> None:
        try:
            await query.message.edit_text(query.message.html_text, reply_markup=keyboard())
        except TelegramBadRequest as exc:
            log.append(exc.message)
            await query.answer("unchanged", show_alert=True)

    @router.callback_query(F.data == "delete")
    async def delete(query: CallbackQuery) -> None:
        await query.message.delete()
        await query.answer()

    @router.callback_query()
    async def other(query: CallbackQuery) -> None:
        log.append(f"unknown callback {query.data}")
        await query.answer("outdated")

    return router


def make_bot(server: FakeTelegram) -> Bot:
    api = TelegramAPIServer.from_base(server.base_url)
    return Bot(
        FakeTelegram.TOKEN,
        session=AiohttpSession(api=api),
        default=DefaultBotProperties(parse_mode="HTML"),
    )


@pytest.fixture
async def server() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as srv:
        yield srv
        srv.assert_no_violations()


@contextlib.asynccontextmanager
async def polling(server: FakeTelegram, *, track: bool = True) -> AsyncIterator[list[str]]:
    """An aiogram bot polling the fake server; yields the log the handlers write to."""
    log: list[str] = []
    dp = Dispatcher()
    dp.include_router(echo_router(log))
    if track:
        dp.update.outer_middleware(server.aiogram_middleware())
    bot = make_bot(server)
    task = asyncio.create_task(
        dp.start_polling(bot, handle_signals=False, close_bot_session=False, polling_timeout=1)
    )
    try:
        yield log
    finally:
        # Cancelling the start_polling task would orphan aiogram's inner polling task, which
        # then retries forever; stop_polling shuts it down properly.
        with contextlib.suppress(RuntimeError):  # polling never got going
            await asyncio.wait_for(dp.stop_polling(), 5)
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await bot.session.close()


@pytest.fixture
async def aiogram_log(server: FakeTelegram) -> AsyncIterator[list[str]]:
    async with polling(server) as log:
        yield log


@pytest.fixture
async def bot(server: FakeTelegram) -> AsyncIterator[Bot]:
    bot = make_bot(server)
    yield bot
    await bot.session.close()


async def raw_call(server: FakeTelegram, method: str, *, token: str | None = None, **params):
    url = f"{server.base_url}/bot{token or FakeTelegram.TOKEN}/{method}"
    async with aiohttp.ClientSession() as session, session.post(url, json=params) as resp:
        return resp.status, await resp.json()


# -- conversation through aiogram polling ---------------------------------------------------
async def test_send_press_edit_and_answer(server: FakeTelegram, aiogram_log: list[str]) -> None:
    user = server.user(1001, "Amal")
    await user.send("/start")
    menu = user.last_message()
    assert menu.text == "Hello there & welcome"
    assert menu.html == "Hello <b>there</b> &amp; welcome"
    assert menu.buttons == [["Again", "Same"], ["Delete", "Site"]]

    await user.press("Again")
    assert user.last_answer.text == "done"
    edited = user.last_message()
    assert edited.message_id == menu.message_id and edited is menu
    assert edited.edited and edited.text == "Pressed!"
    assert len(user.messages()) == 1

    await user.send("hi there")
    assert user.last_message().text == "echo: hi there"
    # The bot's outgoing messages and the user's are numbered in one sequence per chat.
    assert [m.message_id for m in user.chat.messages] == [1, 2, 3, 4]


async def test_stale_button_and_not_modified(server: FakeTelegram, aiogram_log: list[str]) -> None:
    user = server.user(1002, "Omar")
    await user.send("/start")
    old = user.last_message()
    await user.send("/start")
    new = user.last_message()
    assert new.message_id > old.message_id

    await user.press(f"  {LRI}Again{PDI} ", message=old)  # a button of the older message
    assert old.text == "Pressed!" and not new.edited

    await user.press("Same")
    assert user.last_answer.show_alert and user.last_answer.text == "unchanged"
    assert aiogram_log == [server.errors[-1][2]]
    assert server.errors[-1][:2] == ("editMessageText", 400)
    assert "message is not modified" in server.errors[-1][2]

    await user.press_data("forged:123")
    assert user.last_answer.text == "outdated"
    assert aiogram_log[-1] == "unknown callback forged:123"

    with pytest.raises(AssertionError, match="available: .*'Again'"):
        await user.press("Nope")
    with pytest.raises(AssertionError, match="not a callback button"):
        await user.press("Site")


async def test_delete_message(server: FakeTelegram, aiogram_log: list[str]) -> None:
    user = server.user(1003, "Lina")
    await user.send("/start")
    menu = user.last_message()
    await user.press("Delete")
    assert menu.deleted and user.messages() == []
    assert "(deleted)" in user.transcript()
    with pytest.raises(AssertionError, match="deleted"):
        await user.press("Again", message=menu)


async def test_quiescence_without_tracking(server: FakeTelegram) -> None:
    server.quiet = 0.1
    async with polling(server, track=False):
        user = server.user(1004, "Sami")
        await user.send("ping")
        assert not server.tracking
        assert user.last_message().text == "echo: ping"


async def test_redelivered_update_is_handled_again(
    server: FakeTelegram, aiogram_log: list[str]
) -> None:
    user = server.user(1005, "Rana")
    update_id = await user.send("once")
    raw = next(e.update for e in server.updates.entries if e.update_id == update_id)
    server.push_update(raw)  # Telegram redelivers the same update after a crash
    await server.wait_for_update(update_id)
    assert [m.text for m in user.messages()] == ["echo: once", "echo: once"]


async def test_uploaded_document_roundtrip(
    server: FakeTelegram, aiogram_log: list[str], bot: Bot
) -> None:
    user = server.user(1006, "Hadi")
    content = b"%PDF-1.4 fake pdf"
    await user.upload(content, "report.pdf", caption="my report")
    reply = user.last_message()
    assert reply.text == "got it" and reply.document.file_name == "report.pdf"

    file = await bot.get_file(reply.document.file_id)
    downloaded = await bot.download_file(file.file_path)
    assert downloaded.read() == content


# -- validation against the spec ------------------------------------------------------------
async def test_spec_violations_are_refused_and_recorded(server: FakeTelegram) -> None:
    user = server.user(1010, "Test", started=True)

    status, body = await raw_call(server, "sendMessagee", chat_id=user.id, text="x")
    assert status == 404 and body == {"ok": False, "error_code": 404, "description": "Not Found"}

    status, body = await raw_call(server, "sendMessage", chat_id=user.id, text="x", colour=1)
    assert status == 400 and body["description"].startswith("Bad Request:")
    assert 'unknown field "colour"' in body["description"]

    status, body = await raw_call(server, "sendMessage", text="x")
    assert status == 400 and 'missing required field "chat_id"' in body["description"]

    markup = {"inline_keyboard": [[{"text": "b", "callback_data": "é" * 32 + "x"}]]}
    status, body = await raw_call(
        server, "sendMessage", chat_id=user.id, text="x", reply_markup=markup
    )
    assert status == 400 and "callback_data: must be 1-64 bytes, got 65" in body["description"]

    status, body = await raw_call(server, "sendMessage", chat_id=user.id, text="x" * 4097)
    assert status == 400 and "4097" in body["description"]

    # Markup does not count towards the limit: 4096 visible characters are fine.
    text = "<b>" + "y" * 4096 + "</b>"
    status, _ = await raw_call(
        server, "sendMessage", chat_id=user.id, text=text, parse_mode="HTML"
    )
    assert status == 200

    for bad in ("a < b", "<b>bold", "<b>x</i>", "<blink>x</blink>", "R&D"):
        status, body = await raw_call(
            server, "sendMessage", chat_id=user.id, text=bad, parse_mode="HTML"
        )
        assert status == 400, bad
        assert body["description"].startswith("Bad Request: can't parse entities:"), bad

    assert len(server.violations) == 10
    assert any("sendMessagee" in v for v in server.violations)
    with pytest.raises(AssertionError, match="Bot API violations"):
        server.assert_no_violations()
    server.violations.clear()


async def test_validate_accepts_form_encodings() -> None:
    commands = json.dumps([{"command": "start", "description": "Start"}])
    assert validate("setmycommands", {"commands": commands, "language_code": "ar"}) == []
    native = {"chat_id": 5, "text": "hi", "disable_notification": True}  # as in a JSON body
    assert validate("sendMessage", native) == []
    assert validate("answerCallbackQuery", {"callback_query_id": "1", "text": "x" * 201})
    bad = json.dumps([{"command": "Start", "description": "x"}])
    assert validate("setMyCommands", {"commands": bad})


async def test_bad_token_is_unauthorized(server: FakeTelegram) -> None:
    status, body = await raw_call(server, "getMe", token="not-a-token")
    assert status == 401 and body["description"] == "Unauthorized"
    status, body = await raw_call(server, "getMe")
    assert status == 200 and body["result"]["username"] == "arcp_test_bot"


async def test_unknown_chat_and_message(server: FakeTelegram, bot: Bot) -> None:
    server.user(1011, "Silent")  # exists, but never wrote to the bot
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.send_message(1011, "hello")
    server.user(1012, "Known", started=True)
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text("x", chat_id=1012, message_id=77)
    with pytest.raises(TelegramBadRequest, match="message to delete not found"):
        await bot.delete_message(1012, 77)


# -- fault injection and limits --------------------------------------------------------------
async def test_injected_faults(server: FakeTelegram, bot: Bot) -> None:
    user = server.user(1020, "Faults", started=True)

    server.fail("sendMessage", status=429, retry_after=7)
    with pytest.raises(TelegramRetryAfter) as caught:
        await bot.send_message(user.id, "a")
    assert caught.value.retry_after == 7

    server.fail("sendMessage", status=500, times=2)
    for _ in range(2):
        with pytest.raises(TelegramServerError):
            await bot.send_message(user.id, "b")
    await bot.send_message(user.id, "c")

    server.block(user.id)
    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await bot.send_message(user.id, "d")
    server.unblock(user.id)
    server.deactivate(user.id)
    with pytest.raises(TelegramForbiddenError, match="user is deactivated"):
        await bot.send_message(user.id, "e")

    assert [m.text for m in user.messages()] == ["c"]
    assert [s.method for s in server.sends] == ["sendMessage"]


async def test_delay_slows_responses(server: FakeTelegram, bot: Bot) -> None:
    server.user(1021, "Slow", started=True)
    server.delay("sendMessage", 0.3, times=1)
    loop = asyncio.get_running_loop()
    start = loop.time()
    await bot.send_message(1021, "slow")
    assert loop.time() - start >= 0.3
    start = loop.time()
    await bot.send_message(1021, "fast")
    assert loop.time() - start < 0.3


async def test_enforced_flood_limits(server: FakeTelegram, bot: Bot) -> None:
    users = [server.user(2000 + i, f"U{i}", started=True) for i in range(4)]
    server.enforce_limits(overall_per_second=3, per_chat_per_second=1)

    await bot.send_message(users[0].id, "first")
    with pytest.raises(TelegramRetryAfter) as caught:
        await bot.send_message(users[0].id, "too soon")  # same chat within a second
    assert caught.value.retry_after == 1

    await bot.send_message(users[1].id, "x")
    await bot.send_message(users[2].id, "x")
    with pytest.raises(TelegramRetryAfter):
        await bot.send_message(users[3].id, "x")  # a fourth message within a second overall

    assert len(server.rate_violations) == 2
    assert server.max_sends_in_window(1.0) == 3
    assert server.max_sends_per_chat_in_window(1.0) == 1


# -- python-telegram-bot ---------------------------------------------------------------------
async def test_python_telegram_bot_client(server: FakeTelegram) -> None:
    user = server.user(1030, "Noor", username="noor", started=True)

    bot = ExtBot(
        FakeTelegram.TOKEN,
        base_url=server.base_url + "/bot",
        base_file_url=server.base_url + "/file/bot",
    )
    async with bot:
        assert bot.bot.username == "arcp_test_bot"
        sent = await bot.send_message(user.id, "<i>Salam</i>", parse_mode="HTML")
        assert sent.text == "Salam" and sent.entities[0].type == "italic"
        doc = await bot.send_document(
            user.id, document=b"a,b\n1,2\n", filename="data.csv", caption="export"
        )
        assert doc.document.file_name == "data.csv" and doc.document.mime_type == "text/csv"
        await bot.edit_message_text("Salam!", chat_id=user.id, message_id=sent.message_id)
        file = await bot.get_file(doc.document.file_id)
        assert bytes(await file.download_as_bytearray()) == b"a,b\n1,2\n"

    texts = [(m.text, m.edited) for m in user.messages()]
    assert texts == [("Salam!", True), ("export", False)]
    assert user.messages()[1].document.content == b"a,b\n1,2\n"


def test_strip_bidi() -> None:
    assert strip_bidi(f" {RLM}{LRI}نعم{PDI}\u202b ") == "نعم"


async def test_aiogram_upload_and_commands(server: FakeTelegram, bot: Bot) -> None:
    server.user(1040, "Up", started=True)
    photo = await bot.send_photo(1040, BufferedInputFile(b"\x89PNG fake", "p.png"), caption="pic")
    assert photo.photo[0].file_size == 9
    await bot.set_my_commands([BotCommand(command="start", description="Start")])
    assert [c.command for c in await bot.get_my_commands()] == ["start"]


async def test_media_group_is_an_album_of_messages(server: FakeTelegram, bot: Bot) -> None:
    user = server.user(1041, "Album", started=True)
    photos = [
        InputMediaPhoto(
            media=BufferedInputFile(b"\x89PNG %d" % i, f"{i}.png"), caption=f"<b>{i}</b>"
        )
        for i in range(3)
    ]
    sent = await bot.send_media_group(user.id, photos)
    assert [m.caption for m in sent] == ["0", "1", "2"]
    assert sent[0].caption_entities[0].type == "bold"  # the bot's default parse_mode applies
    group = sent[0].media_group_id
    assert group and all(m.media_group_id == group for m in sent)
    seen = user.messages()
    assert [(m.text, m.media_group_id, m.photo.content) for m in seen] == [
        (str(i), group, b"\x89PNG %d" % i) for i in range(3)
    ]
    assert [s.method for s in server.sends] == ["sendMediaGroup"] * 3

    again = await bot.send_media_group(
        user.id, [InputMediaPhoto(media=m.photo[-1].file_id) for m in sent[:2]]
    )
    assert again[0].media_group_id not in (None, group)  # a new album, re-sent by file_id


async def test_media_group_limits(server: FakeTelegram, bot: Bot) -> None:
    user = server.user(1042, "Limits", started=True)

    def photo(i: int, caption: str = "") -> InputMediaPhoto:
        return InputMediaPhoto(media=BufferedInputFile(b"png", f"{i}.png"), caption=caption)

    for count in (1, 11):
        with pytest.raises(TelegramBadRequest, match=f"must include 2-10 items, got {count}"):
            await bot.send_media_group(user.id, [photo(i) for i in range(count)])
    with pytest.raises(TelegramBadRequest, match="0-1024 characters"):
        await bot.send_media_group(user.id, [photo(0, "x" * 1025), photo(1)])
    document = InputMediaDocument(media=BufferedInputFile(b"a,b", "a.csv"))
    with pytest.raises(TelegramBadRequest, match="can't be mixed"):
        await bot.send_media_group(user.id, [photo(0), document])
    assert user.messages() == []  # nothing of a refused album was sent
    assert len(server.violations) == 3
    server.violations.clear()

    server.enforce_limits(overall_per_second=30, per_chat_per_second=1)
    await bot.send_media_group(user.id, [photo(i) for i in range(10)])
    with pytest.raises(TelegramRetryAfter):  # the album's messages count towards the limit
        await bot.send_message(user.id, "too soon")
    assert len(user.messages()) == 10


# -- update queue ------------------------------------------------------------------------------
def hand_made(text: str, user_id: int = 1060) -> dict:
    chat = {"id": user_id, "type": "private", "first_name": "Q"}
    sender = {"id": user_id, "is_bot": False, "first_name": "Q"}
    return {"message": {"message_id": 1, "date": 0, "chat": chat, "from": sender, "text": text}}


async def test_get_updates_offset_semantics(server: FakeTelegram) -> None:
    ids = [server.push_update(hand_made(t)) for t in ("a", "b", "c")]
    assert ids == [1, 2, 3]

    _, body = await raw_call(server, "getUpdates", limit=2)
    assert [u["update_id"] for u in body["result"]] == [1, 2]
    _, body = await raw_call(server, "getUpdates", offset=2)  # confirms update 1
    assert [u["update_id"] for u in body["result"]] == [2, 3]
    _, body = await raw_call(server, "getUpdates", offset=4, timeout=1)
    assert body["result"] == []  # long poll ended by the 1 s cap

    status, _ = await raw_call(server, "setWebhook", url="https://example.org/hook")
    assert status == 200
    status, body = await raw_call(server, "getUpdates")
    assert status == 409 and body["description"].startswith("Conflict:")
    await raw_call(server, "deleteWebhook")
    # allowed_updates applies to updates created afterwards
    await raw_call(server, "getUpdates", offset=4, allowed_updates=["callback_query"])
    server.push_update(hand_made("d"))
    _, body = await raw_call(server, "getUpdates", offset=4)
    assert body["result"] == []


async def test_wait_timeout_explains(server: FakeTelegram) -> None:
    user = server.user(1061, "Waiting")
    with pytest.raises(AssertionError, match="not fetched by getUpdates.*is the bot polling"):
        await user.send("anyone?", timeout=0.2)
    with pytest.raises(AssertionError, match="no bot message with an inline keyboard"):
        await user.press("Go")
