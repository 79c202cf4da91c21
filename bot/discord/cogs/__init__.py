"""The bot's cogs, one per concern: asking (ask.py) and index administration (admin.py)."""
