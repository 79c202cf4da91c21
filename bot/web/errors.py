"""What a request gets when it cannot be answered: a status and one message, the CLI's own words where the CLI
has them, as JSON under ``/api/v1`` and as a page elsewhere — never a traceback."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class WebError(Exception):
    """A request the app refuses or cannot answer; ``message`` is shown to the client as it is."""

    status: int
    message: str
    suggestions: list[str] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.message

    def to_json(self) -> dict:
        return {"error": {"status": self.status, "message": self.message, "suggestions": self.suggestions}}
