"""A simulated Telegram user talking to the bot in a private chat."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .html import utf16_len
from .state import CallbackAnswer, CallbackQuery, Chat, Message, StoredFile

if TYPE_CHECKING:
    from .server import FakeTelegram


class FakeUser:
    def __init__(
        self,
        server: FakeTelegram,
        user_id: int,
        first_name: str,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "en",
    ):
        self.server = server
        self.id = user_id
        info = {"id": user_id, "is_bot": False, "first_name": first_name}
        extra = {"last_name": last_name, "username": username, "language_code": language_code}
        self.info: dict[str, Any] = info | {k: v for k, v in extra.items() if v}
        self.chat: Chat = server.world.chat(self.info)
        self.last_answer: CallbackAnswer | None = None
        self.answers: dict[str, CallbackAnswer | None] = {}  # callback id -> bot's answer

    # -- acting ----------------------------------------------------------------------------
    async def send(self, text: str, *, timeout: float | None = None, wait: bool = True) -> int:
        """Send a text message; "/cmd args" carries a bot_command entity like the real client.
        wait=False: return once it is queued (the sandbox page), not once it is handled."""
        entities = []
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            entities = [{"type": "bot_command", "offset": 0, "length": utf16_len(command)}]
        msg = self._own_message(text=text, html=text, entities=entities)
        return await self._message_update(msg, timeout, wait)

    async def upload(
        self,
        content: bytes,
        filename: str,
        mime_type: str = "application/pdf",
        caption: str | None = None,
        *,
        timeout: float | None = None,
        wait: bool = True,
    ) -> int:
        stored = self.server.world.store_file(content, filename, mime_type, "document")
        return await self._media(stored, "document", caption, timeout, wait)

    async def send_photo(
        self, content: bytes, caption: str | None = None, *, timeout: float | None = None
    ) -> int:
        stored = self.server.world.store_file(content, "photo.jpg", "image/jpeg", "photo")
        return await self._media(stored, "photo", caption, timeout, True)

    async def press(
        self, label: str, *, message: Message | None = None, timeout: float | None = None
    ) -> int:
        """Press an inline button by its label (bidi controls and outer spaces ignored)."""
        msg = message or self._newest_with_keyboard()
        if msg is None:
            raise AssertionError(f"no bot message with an inline keyboard\n{self.transcript()}")
        if msg.deleted:
            raise AssertionError(f"message #{msg.message_id} was deleted; its buttons are gone")
        button = msg.find_button(label)
        if button is None:
            raise AssertionError(
                f"no button {label!r} in message #{msg.message_id}; available: "
                f"{msg.button_labels}\n{self.transcript()}"
            )
        if button.callback_data is None:
            raise AssertionError(f"button {label!r} is not a callback button: {button.raw}")
        return await self._callback(button.callback_data, msg, timeout)

    async def press_at(self, message_id: int, row: int, column: int, *, wait: bool = True) -> int:
        """Press the button at (row, column) of a message, as a tap on the screen does."""
        msg = self.chat.find(message_id)
        if msg is None or not msg.from_bot or msg.deleted:
            raise LookupError(f"no message #{message_id} in the chat")
        try:
            button = msg.keyboard[row][column]
        except IndexError:
            raise LookupError(f"no button at row {row}, column {column}") from None
        if button.callback_data is None:
            raise LookupError(f"button {button.label!r} is not a callback button")
        return await self._callback(button.callback_data, msg, None, wait)

    async def press_data(
        self, data: str, *, message: Message | None = None, timeout: float | None = None
    ) -> int:
        """A callback with arbitrary data, as a forged or outdated client could send."""
        msg = message or self._newest_with_keyboard() or self.last_message()
        if msg is None:
            raise AssertionError("the bot has not sent any message to attach a callback to")
        return await self._callback(data, msg, timeout)

    # -- looking -----------------------------------------------------------------------------
    def messages(self) -> list[Message]:
        """The bot's messages still visible in the chat, oldest first."""
        return [m for m in self.chat.messages if m.from_bot and not m.deleted]

    def last_message(self) -> Message | None:
        visible = self.messages()
        return visible[-1] if visible else None

    def transcript(self, last: int | None = None) -> str:
        return self.chat.transcript(last)

    # -- internals ---------------------------------------------------------------------------
    def _own_message(self, **fields: Any) -> Message:
        self.chat.started = True
        msg = self.chat.add(from_bot=False, sender=self.info, **fields)
        self.server.world.touch()
        return msg

    async def _media(
        self, stored: StoredFile, kind: str, caption: str | None, timeout: float | None,
        wait: bool,
    ) -> int:
        msg = self._own_message(text=caption or "", html=caption or "", **{kind: stored})
        return await self._message_update(msg, timeout, wait)

    async def _message_update(self, msg: Message, timeout: float | None, wait: bool) -> int:
        update = {"message": msg.to_api(self.chat.to_api())}
        if not wait:
            return self.server.push_update(update)
        return await self.server.send_update(update, timeout=timeout)

    def _newest_with_keyboard(self) -> Message | None:
        return next((m for m in reversed(self.messages()) if m.keyboard), None)

    async def _callback(
        self, data: str, msg: Message, timeout: float | None, wait: bool = True
    ) -> int:
        query_id = self.server.next_callback_id()
        self.server.world.callbacks[query_id] = CallbackQuery(
            query_id, self.id, data, msg.message_id
        )
        if msg.deleted:  # what Telegram sends for a message the bot can no longer access
            message = {"chat": self.chat.to_api(), "message_id": msg.message_id, "date": 0}
        else:
            message = msg.to_api(self.chat.to_api())
        query = {
            "id": query_id,
            "from": self.info,
            "message": message,
            "chat_instance": str(self.id * 7919 % 10**12),
            "data": data,
        }
        self.last_answer = None
        if not wait:
            return self.server.push_update({"callback_query": query})
        try:
            return await self.server.send_update({"callback_query": query}, timeout=timeout)
        finally:
            self.last_answer = self.server.world.callbacks[query_id].answer
            self.answers[query_id] = self.last_answer
