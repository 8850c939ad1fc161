"""What one ``ringtrace serve`` runs on: the workspace, the reviewer (or none), masking."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["DEFAULT_PORT", "LOCALHOST", "ServeConfig"]

#: The only interface the desk listens on: workspace data never leaves the machine.
LOCALHOST = "127.0.0.1"
DEFAULT_PORT = 8765


@dataclass(frozen=True)
class ServeConfig:
    """``user`` is the reviewer whose actions are recorded; without one the desk is read-only
    (every POST is refused with 403). ``unmask`` shows ID numbers, phones and birth dates in
    full (masked by default, as in ring pages and packs)."""

    workspace: Path
    user: str | None = None
    unmask: bool = False

    @property
    def review(self) -> bool:
        return bool(self.user)
