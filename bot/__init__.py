"""Quoth's front ends: the ``quoth`` command line and the Discord bot."""
