"""The Bot API session: aiogram's aiohttp session, with its response models kept alive and each
button press answered once."""

from collections import OrderedDict
from typing import Any, ClassVar

from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.session.middlewares.base import BaseRequestMiddleware
from aiogram.methods import AnswerCallbackQuery
from aiogram.methods.base import Response

ANSWERS_KEPT = 10_000  # press ids remembered; a press is answered within seconds


class ApiSession(AiohttpSession):
    """aiogram reads each answer through `Response[<the method's result type>]`, a pydantic
    generic model. pydantic caches such classes weakly, so the class died after each call and
    the next call rebuilt its schema: ~5 ms of CPU a Bot API call, most of a dialog step's
    cost. Holding one class per result type keeps pydantic's cache warm."""

    _response_types: ClassVar[dict[Any, type]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.middleware(AnswerOnce())

    def check_response(self, bot, method, status_code, content):
        returning = method.__returning__
        if returning not in self._response_types:
            self._response_types[returning] = Response[returning]
        return super().check_response(bot, method, status_code, content)


class AnswerOnce(BaseRequestMiddleware):
    """A button press gets one answer. aiogram-dialog answers every press after its handler,
    so after a handler's alert (a refusal, a stale button) Telegram refused the second answer
    ("query ID is invalid"); the first answer stands and a later one is not sent."""

    def __init__(self) -> None:
        self.answered: OrderedDict[str, None] = OrderedDict()

    async def __call__(self, make_request, bot, method):
        if not isinstance(method, AnswerCallbackQuery):
            return await make_request(bot, method)
        if method.callback_query_id in self.answered:
            return True  # what Telegram says to the answer that counted
        result = await make_request(bot, method)
        self.answered[method.callback_query_id] = None
        if len(self.answered) > ANSWERS_KEPT:
            self.answered.popitem(last=False)
        return result
