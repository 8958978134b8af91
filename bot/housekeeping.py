"""Periodic clean-up of rows that are only needed for a while. Safe on every replica at once:
each sweep is a plain DELETE of rows past their use."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.exc import SQLAlchemyError

from bot.services import Services
from storage import idempotency, oauth_states, outbox

log = logging.getLogger(__name__)

IDEMPOTENCY_KEEP = timedelta(days=2)  # platforms retry within minutes; keep well beyond that
DELIVERED_KEEP = timedelta(days=1)
INTERVAL_SECONDS = 3600.0


@dataclass(frozen=True, slots=True)
class Swept:
    idempotency_keys: int
    oauth_states: int
    outbox_rows: int


async def sweep_once(services: Services) -> Swept:
    now = services.clock()
    return Swept(
        idempotency_keys=await idempotency.purge_older_than(
            services.db, cutoff=now - IDEMPOTENCY_KEEP
        ),
        oauth_states=await oauth_states.purge_expired(services.db, now=now),
        outbox_rows=await outbox.purge_claimed_before(services.db, cutoff=now - DELIVERED_KEEP),
    )


async def _forever(services: Services, interval: float) -> None:
    while True:
        try:
            swept = await sweep_once(services)
            log.info("housekeeping removed %s", swept)
        except (SQLAlchemyError, OSError) as exc:  # the database may be back next time
            log.warning("housekeeping failed: %s", type(exc).__name__)
        await asyncio.sleep(interval)


@contextlib.asynccontextmanager
async def running(services: Services, *, interval: float = INTERVAL_SECONDS) -> AsyncIterator[None]:
    task = asyncio.create_task(_forever(services, interval), name="housekeeping")
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
