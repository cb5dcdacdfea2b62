"""Mattermost's AppError body ({id, message, detailed_error, request_id, status_code}) and its ids.

Messages are the English texts of the real `server/i18n/en.json` for the ids the stand-in emits.
"""
from __future__ import annotations

import secrets

# Mattermost ids are 26 chars of this base32 alphabet (model.NewId).
_ID_ALPHABET = "ybndrfg8ejkmcpqxot1uwisza345h769"

MESSAGES = {
    "api.context.session_expired.app_error": "Invalid or expired session, please login again.",
    "api.context.permissions.app_error": "You do not have the appropriate permissions.",
    "api.context.404.app_error": "Sorry, we could not find the page.",
    "api.context.invalid_body_param.app_error": "Invalid or missing {name} in request body.",
    "api.context.invalid_url_param.app_error": "Invalid or missing {name} parameter in request URL.",
    "api.context.token_provided.app_error": "Session is not OAuth but token was provided in the query string.",
    "api.context.request_body_too_large.app_error": "Request body is larger than {limit} bytes.",
    "api.user.login.invalid_credentials_email_username": "Enter a valid email or username and/or password.",
    "api.user.login.blank_pwd.app_error": "Password field must not be blank",
    "api.user.login.inactive.app_error":
        "Login failed because your account has been deactivated.  Please contact an administrator.",
    "api.user.delete_user.not_enabled.app_error":
        "Permanent user deletion feature is not enabled. Please contact your System Administrator.",
    "app.user.missing_account.const": "Unable to find the user.",
    "app.user.get_by_username.app_error": "Unable to find an existing account matching your username for this team. "
                                          "This team may require an invite from the team owner to join.",
    "app.user.save.username_exists.app_error": "An account with that username already exists.",
    "app.user.save.email_exists.app_error": "An account with that email already exists.",
    "model.user.is_valid.username.app_error": "Invalid username.",
    "model.user.is_valid.email.app_error": "Invalid email.",
    "model.user.is_valid.pwd.app_error": "Your password must contain at least {min} characters.",
    "app.session.get.app_error": "We encountered an error finding the session.",
    "app.team.save.existing.app_error": "A team with that name already exists.",
    "model.team.is_valid.name.app_error": "Invalid name.",
    "model.team.is_valid.type.app_error": "Invalid type.",
    "app.team.get_by_name.missing.app_error": "Unable to find the existing team.",
    "app.team.get.find.app_error": "Unable to find the existing team.",
    "app.channel.get_by_name.missing.app_error": "Channel does not exist.",
    "api.context.500.app_error": "An internal server error occurred.",
}


def new_id() -> str:
    """A 26-character id in Mattermost's alphabet (user ids, session ids, tokens, request ids)."""
    return "".join(secrets.choice(_ID_ALPHABET) for _ in range(26))


def is_valid_id(value: str) -> bool:
    return len(value) == 26 and all(c in _ID_ALPHABET for c in value)


class AppError(Exception):
    """Raised by handlers; rendered as the real error body by the app's error boundary."""

    def __init__(self, status: int, error_id: str, detailed: str = "", clear_cookie: bool = False, **fmt):
        super().__init__(error_id)
        self.status = status
        self.error_id = error_id
        self.message = MESSAGES.get(error_id, error_id).format(**fmt)
        # detailed_error is blanked on a real server unless developer mode is on; kept for our own logs only.
        self.detailed = detailed
        self.clear_cookie = clear_cookie

    def body(self, request_id: str) -> dict:
        return {"id": self.error_id, "message": self.message, "detailed_error": "",
                "request_id": request_id, "status_code": self.status}


def invalid_body(name: str) -> AppError:
    return AppError(400, "api.context.invalid_body_param.app_error", name=name)


def invalid_url(name: str) -> AppError:
    return AppError(400, "api.context.invalid_url_param.app_error", name=name)


def session_expired(detailed: str = "", clear_cookie: bool = False) -> AppError:
    return AppError(401, "api.context.session_expired.app_error", detailed, clear_cookie)


def forbidden() -> AppError:
    return AppError(403, "api.context.permissions.app_error")


def not_found() -> AppError:
    return AppError(404, "api.context.404.app_error")
