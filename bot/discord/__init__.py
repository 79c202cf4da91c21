"""The Discord front end: the bot (app.py), its cogs, buttons, the ask service and the answers' embeds."""
