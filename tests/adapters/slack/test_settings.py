"""The SLACK_* settings in bot/config.py: Slack is on only with a signing secret."""

from __future__ import annotations

import pytest

from bot.config import SLACK_API_DEFAULT, ConfigError, load_config


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
def test_errors_name_the_variable(env: dict[str, str], named: str) -> None:
    with pytest.raises(ConfigError, match=named):
        load_config(env)
