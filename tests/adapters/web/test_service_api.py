"""Other ATOM services: bearer token + user_id, the OAuth URL endpoint, health and status."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from tests.factories import command
from tests.fixtures.app_server import API_TOKEN, AppServer

AUTH = {"Authorization": f"Bearer {API_TOKEN}"}


async def test_a_service_connects_and_schedules_for_its_user(app_server: AppServer) -> None:
    async with app_server.client(headers=AUTH) as client:
        answer = await client.get("/api/oauth/zoom/url", params={"user_id": "svc-user-1"})
        assert answer.status_code == 200
        url = answer.json()["oauth_url"]
        query = parse_qs(urlparse(url).query)
        assert query["code_challenge_method"] == ["S256"]
        assert query["state"][0]

        location = await app_server.sandbox.approve(client, url, "svc@example.com")
        assert (await client.get(location)).status_code == 200

        body = command(
            "schedule a meeting called Ops Review tomorrow at 11am for 45 minutes",
            tz="Asia/Tokyo",
            user_id="svc-user-1",
            email="svc@example.com",
        )
        created = await client.post("/api/zoom/enhanced/chat/commands", json=body)
    data = created.json()
    assert data["success"] is True
    meeting = data["response"]["meeting"]
    assert {"id", "topic", "start_time", "timezone", "duration", "join_url"} <= meeting.keys()
    assert meeting["timezone"] == "Asia/Tokyo"
    assert meeting["duration"] == 45


async def test_the_oauth_state_is_single_use(app_server: AppServer) -> None:
    async with app_server.client(headers=AUTH) as client:
        url = (await client.get("/api/oauth/zoom/url", params={"user_id": "u2"})).json()[
            "oauth_url"
        ]
        location = await app_server.sandbox.approve(client, url, "u2@example.com")
        assert (await client.get(location)).status_code == 200
        replay = await client.get(location)
    assert replay.status_code == 400
    assert "expired or was already used" in replay.text


async def test_start_redirects_to_zoom(app_server: AppServer) -> None:
    async with app_server.client(headers=AUTH) as client:
        answer = await client.get("/api/auth/zoom/start", params={"user_id": "u3"})
    assert answer.status_code == 302
    assert answer.headers["Location"].startswith(app_server.sandbox.oauth_base + "/authorize")


async def test_a_denied_approval_says_so(app_server: AppServer) -> None:
    async with app_server.client() as client:
        answer = await client.get("/api/auth/zoom/callback", params={"error": "access_denied"})
    assert answer.status_code == 400
    assert "approve the Zoom connection" in answer.text


async def test_health_and_status(app_server: AppServer) -> None:
    async with app_server.client() as client:
        health = await client.get("/api/zoom/enhanced/health")
        status = await client.get("/api/zoom/enhanced/status")
    assert health.status_code == 200
    assert health.json() == {
        "status": "ok",
        "database": "ok",
        "zoom": {"mode": "sandbox", "sandbox": True},
    }
    assert status.json()["database"]["dialect"] == "sqlite"


async def test_the_zoom_profile_zone_is_the_default(app_server: AppServer) -> None:
    app_server.sandbox.state.add_user("chi@example.com", timezone="America/Chicago")
    async with app_server.client(headers=AUTH) as client:
        url = (await client.get("/api/oauth/zoom/url", params={"user_id": "chi"})).json()[
            "oauth_url"
        ]
        await client.get(await app_server.sandbox.approve(client, url, "chi@example.com"))
        text = "schedule a meeting called Zone Check tomorrow at 9am"
        no_zone = await client.post(
            "/api/zoom/enhanced/chat/commands",
            json={"user_id": "chi", "command": text, "request_id": "z1"},
        )
        with_zone = await client.post(
            "/api/zoom/enhanced/chat/commands", json=command(text, tz="Asia/Tokyo", user_id="chi")
        )
    assert no_zone.json()["response"]["meeting"]["timezone"] == "America/Chicago"
    assert with_zone.json()["response"]["meeting"]["timezone"] == "Asia/Tokyo", "platform wins"
