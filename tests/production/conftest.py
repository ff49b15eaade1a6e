"""Redis for the multi-instance tests: TEST_REDIS_URL, by default database 15 on localhost."""

import os

import pytest
from redis import asyncio as aioredis
from redis.exceptions import RedisError

from sandbox.telegram import FakeTelegram

REDIS_DEFAULT_URL = "redis://127.0.0.1:6379/15"


@pytest.fixture
async def redis_url():
    url = os.environ.get("TEST_REDIS_URL") or REDIS_DEFAULT_URL
    client = aioredis.from_url(url)
    # the test bot's keys only (other runs may share the server)
    pattern = f"fsm:{FakeTelegram.TOKEN.split(':')[0]}:*"
    try:
        await client.ping()
        await _forget(client, pattern)
    except (RedisError, OSError) as error:
        await client.aclose()
        pytest.skip(f"Redis tests skipped: no server at {url} ({error}); set TEST_REDIS_URL")
    yield url
    await _forget(client, pattern)
    await client.aclose()


async def _forget(client, pattern: str) -> None:
    keys = [key async for key in client.scan_iter(match=pattern)]
    if keys:
        await client.delete(*keys)
