"""`python -m bot [serve|migrate|rotate-keys]`."""

from __future__ import annotations

import asyncio
import logging
import os
import sys

from aiohttp import web

from bot.access_log import PathOnlyAccessLogger
from bot.app import build_app, utc_now
from bot.config import Config, ConfigError, load_config
from storage import migrate
from storage.crypto import TokenCipher, load_keys, reencrypt_all
from storage.db import Database
from storage.slack_installations import SlackInstallationRepository

log = logging.getLogger("bot")


def _banner(config: Config) -> None:
    if config.sandbox:
        log.warning(
            "SANDBOX MODE: no Zoom credentials are set, so Zoom is simulated locally at "
            "%s/zoom-sandbox. No real meetings are created.",
            config.public_base_url,
        )
    else:
        log.info("Zoom mode: %s", config.zoom.mode)
    log.info(
        "Serving the bot on http://%s:%d (open %s)",
        config.host,
        config.port,
        config.public_base_url,
    )


async def _rotate(config: Config) -> int:
    keys, _ = load_keys(configured=config.encryption_keys, var_dir=config.var_dir)
    db = Database.from_url(config.database_url)
    cipher = TokenCipher.from_keys(keys)
    slack = SlackInstallationRepository(db=db, cipher=cipher, clock=utc_now)
    try:
        return await reencrypt_all(db, cipher) + await slack.rotate(cipher)
    finally:
        await db.dispose()


def main(argv: list[str]) -> int:
    try:
        config = load_config(os.environ)
    except ConfigError as exc:
        print(f"Configuration error: {exc}", file=sys.stderr)
        return 2
    logging.basicConfig(
        level=config.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    command = argv[0] if argv else "serve"
    if command == "migrate":
        asyncio.run(migrate.upgrade(config.database_url))
        log.info("database is up to date")
        return 0
    if command == "rotate-keys":
        log.info("re-encrypted %d rows with the newest key", asyncio.run(_rotate(config)))
        return 0
    if command != "serve":
        print("usage: python -m bot [serve|migrate|rotate-keys]", file=sys.stderr)
        return 2
    _banner(config)
    web.run_app(
        build_app(config),
        host=config.host,
        port=config.port,
        print=None,
        access_log_class=PathOnlyAccessLogger,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
