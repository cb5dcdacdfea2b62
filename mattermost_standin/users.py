"""The user model as clients see it (model/user.go Sanitize, IsValid limits) shared by the user endpoints."""

from __future__ import annotations

import functools
import io
import re

from .errors import AppError

USERNAME = re.compile(r"^[a-z][a-z0-9.\-_]{0,63}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")
RESERVED_USERNAMES = {"all", "channel", "here", "matterbot", "system"}
# model/user.go: UserNameMaxRunes-style limits on the profile fields, UserLocaleMaxLength 5.
_MAX_RUNES = {"first_name": 64, "last_name": 64, "nickname": 64, "position": 128, "locale": 5}
# i18n.GetSupportedLocales (server/i18n/*.json); an unknown locale falls back to DefaultClientLocale on create.
SUPPORTED_LOCALES = {
    "bg",
    "de",
    "en",
    "en-AU",
    "es",
    "fa",
    "fr",
    "hu",
    "it",
    "ja",
    "ko",
    "nl",
    "pl",
    "pt-BR",
    "ro",
    "ru",
    "sv",
    "tr",
    "uk",
    "vi",
    "zh-CN",
    "zh-TW",
}


def sanitize(user: dict) -> dict:
    """The User JSON a client sees: no password, no auth data, no MFA secret (model.User.Sanitize)."""
    return {
        "id": user["id"],
        "create_at": user["create_at"],
        "update_at": user["update_at"],
        "delete_at": user["delete_at"],
        "username": user["username"],
        "auth_data": "",
        "auth_service": "",
        "email": user["email"],
        "email_verified": True,
        "nickname": user["nickname"],
        "first_name": user["first_name"],
        "last_name": user["last_name"],
        "position": user["position"] or "",
        "roles": user["roles"],
        "props": {},
        "notify_props": {"email": "true", "push": "mention"},
        "last_password_update": user["last_password_update"],
        "last_login_at": user["last_login_at"],
        "locale": user["locale"],
        "mfa_active": bool(user["mfa_active"]),
        "timezone": {"automaticTimezone": "", "manualTimezone": "", "useAutomaticTimezone": "true"},
    }


def check_profile_fields(fields: dict[str, str]) -> None:
    """model.User.IsValid for the free-text fields a patch can change."""
    for name, limit in _MAX_RUNES.items():
        if name in fields and len(fields[name]) > limit:
            raise AppError(400, f"model.user.is_valid.{name}.app_error")


def check_username(username: str) -> None:
    if not USERNAME.match(username) or username in RESERVED_USERNAMES:
        raise AppError(400, "model.user.is_valid.username.app_error")


def check_email(email: str) -> None:
    if not EMAIL.match(email) or len(email) > 128:
        raise AppError(400, "model.user.is_valid.email.app_error")


def check_email_domain(email: str, domains: str) -> None:
    """CheckEmailDomain (server/channels/app/users/utils.go): "@" and "," count as spaces, case-insensitive."""
    allowed = domains.replace("@", " ").replace(",", " ").lower().split()
    if allowed and not any(email.lower().endswith("@" + domain) for domain in allowed):
        raise AppError(400, "api.user.create_user.accepted_domain.app_error")


# app/user.go: the colours a default profile picture is drawn in, chosen by the user id.
_IMAGE_COLOURS = ((197, 8, 126), (227, 207, 18), (28, 181, 105), (35, 188, 224), (116, 49, 196), (44, 77, 158))


@functools.lru_cache(maxsize=256)
def default_profile_image(user_id: str, username: str) -> bytes:
    """A 128x128 PNG: the user's initial on a colour picked from the id, like the real server's default."""
    from PIL import Image, ImageDraw

    colour = _IMAGE_COLOURS[sum(map(ord, user_id)) % len(_IMAGE_COLOURS)]
    image = Image.new("RGB", (128, 128), colour)
    ImageDraw.Draw(image).text((64, 64), username[:1].upper(), fill="white", anchor="mm", font_size=64)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()
