"""Progress lines a tester watches live (behave captures stdout/stderr of passing steps, so write past it)."""
from __future__ import annotations

import sys

from .secrets import mask


def say(line: str) -> None:
    stream = sys.__stderr__ or sys.stderr
    stream.write(mask(f"MM-T940: {line}") + "\n")
    stream.flush()
