"""Where dialog and FSM state live: our database by default, Redis with REDIS_URL.

The database storage survives a restart; inside an update it joins the update's session (one
transaction with the handler's writes), elsewhere (background redraws) it uses a short
transaction of its own. Redis lets any webhook replica continue any user's dialog.
"""

import copy
from collections.abc import Mapping
from typing import Any

from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseStorage, DefaultKeyBuilder, KeyBuilder, StorageKey
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from storage.database import joined_session
from storage.repositories import fsm as repo


def dialog_key_builder() -> KeyBuilder:
    # aiogram-dialog keeps several records per chat, told apart by destiny.
    return DefaultKeyBuilder(with_destiny=True, with_bot_id=True)


def create_storage(settings: Settings, pool: async_sessionmaker[AsyncSession]) -> BaseStorage:
    if settings.redis_url:
        from aiogram.fsm.storage.redis import RedisStorage  # needs the redis client

        return RedisStorage.from_url(settings.redis_url, key_builder=dialog_key_builder())
    return SqlStorage(pool)


class SqlStorage(BaseStorage):
    def __init__(
        self, pool: async_sessionmaker[AsyncSession], key_builder: KeyBuilder | None = None,
    ):
        self.pool = pool
        self.key_builder = key_builder or dialog_key_builder()

    # Conversations are aiogram-dialog dialogs, which keep their state in data records; plain
    # aiogram FSM states are not used. aiogram still asks for one on every update: answered
    # without a database round trip (a transaction of its own, before the update's).
    async def set_state(self, key: StorageKey, state: str | State | None = None) -> None:
        if state is not None:
            raise NotImplementedError("use an aiogram-dialog dialog, not an aiogram FSM state")

    async def get_state(self, key: StorageKey) -> str | None:
        return None

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        async with joined_session(self.pool) as session:
            await repo.put(session, self.key_builder.build(key), copy.deepcopy(dict(data)))

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        async with joined_session(self.pool) as session:
            record = await repo.get(session, self.key_builder.build(key))
            # a deep copy: aiogram-dialog edits nested dicts in place before saving them
            return copy.deepcopy(record.data) if record else {}

    async def close(self) -> None:
        pass
