"""TOTP checks as Mattermost runs them (platform/shared/mfa over dgryski/dgoogauth): 30-second steps, a window of
one step either side, six digits. A token that is not six digits (or eight starting 1-9, a scratch code Mattermost
never issues) cannot be parsed; a well-formed one that matches no step is wrong. v10 servers also remember the
steps already used (Users.MfaUsedTimestamps), so a code works once.
"""

from __future__ import annotations

import time

import pyotp

from .errors import AppError

STEP_SECONDS = 30
WINDOW = 1  # dgoogauth WindowSize 3: steps t-1 .. t+1


def code_at(secret: str, step: int) -> str:
    return pyotp.TOTP(secret).at(step * STEP_SECONDS)


def check_token(secret: str, token: str, used_steps: list[int], remember_used: bool) -> list[int]:
    """The steps to remember after a good token; AppError (status 401, as authenticateUser sets it) otherwise."""
    password = token.strip()
    shaped = (len(password) == 6 and password[:1].isdigit()) or (len(password) == 8 and password[:1] in "123456789")
    well_formed = shaped and password.isascii() and password.isdigit()
    if not well_formed:
        raise AppError(401, "mfa.validate_token.authenticate.app_error")
    if len(password) == 8:  # a scratch code: Mattermost keeps none
        raise AppError(401, "api.user.check_user_mfa.bad_code.app_error")
    now = int(time.time()) // STEP_SECONDS
    for step in range(now - WINDOW, now + WINDOW + 1):
        if code_at(secret, step) == password:
            if remember_used and step in used_steps:
                break
            return sorted(s for s in {*used_steps, step} if s >= now - WINDOW) if remember_used else []
    raise AppError(401, "api.user.check_user_mfa.bad_code.app_error")
