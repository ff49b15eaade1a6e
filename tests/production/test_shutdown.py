"""A replica asked to stop (SIGTERM: `docker stop`, a rolling upgrade) finishes the updates it is
handling before it lets go of its connection to Telegram."""

import asyncio

from sandbox.telegram import strip_bidi
from tests.conftest import make_settings
from tests.production.replicas import PATH, SECRET, Replica

SLOW_SEND = 1.5  # seconds Telegram takes to answer the bot's first sendMessage


async def test_a_stopping_replica_finishes_the_update_under_way(tg, db_url):
    settings = make_settings(tg, db_url, webhook_url=f"http://127.0.0.1:1{PATH}",
                             webhook_secret=SECRET)
    replica = await Replica(tg, settings).start()
    tg.webhook.configure(replica.url + PATH, SECRET, 40)  # the port is known only now
    tg.delay("sendMessage", SLOW_SEND, times=1)
    person = tg.user(953001, first_name="Hadi")
    update_id = await person.send("/start", wait=False)
    await asyncio.sleep(SLOW_SEND / 3)  # the update is being handled, its answer on its way
    assert tg.webhook.answers == [], "the update was answered before the replica was stopped"
    await replica.stop()
    await tg.wait_for_update(update_id, timeout=10)

    texts = [strip_bidi(m.text) for m in person.messages()]
    assert texts, "the person got no answer"
    assert not any("went wrong" in text for text in texts), texts
    assert tg.webhook.statuses(update_id) == [200]
