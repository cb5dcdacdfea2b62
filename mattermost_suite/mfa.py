"""Multi-factor authentication: the admin's current code, from the TOTP secret Mattermost showed at MFA set-up.

Mattermost checks the code with dgoogauth (RFC 6238: 30 s steps, 6 digits, SHA-1, base32 secret), which pyotp
computes the same way. The codes are not registered as secrets: they expire within a minute, and masking every
six-digit number in the reports would blank out times and ids.
"""
from __future__ import annotations

from typing import Callable

import pyotp

from .config import Config
from .secrets import Secret

# POST /api/v4/users/login answers these for a user with MFA active (server api4/user.go `login` leaves exactly
# these two unmasked; app/authentication.go `CheckUserMfa`): no code given, or a code that does not match.
# "ent." is the older Enterprise module's form of the first (mobile app's login screen lists both).
CODE_MISSING = ("mfa.validate_token.authenticate.app_error", "ent.mfa.validate_token.authenticate.app_error")
CODE_WRONG = "api.user.check_user_mfa.bad_code.app_error"


def totp_codes(secret: Secret) -> Callable[[], str]:
    """A callable returning the code valid right now (ask again for each login: codes change every 30 s)."""
    totp = pyotp.TOTP(secret.reveal())
    return totp.now


def admin_totp(config: Config) -> Callable[[], str] | None:
    """The admin's codes for the browser's MFA step and the REST login; None when no secret is given."""
    return totp_codes(config.admin_mfa_secret) if config.admin_mfa_secret else None
