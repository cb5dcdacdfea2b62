"""Helpers shared with other test folders, loaded by path (tests/suite and tests/grid are separate roots)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def load(name: str, relative: str):
    """One module per name for the whole session (tests/faults loads behave_runs the same way)."""
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / relative)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # before exec: its dataclasses look themselves up there
        spec.loader.exec_module(module)
    return sys.modules[name]


behave_runs = load("behave_runs", "tests/suite/behave_runs.py")
grid_watch = load("grid_watch", "tests/grid/grid_watch.py")
