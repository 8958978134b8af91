"""The Slack adapter (slack-bolt AsyncApp mounted in our aiohttp app). Translation only."""
