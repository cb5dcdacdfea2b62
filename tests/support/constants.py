"""Values the test folders share. The e2e admin comes from the stand-in's seed, its only home."""

from __future__ import annotations

from pathlib import Path

from mattermost_standin.seed import ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_USERNAME

ROOT = Path(__file__).resolve().parents[2]  # the repository root (behave runs from here)

ADMIN_LOGIN = ADMIN_USERNAME
# The environment a behave run against a stand-in needs: the seeded admin's password.
ADMIN_ENV = {"MM_ADMIN_PASSWORD": ADMIN_PASSWORD}
# Chromium's headless shell as the process table names it (the kernel keeps 15 characters of a command name).
CHROMIUM_COMM = "chromium-headle"

__all__ = ["ADMIN_EMAIL", "ADMIN_ENV", "ADMIN_LOGIN", "ADMIN_PASSWORD", "CHROMIUM_COMM", "ROOT"]
