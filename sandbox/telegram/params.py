"""Request parameters as the Bot API server sees them: every value a string or an uploaded file.

Telegram accepts JSON bodies, urlencoded and multipart forms and query strings alike; top-level
JSON values that are not strings are treated as their JSON text, so one representation fits all.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from .errors import bad_request

ATTACH = "attach://"


@dataclass
class FilePart:
    name: str
    filename: str
    content_type: str
    data: bytes


class Params(dict[str, "str | FilePart"]):
    """Typed accessors; validation has already run, so conversions here do not fail."""

    method = ""  # canonical method name, set by the server

    def string(self, name: str, default: str | None = None) -> str | None:
        value = self.get(name)
        return value if isinstance(value, str) else default

    def integer(self, name: str, default: int | None = None) -> int | None:
        value = self.string(name)
        return int(value) if value not in (None, "") else default

    def boolean(self, name: str) -> bool:
        return (self.string(name) or "").lower() in ("true", "1")

    def json_value(self, name: str, default: Any = None) -> Any:
        value = self.string(name)
        return json.loads(value) if value else default

    def file(self, value: str | FilePart | None) -> str | FilePart | None:
        """Resolve "attach://part" to the uploaded part; pass file ids and URLs through."""
        if isinstance(value, str) and value.startswith(ATTACH):
            part = self.get(value.removeprefix(ATTACH))
            return part if isinstance(part, FilePart) else None
        return value

    def chat_id(self, name: str = "chat_id") -> int | str | None:
        value = self.string(name)
        if value is None:
            return None
        return int(value) if value.lstrip("-").isdigit() else value


async def read_params(request: web.Request) -> Params:
    params = Params(request.query)
    if request.content_type == "application/json":
        try:
            body = await request.json()
        except ValueError as exc:
            raise bad_request("can't parse JSON body") from exc
        if not isinstance(body, dict):
            raise bad_request("JSON body must be an object")
        for key, value in body.items():
            params[key] = value if isinstance(value, str) else json.dumps(value)
        return params
    form = await request.post()
    for key, value in form.items():
        if isinstance(value, web.FileField):
            data = value.file.read()
            params[key] = FilePart(key, value.filename, value.content_type, data)
        else:
            params[key] = str(value)
    return params
