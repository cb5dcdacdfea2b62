"""The kill ratio: stand-in faults the suite caught / faults run, per UI generation and in total."""

from __future__ import annotations

from typing import NamedTuple


class Kill(NamedTuple):
    ui: str
    fault: str
    caught: bool
    first_failing_step: str
    seconds: float


def kill_ratio_lines(kills: list[Kill]) -> list[str]:
    """One line per UI generation and a total; then the faults that escaped, if any."""
    groups = {ui: [k for k in kills if k.ui == ui] for ui in dict.fromkeys(k.ui for k in kills)}
    lines = []
    for label, rows in [*groups.items(), ("total", kills)]:
        caught = sum(1 for k in rows if k.caught)
        lines.append(f"{label}: {caught}/{len(rows)} faults caught ({100 * caught / len(rows):.0f} %)")
    escaped = [f"{k.ui}/{k.fault}" for k in kills if not k.caught]
    return lines + ([f"escaped: {', '.join(escaped)}"] if escaped else [])
