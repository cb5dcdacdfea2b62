"""Mattermost's AppError body ({id, message, detailed_error, request_id, status_code}) and its ids.

Messages are the English texts of the real `server/i18n/en.json` for the ids the stand-in emits.
"""

from __future__ import annotations

import base64
import secrets

# Mattermost ids are 26 chars of this base32 alphabet (model.NewId).
_ID_ALPHABET = "ybndrfg8ejkmcpqxot1uwisza345h769"
_FROM_BASE32 = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", _ID_ALPHABET)

MESSAGES = {
    "api.context.session_expired.app_error": "Invalid or expired session, please login again.",
    "api.context.permissions.app_error": "You do not have the appropriate permissions.",
    "api.context.404.app_error": "Sorry, we could not find the page.",
    "api.context.invalid_body_param.app_error": "Invalid or missing {name} in request body.",
    "api.context.invalid_url_param.app_error": "Invalid or missing {name} parameter in request URL.",
    "api.context.token_provided.app_error": "Session is not OAuth but token was provided in the query string.",
    "api.context.request_body_too_large.app_error": "Unable to process request. Request body too large.",
    "api.context.mfa_required.app_error": "Multi-factor authentication is required on this server.",
    "api.context.get_user.app_error": "Unable to get user from session UserID.",
    "api.config.client.old_format.app_error": "New format for the client configuration is not supported yet. Please specify format=old in the query string.",
    "api.license.client.old_format.app_error": "New format for the client license is not supported yet. Please specify format=old in the query string.",
    "api.preference.preferences_category.get.app_error": "Unable to get user preferences.",
    "api.preference.update_preferences.set.app_error": "Unable to set user preferences.",
    "api.preference.delete_preferences.delete.app_error": "Unable to delete user preferences.",
    "app.preference.get.app_error": "We encountered an error while finding preferences.",
    "store.sql_preference.get.app_error": "We encountered an error while finding preferences.",
    "model.preference.is_valid.id.app_error": "Invalid user id.",
    "model.preference.is_valid.category.app_error": "Invalid category.",
    "model.preference.is_valid.name.app_error": "Invalid name.",
    "model.preference.is_valid.value.app_error": "Value is too long.",
    "model.preference.is_valid.theme.app_error": "Invalid theme.",
    "model.preference.is_valid.limit_visible_dms_gms.app_error": "Invalid value for limit_visible_dms_gms.",
    "mfa.validate_token.authenticate.app_error": "Invalid MFA token.",
    "api.user.check_user_mfa.bad_code.app_error": "Invalid MFA token.",
    "api.user.check_user_password.invalid.app_error": "Login failed because of invalid password.",
    "api.user.login.invalid_credentials_email": "Enter a valid email and/or password",
    "api.user.login.invalid_credentials_username": "Enter a valid username and/or password.",
    "api.user.create_user.no_open_server": "This server does not allow open signups.  Please speak with your Administrator to receive an invitation.",
    "api.user.create_user.signup_email_disabled.app_error": "User sign-up with email is disabled.",
    "api.user.create_user.accepted_domain.app_error": "The email you provided does not belong to an accepted domain. Please contact your administrator or sign up with a different email.",
    "api.user.update_active.permissions.app_error": "You do not have the appropriate permissions.",
    "api.user.update_active.not_enable.app_error": "You cannot deactivate yourself because this feature is not enabled. Please contact your System Administrator.",
    "app.system.complete_onboarding_request.no_first_user": "Onboarding can only be completed by a System Administrator.",
    "app.system.complete_onboarding_request.app_error": "Failed to decode the complete onboarding request.",
    "model.user.is_valid.first_name.app_error": "Invalid first name.",
    "model.user.is_valid.last_name.app_error": "Invalid last name.",
    "model.user.is_valid.nickname.app_error": "Invalid nickname.",
    "model.user.is_valid.position.app_error": "Invalid position: must not be longer than 128 characters.",
    "model.user.is_valid.locale.app_error": "Invalid locale.",
    "api.user.login.invalid_credentials_email_username": "Enter a valid email or username and/or password.",
    "api.user.login.blank_pwd.app_error": "Password field must not be blank",
    "api.user.login.inactive.app_error": "Login failed because your account has been deactivated.  Please contact an administrator.",
    "api.user.delete_user.not_enabled.app_error": "Permanent user deletion feature is not enabled. Please contact your System Administrator.",
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
    "app.channel.get.existing.app_error": "Unable to find the existing channel {channel_id}.",
    "api.license.upgrade_needed.app_error": "Feature requires an upgrade to Enterprise Edition.",
    "api.payload.parse.error": "An error occurred while parsing the payload.",
    "api.roles.get_multiple_by_name_too_many.request_error": "Unable to get that many roles by name. Only {max} roles can be requested at once.",
    "app.role.get_by_name.app_error": "Unable to get role.",
    "api.getUsersForReporting.invalid_page_size": "Page size is invalid or too large.",
    "api.getUsersForReporting.invalid_team_filter": "Invalid team id provided.",
    "api.getUsersForReporting.invalid_active_filter": "Cannot hide both active and inactive users.",
    "api.web_socket_router.no_action.app_error": "No websocket action.",
    "api.custom_profile_attributes.license_error": "Your license does not support Custom Profile Attributes.",
    "api.scheduled_posts.license_error": "Scheduled posts feature requires a license",
    "api.web_socket_router.bad_seq.app_error": "Invalid sequence for WebSocket message.",
    "api.web_socket_router.not_authenticated.app_error": "WebSocket connection is not authenticated. Please log in and try again.",
    "api.web_socket_router.bad_action.app_error": "Unknown WebSocket action.",
}


def new_id() -> str:
    """A 26-character id in Mattermost's alphabet (user ids, session ids, tokens, request ids): like model.NewId, 16
    random bytes in base32 with that alphabet, unpadded (one read of the random source, not one per character)."""
    return base64.b32encode(secrets.token_bytes(16)).decode().rstrip("=").translate(_FROM_BASE32)


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
        self.route_miss = False

    def body(self, request_id: str) -> dict:
        return {
            "id": self.error_id,
            "message": self.message,
            "detailed_error": "",
            "request_id": request_id,
            "status_code": self.status,
        }


def invalid_body(name: str) -> AppError:
    return AppError(400, "api.context.invalid_body_param.app_error", name=name)


def invalid_url(name: str) -> AppError:
    return AppError(400, "api.context.invalid_url_param.app_error", name=name)


def session_expired(detailed: str = "", clear_cookie: bool = False) -> AppError:
    return AppError(401, "api.context.session_expired.app_error", detailed, clear_cookie)


def forbidden() -> AppError:
    return AppError(403, "api.context.permissions.app_error")


def not_found() -> AppError:
    """The API router's catch-all (web.Handle404): a plain handler outside the API's Handler wrapper, so the
    body carries no request id but a developer hint, and no X-Request-Id / X-Version-Id headers are sent."""
    err = AppError(404, "api.context.404.app_error")
    err.route_miss = True
    return err
