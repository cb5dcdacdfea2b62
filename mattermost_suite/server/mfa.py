"""Multi-factor authentication: the admin's codes, from the TOTP secret Mattermost showed at MFA set-up.

Mattermost checks a code with dgoogauth (RFC 6238: 30 s steps, 6 digits, SHA-1, base32 secret; server
platform/shared/mfa/mfa.go, WindowSize 3 = the steps now-1..now+1), which pyotp computes the same way. Newer servers
also pass the steps already used (Users.MfaUsedTimestamps as DisallowReuse): each step's code works once. The run
logs the admin in several times (preflight, browser, after the revoke, the final restore), so codes are handed out
once per step: the current step first, then the next and the previous one (the server's window), so three logins
within 30 s need no wait.

The codes are not registered as secrets: they expire within a minute, and masking every six-digit number in the
reports would blank out times and ids.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pyotp

from mattermost_suite import poll
from mattermost_suite.config import Config
from mattermost_suite.secrets import Secret

STEP_SECONDS = 30

# POST /api/v4/users/login answers these for a user with MFA active (server api4/user.go `login` leaves exactly
# these two unmasked; app/authentication.go `CheckUserMfa`): no code given, or a code that does not match.
# "ent." is the older Enterprise module's form of the first (mobile app's login screen lists both).
CODE_MISSING = ("mfa.validate_token.authenticate.app_error", "ent.mfa.validate_token.authenticate.app_error")
CODE_WRONG = "api.user.check_user_mfa.bad_code.app_error"


class TotpCodes:
    """Callable: a code no earlier call returned. When the codes of this step and of both neighbours are spent (a
    fourth login within 30 s), it waits for the next step to begin: at most 30 s, the time a person would wait too."""

    def __init__(
        self, secret: Secret, clock: Callable[[], float] = time.time, wait: Callable[[float], object] = poll.pause
    ):
        self._totp = pyotp.TOTP(secret.reveal())
        self._clock, self._wait = clock, wait
        self._spent: set[int] = set()
        self._lock = threading.Lock()

    def __call__(self) -> str:
        with self._lock:
            while True:
                step = int(self._clock()) // STEP_SECONDS
                unspent = next((s for s in (step, step + 1, step - 1) if s not in self._spent), None)
                if unspent is not None:
                    self._spent = {s for s in self._spent if s >= step - 1} | {unspent}
                    return self._totp.at(unspent * STEP_SECONDS)
                poll.until_clock_reaches((step + 1) * STEP_SECONDS, clock=self._clock, wait=self._wait)


_codes: dict[str, TotpCodes] = {}
_codes_lock = threading.Lock()


def totp_codes(secret: Secret) -> TotpCodes:
    """One source of codes per secret for the whole process: the REST identity and the admin's browser share it."""
    with _codes_lock:
        return _codes.setdefault(secret.reveal(), TotpCodes(secret))


def admin_totp(config: Config) -> Callable[[], str] | None:
    """The admin's codes for the browser's MFA step and the REST login; None when no secret is given."""
    return totp_codes(config.admin_mfa_secret) if config.admin_mfa_secret else None
