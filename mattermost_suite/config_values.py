"""Typed readers for config values: each bad value is one ConfigError line naming the key and what is valid."""

from __future__ import annotations

import base64
import binascii
import math
from urllib.parse import urlparse

from mattermost_suite.errors import ConfigError


def as_text(raw, key):
    if not raw[key]:
        raise ConfigError(f"{key} must not be empty")
    return raw[key]


def as_bool(raw, key):
    value = raw[key].lower()
    if value in ("true", "yes", "on", "1"):
        return True
    if value in ("false", "no", "off", "0"):
        return False
    raise ConfigError(f"{key}={raw[key]!r} is not valid: use true/false (also yes/no, on/off, 1/0)")


def as_choice(raw, key, choices):
    value = raw[key].lower()
    if value not in choices:
        raise ConfigError(f"{key}={raw[key]!r} is not valid: use one of {', '.join(choices)}")
    return value


def as_seconds(raw, key):
    try:
        value = float(raw[key])
    except ValueError:
        value = -1.0
    if not (value > 0 and math.isfinite(value)):  # inf would be no deadline at all (and overflows the waits)
        raise ConfigError(f"{key}={raw[key]!r} is not valid: use a number of seconds greater than 0")
    return value


def as_faults(raw, base_url):
    faults = tuple(name.strip() for name in raw["standin_faults"].split(",") if name.strip())
    if faults and base_url:
        raise ConfigError("standin_faults applies only to the embedded stand-in: leave base_url empty")
    return faults


def as_url(raw, key):
    value = raw[key].rstrip("/")
    if value:
        parsed = urlparse(value)
        scheme = parsed.scheme.lower()
        try:
            port = parsed.port
        except ValueError:
            port = -1
        if scheme not in ("http", "https") or not parsed.hostname or port == -1:
            raise ConfigError(f"{key}={raw[key]!r} is not valid: use an http:// or https:// URL, or leave it empty")
        # The form browsers report (lower-case host, no default port), so page checks can compare addresses.
        host = f"[{parsed.hostname}]" if ":" in parsed.hostname else parsed.hostname
        netloc = host if port in (None, {"http": 80, "https": 443}[scheme]) else f"{host}:{port}"
        value = parsed._replace(scheme=scheme, netloc=netloc).geturl()
    return value


def as_count(raw, key, least):
    try:
        value = int(raw[key])
    except ValueError:
        value = least - 1
    if value < least:
        raise ConfigError(f"{key}={raw[key]!r} is not valid: use a whole number of at least {least}")
    return value


def as_names(raw, key):
    """A comma-separated list of names (e.g. devices), blanks dropped, order kept."""
    return tuple(dict.fromkeys(name.strip() for name in raw[key].split(",") if name.strip()))


def as_totp_secret(raw, key):
    """A base32 TOTP secret (spaces and case as authenticator apps show it are fine); empty means none.
    The error never quotes the value: it is a secret."""
    value = "".join(raw[key].split()).upper().rstrip("=")
    try:
        base64.b32decode(value + "=" * (-len(value) % 8))
    except (binascii.Error, ValueError):
        raise ConfigError(
            f"{key} is not a base32 TOTP secret (letters A-Z and digits 2-7, as Mattermost shows it "
            "when multi-factor authentication is set up)"
        ) from None
    return value
