"""The Bot API session: aiogram's aiohttp session, with its response models kept alive."""

from typing import Any, ClassVar

from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.methods.base import Response


class ApiSession(AiohttpSession):
    """aiogram reads each answer through `Response[<the method's result type>]`, a pydantic
    generic model. pydantic caches such classes weakly, so the class died after each call and
    the next call rebuilt its schema: ~5 ms of CPU a Bot API call, most of a dialog step's
    cost. Holding one class per result type keeps pydantic's cache warm."""

    _response_types: ClassVar[dict[Any, type]] = {}

    def check_response(self, bot, method, status_code, content):
        returning = method.__returning__
        if returning not in self._response_types:
            self._response_types[returning] = Response[returning]
        return super().check_response(bot, method, status_code, content)
