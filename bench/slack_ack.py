"""Slack ack latency under load (issue 4's benchmark; not a test).

Starts everything itself: the Zoom sandbox and a stand-in Slack Web API in this process, and
the bot as a subprocess (`python -m bot serve`, temporary SQLite, SLACK_* pointing at the
stand-in). It connects the bench users' Zoom accounts through the sandbox's OAuth consent,
measures GET /api/zoom/enhanced/health as the baseline, then fires N signed `/zoom schedule`
slash commands at concurrency C. It reports p50/p99 of the HTTP ack, the errors, and how many
meetings the sandbox holds once the background work has finished (bounded wait).

    .venv/bin/python bench/slack_ack.py [--commands 500] [--concurrency 50] [--users 10]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402
import httpx  # noqa: E402
from aiohttp import web  # noqa: E402

from tests.adapters.slack import factories  # noqa: E402
from tests.adapters.slack.fake_slack import BOT_TOKEN, FakeSlack, slack_user  # noqa: E402
from tests.fixtures.zoom_contract import ContractChecker  # noqa: E402
from tests.fixtures.zoom_sandbox import ZoomSandbox  # noqa: E402
from zoom.sandbox import SandboxState, build_sandbox_app  # noqa: E402

HEALTH = "/api/zoom/enhanced/health"
SETTLE_SECONDS = 300.0  # the longest we wait for the background work to finish


@dataclass(frozen=True)
class Sample:
    seconds: float
    ok: bool


class Client:
    """The load generator's HTTP client: aiohttp, whose pool costs less CPU than httpx's here."""

    def __init__(self, base_url: str, session: aiohttp.ClientSession) -> None:
        self._base, self._session = base_url, session

    async def _timed(self, method: str, path: str, **kwargs: Any) -> Sample:
        started = time.perf_counter()
        try:
            async with self._session.request(method, self._base + path, **kwargs) as answer:
                await answer.read()
                ok = answer.status == 200
        except (aiohttp.ClientError, TimeoutError):
            ok = False
        return Sample(time.perf_counter() - started, ok)

    async def get(self, path: str) -> Sample:
        return await self._timed("GET", path)

    async def post(self, path: str, body: bytes, headers: dict[str, str]) -> Sample:
        return await self._timed("POST", path, data=body, headers=headers)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]


async def _serve(app: web.Application) -> tuple[web.AppRunner, str]:
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    return runner, f"http://{host}:{port}"


def _bot_env(*, port: int, var: Path, sandbox: ZoomSandbox, slack: FakeSlack) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "PORT": str(port),
        "PUBLIC_BASE_URL": f"http://127.0.0.1:{port}",
        "ZOOMBOT_VAR_DIR": str(var),
        "DATABASE_URL": f"sqlite+aiosqlite:///{var / 'bench.db'}",
        "ZOOM_API_BASE": sandbox.api_base,
        "ZOOM_OAUTH_BASE": sandbox.oauth_base,
        "SLACK_SIGNING_SECRET": factories.SIGNING_SECRET,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_API_URL": f"{slack.base_url}/api/",
        "LOG_LEVEL": "WARNING",
    }


@contextlib.contextmanager
def bot_process(env: dict[str, str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    python = sys.executable
    subprocess.run([python, "-m", "bot", "migrate"], env=env, cwd=ROOT, check=True,
                   capture_output=True, timeout=120)  # fmt: skip
    with log.open("wb") as out:
        proc = subprocess.Popen([python, "-m", "bot", "serve"], env=env, cwd=ROOT,
                                stdout=out, stderr=subprocess.STDOUT)  # fmt: skip
        try:
            yield proc
        finally:
            proc.terminate()  # only the process this script started
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


async def wait_healthy(http: httpx.AsyncClient, proc: subprocess.Popen[bytes]) -> None:
    async with asyncio.timeout(90):
        while True:
            if proc.poll() is not None:
                raise SystemExit(f"the bot exited with {proc.returncode}; see its log")
            with contextlib.suppress(httpx.TransportError):
                if (await http.get(HEALTH)).status_code == 200:
                    return
            await asyncio.sleep(0.2)


async def slash(http: Client, slack: FakeSlack, user: str, text: str) -> tuple[Sample, str]:
    key = uuid.uuid4().hex
    fields = factories.slash_command(text, user=user, response_url=slack.response_url(key))
    body, headers = factories.form(fields)
    return await http.post("/slack/events", body, {**headers, **factories.sign(body)}), key


async def connect(world: World, http: httpx.AsyncClient, client: Client, user: str) -> None:
    slack = world.slack
    sample, key = await slash(client, slack, user, "connect")
    assert sample.ok, "the connect command was not acked"
    (prompt,) = await slack.wait_responses(key, within=30)
    url = next(e["url"] for b in prompt["blocks"] for e in b.get("elements", []) if "url" in e)
    location = await world.sandbox.approve(http, url, f"{user.lower()}@bench.example.com")
    assert (await http.get(location)).status_code == 200
    await slack.wait_responses(key, 2, within=30)  # "Zoom is connected", via the outbox


async def load(n: int, concurrency: int, one: Callable[[int], Awaitable[Sample]]) -> list[Sample]:
    gate = asyncio.Semaphore(concurrency)

    async def run(i: int) -> Sample:
        async with gate:
            return await one(i)

    return list(await asyncio.gather(*(run(i) for i in range(n))))


async def settle(state: SandboxState, expected: int) -> float:
    """Wait until the sandbox holds `expected` meetings or stops growing for 30 s."""
    started = last_change = time.monotonic()
    seen = -1
    while time.monotonic() - started < SETTLE_SECONDS:
        count = len(state.meetings)
        if count >= expected:
            break
        if count != seen:
            seen, last_change = count, time.monotonic()
        elif time.monotonic() - last_change > 30:
            break
        await asyncio.sleep(0.1)
    return time.monotonic() - started


def summary(name: str, samples: list[Sample]) -> dict[str, Any]:
    ms = [s.seconds * 1000 for s in samples]
    return {
        f"{name}_p50_ms": round(percentile(ms, 50), 1),
        f"{name}_p99_ms": round(percentile(ms, 99), 1),
        f"{name}_errors": sum(not s.ok for s in samples),
    }


@dataclass
class World:
    """What the bot talks to, in this process: the Zoom sandbox and the stand-in Slack."""

    sandbox: ZoomSandbox
    slack: FakeSlack
    runners: list[web.AppRunner]
    users: list[str]
    keys: set[str] = field(default_factory=set)  # the response_url keys of the load phase


async def make_world(args: argparse.Namespace) -> World:
    state = SandboxState()
    checker = ContractChecker()  # off by default: openapi-core's checks cost this process CPU
    middlewares = [checker.middleware] if args.check_zoom else []
    zoom_runner, zoom_base = await _serve(build_sandbox_app(state=state, middlewares=middlewares))
    sandbox = ZoomSandbox(zoom_base, f"{zoom_base}/v2", f"{zoom_base}/oauth", state, checker)
    slack = FakeSlack()
    users = [f"U0BENCH{i:03d}" for i in range(args.users)]
    for u in users:
        slack.users[u] = slack_user(u, f"Bench {u[-3:]}", f"{u.lower()}@bench.example.com", "UTC")
    slack_runner, slack.base_url = await _serve(slack.app())
    return World(sandbox, slack, [zoom_runner, slack_runner], users)


async def measure(args: argparse.Namespace, world: World, base_url: str) -> dict[str, Any]:
    connector = aiohttp.TCPConnector(limit=args.concurrency + 10)
    timeout = aiohttp.ClientTimeout(total=30)
    async with (
        httpx.AsyncClient(base_url=base_url, timeout=30) as http,
        aiohttp.ClientSession(connector=connector, timeout=timeout) as session,
    ):
        client = Client(base_url, session)
        for user in world.users:
            await connect(world, http, client, user)
        await load(50, 10, lambda i: client.get(HEALTH))  # warm-up
        health = await load(args.commands, args.concurrency, lambda i: client.get(HEALTH))
        started = time.monotonic()
        acks = await load(args.commands, args.concurrency, lambda i: _schedule(client, world, i))
        fired = time.monotonic() - started
        settled = await settle(world.sandbox.state, args.commands)
        with contextlib.suppress(TimeoutError):  # bounded: cards_sent reports the shortfall
            await world.slack.wait_for(lambda: _answered(world) >= args.commands, within=60)
    result = summary("ack", acks) | summary("health", health)
    result["fire_seconds"] = round(fired, 2)
    result["all_done_seconds"] = round(fired + settled, 2)
    return result


async def bench(args: argparse.Namespace) -> dict[str, Any]:
    world = await make_world(args)
    port = _free_port()
    try:
        with tempfile.TemporaryDirectory(prefix="slack-bench-") as tmp:
            env = _bot_env(port=port, var=Path(tmp), sandbox=world.sandbox, slack=world.slack)
            with bot_process(env, Path(tmp) / "bot.log") as proc:
                async with httpx.AsyncClient(base_url=env["PUBLIC_BASE_URL"]) as probe:
                    await wait_healthy(probe, proc)
                measured = await measure(args, world, env["PUBLIC_BASE_URL"])
                log_tail = (Path(tmp) / "bot.log").read_text(errors="replace")[-3000:]
    finally:
        for runner in world.runners:
            await runner.cleanup()
    result: dict[str, Any] = {"commands": args.commands, "concurrency": args.concurrency}
    result |= {"users": args.users, **measured}
    result["p99_ratio"] = round(result["ack_p99_ms"] / max(result["health_p99_ms"], 0.001), 2)
    result["meetings_created"] = len(world.sandbox.state.meetings)
    answered = [r for key, r in world.slack.responses.items() if key in world.keys]
    result["cards_sent"] = sum(any("cancel_meeting" in str(m) for m in r) for r in answered)
    result["slack_contract_violations"] = len(world.slack.violations)
    result["zoom_contract_violations"] = len(world.sandbox.contract.violations)
    if result["meetings_created"] != args.commands or result["ack_errors"]:
        print(log_tail, file=sys.stderr)
    return result


def _answered(world: World) -> int:
    return sum(bool(world.slack.responses.get(key)) for key in world.keys)


async def _schedule(client: Client, world: World, i: int) -> Sample:
    text = f"schedule a meeting called Bench {i} tomorrow at 10am for 30 minutes"
    sample, key = await slash(client, world.slack, world.users[i % len(world.users)], text)
    world.keys.add(key)
    return sample


def print_table(result: dict[str, Any]) -> None:
    rows = [
        ("slash command ack", result["ack_p50_ms"], result["ack_p99_ms"], result["ack_errors"]),
        (
            "GET health (baseline)",
            result["health_p50_ms"],
            result["health_p99_ms"],
            result["health_errors"],
        ),
    ]
    print(f"{'endpoint':<24}{'p50 ms':>10}{'p99 ms':>10}{'errors':>8}")
    for name, p50, p99, errors in rows:
        print(f"{name:<24}{p50:>10}{p99:>10}{errors:>8}")
    done = f"all done in {result['all_done_seconds']} s"
    print(f"meetings created: {result['meetings_created']} / {result['commands']} ({done}); "
          f"p99 ratio {result['p99_ratio']}")  # fmt: skip
    print(json.dumps(result, sort_keys=True))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--commands", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--users", type=int, default=10)
    parser.add_argument("--check-zoom", action="store_true", help="hold Zoom calls to the spec")
    result = asyncio.run(bench(parser.parse_args()))
    print_table(result)
    ok = result["ack_errors"] == 0 and result["meetings_created"] == result["commands"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
