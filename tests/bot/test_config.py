from __future__ import annotations

import pytest

from bot.config import SLACK_API_DEFAULT, ConfigError, load_config


def test_defaults_are_sandbox_on_sqlite() -> None:
    config = load_config({})
    assert config.sandbox
    assert config.port == 8000
    assert config.database_url == "sqlite+aiosqlite:///var/zoombot.db"
    assert config.zoom.api_base == "http://localhost:8000/zoom-sandbox/v2"
    assert config.zoom.redirect_uri == "http://localhost:8000/api/auth/zoom/callback"


def test_port_overrides_the_public_url() -> None:
    config = load_config({"PORT": "9001"})
    assert config.public_base_url == "http://localhost:9001"


@pytest.mark.parametrize(
    ("env", "variable"),
    [
        ({"PORT": "eighty"}, "PORT"),
        ({"ZOOM_CLIENT_ID": "abc"}, "ZOOM_CLIENT_SECRET"),
        ({"ZOOM_ACCOUNT_ID": "acct"}, "ZOOM_CLIENT_ID"),
        ({"ZOOMBOT_DEFAULT_TIMEZONE": "Mars/Olympus"}, "ZOOMBOT_DEFAULT_TIMEZONE"),
        ({"PUBLIC_BASE_URL": "localhost:8000"}, "PUBLIC_BASE_URL"),
    ],
)
def test_a_bad_setting_names_its_variable(env: dict[str, str], variable: str) -> None:
    with pytest.raises(ConfigError, match=variable):
        load_config(env)


def test_real_credentials_select_oauth_or_server_to_server() -> None:
    oauth = load_config({"ZOOM_CLIENT_ID": "id", "ZOOM_CLIENT_SECRET": "s"})
    assert oauth.zoom.mode == "oauth"
    assert oauth.zoom.api_base == "https://api.zoom.us/v2"
    s2s = load_config({"ZOOM_CLIENT_ID": "id", "ZOOM_CLIENT_SECRET": "s", "ZOOM_ACCOUNT_ID": "a"})
    assert s2s.zoom.mode == "s2s"


# --- Slack (issue 4): on only with a signing secret ---------------------------------------


def test_slack_is_off_without_a_signing_secret() -> None:
    assert load_config({}).slack is None


def test_single_workspace_mode() -> None:
    slack = load_config(
        {"SLACK_SIGNING_SECRET": "s", "SLACK_BOT_TOKEN": "xoxb-1", "SLACK_API_URL": "http://x/api"}
    ).slack
    assert slack is not None and not slack.oauth
    assert slack.api_url == "http://x/api/"
    assert "users:read.email" in slack.scopes


def test_oauth_mode_and_the_default_api() -> None:
    env = {"SLACK_SIGNING_SECRET": "s", "SLACK_CLIENT_ID": "1.2", "SLACK_CLIENT_SECRET": "c"}
    slack = load_config(env).slack
    assert slack is not None and slack.oauth and slack.api_url == SLACK_API_DEFAULT


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_SIGNING_SECRET"),
        ({"SLACK_SIGNING_SECRET": "s"}, "SLACK_BOT_TOKEN"),
        ({"SLACK_SIGNING_SECRET": "s", "SLACK_CLIENT_ID": "1"}, "SLACK_CLIENT_SECRET"),
        (
            {"SLACK_SIGNING_SECRET": "s", "SLACK_BOT_TOKEN": "x", "SLACK_API_URL": "ftp://x"},
            "SLACK_API_URL",
        ),
    ],
)
def test_slack_errors_name_the_variable(env: dict[str, str], named: str) -> None:
    with pytest.raises(ConfigError, match=named):
        load_config(env)
