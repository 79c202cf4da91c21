"""Quoth's front ends: the ``quoth`` command line (cli/) and the Discord bot (discord/). Nothing in the library
imports them."""
