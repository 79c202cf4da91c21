"""One cog per concern: asking (slash command, mentions, DMs) and index administration."""
