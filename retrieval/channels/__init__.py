"""Live channels: a Discord server's chosen channels kept as messages (``MessageStore``) and indexed as chat
documents alongside the corpus folder's (``Quoth.messages``)."""

from .records import ChatMessage, LiveChannel, jump_url
from .store import MessageStore, Rendering

__all__ = ["ChatMessage", "LiveChannel", "MessageStore", "Rendering", "jump_url"]
