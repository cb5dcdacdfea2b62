"""The stand-in's Mattermost configuration: supported settings by their dotted config.json names, their real
defaults per UI generation, and the client config the web app reads (`server/config/client.go`).

A setting that does not exist in the version's server resolves to None (EnableOnboardingFlow before v7,
MaximumPayloadSizeBytes before v9.5).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType

from . import generations

# The web-app generations, oldest first (one module each in generations/), and the release each reports by default.
GENERATIONS = generations.names()
VERSIONS = {name: generations.generation(name).version for name in GENERATIONS}
# The newest release the stand-in answers as (a real web app build whose name carries no version reports it).
NEWEST_VERSION = generations.newest().version
# What a default real server of the newest version answers, computed from its source (docs/standin.md says how):
# the client configuration (limited and full) and the full configuration an admin reads.
DEFAULTS_DIR = Path(__file__).with_name("defaults")
BUILD_DATE = "Fri Nov 14 12:00:00 UTC 2025"  # ldflags of a release build; the 11.2 line's source date
BUILD_HASH = "fc6551c8ed36b1f7258b9d53aba6d012289d3b8b"
WHOLE_BODY_LIMIT_SINCE = (9, 7, 0)
_SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")
MFA_LICENCE_FEATURE = "EnforceMultifactorAuthentication"  # the only setting the stand-in "licenses"


class ConfigError(ValueError):
    """A one-line problem with a config override."""


@dataclass(frozen=True)
class Setting:
    kind: type  # bool, int or str
    default: object  # real default (config.go SetDefaults)
    since: tuple[int, int, int] = (0, 0, 0)  # first release whose server has the setting
    minimum: int = 1  # ints only
    # (release, default) pairs for a default that changed: the last one the version has reached wins.
    later_defaults: tuple[tuple[tuple[int, int, int], object], ...] = ()

    def default_in(self, version: tuple[int, int, int]) -> object:
        return next((value for since, value in reversed(self.later_defaults) if version >= since), self.default)


SETTINGS: dict[str, Setting] = {
    "ServiceSettings.EnableTutorial": Setting(bool, True),
    # The web app polls statuses (and so notices a revoked session while idle) only while this is on.
    "ServiceSettings.EnableUserStatuses": Setting(bool, True),
    "ServiceSettings.EnableOnboardingFlow": Setting(bool, True, since=(7, 0, 0)),
    # Off: no browser is sent to the landing page (components/root/root.tsx); the setting exists since 10.2.0.
    "ServiceSettings.EnableDesktopLandingPage": Setting(bool, True, since=(10, 2, 0)),
    "ServiceSettings.EnableMultifactorAuthentication": Setting(bool, False),
    "ServiceSettings.EnforceMultifactorAuthentication": Setting(bool, False),
    # `!isUpdate` in config.go: a fresh install answers POST /users/mfa with 404.
    "ServiceSettings.DisableLegacyMFA": Setting(bool, True),
    # Since 9.5.0 (commit 82b8d4d, 2024-01-09: JSON arrays of ids read through a LimitedReader), 100 kB; 300 kB since
    # 9.8.0 (commit 931abcb, 2024-04-05, "Increased default payload limit from 100 kB to 300 kB").
    "ServiceSettings.MaximumPayloadSizeBytes": Setting(
        int, 100000, since=(9, 5, 0), later_defaults=(((9, 8, 0), 300000),)
    ),
    "EmailSettings.EnableSignInWithEmail": Setting(bool, True),
    "EmailSettings.EnableSignInWithUsername": Setting(bool, True),
    "EmailSettings.EnableSignUpWithEmail": Setting(bool, True),
    # The real default is false; Mattermost's own e2e CI sets it true (server.prepare.sh), and so does the stand-in.
    "TeamSettings.EnableOpenServer": Setting(bool, True),
    "TeamSettings.EnableUserCreation": Setting(bool, True),
    "TeamSettings.EnableUserDeactivation": Setting(bool, False),
    # Space- or comma-separated e-mail domains; empty: any. Every new account is checked, an admin's request too
    # (server/channels/app/users/users.go CreateUser -> CheckUserDomain).
    "TeamSettings.RestrictCreationToDomains": Setting(str, ""),
    "TeamSettings.SiteName": Setting(str, "Mattermost"),
    "LocalizationSettings.DefaultClientLocale": Setting(str, "en"),
    "FileSettings.MaxFileSize": Setting(int, 104857600),
}
_LOCALE = re.compile(r"^[a-z]{2}(-[A-Za-z]{2})?$|^zh-(CN|TW)$")


def parse_semver(version: str) -> tuple[int, int, int]:
    match = _SEMVER.match(version or "")
    if not match:
        raise ConfigError(f"version must be MAJOR.MINOR.PATCH such as 11.2.0, got {version!r}")
    return tuple(int(part) for part in match.groups())  # type: ignore[return-value]


def generation_of(version: str) -> str:
    """The web-app generation a server of this version ships."""
    return generations.generation_at(parse_semver(version)).name


def _exists(setting: Setting, version: str) -> bool:
    return parse_semver(version) >= setting.since


def parse_value(key: str, value, version: str):
    """The override as its real type; ConfigError (one line) for an unknown key or a bad value."""
    setting = SETTINGS.get(key)
    if setting is None:
        raise ConfigError(f"unknown config key {key!r}; supported: {', '.join(SETTINGS)}")
    if not _exists(setting, version):
        raise ConfigError(f"{key} does not exist in Mattermost {version}")
    if setting.kind is bool:
        if isinstance(value, str) and value.strip().lower() in ("true", "false"):
            return value.strip().lower() == "true"
        if isinstance(value, bool):
            return value
        raise ConfigError(f"{key} must be true or false, got {value!r}")
    if setting.kind is int:
        try:
            number = int(value, 10) if isinstance(value, str) else value
        except ValueError:
            number = None
        if isinstance(number, bool) or not isinstance(number, int) or number < setting.minimum:
            raise ConfigError(f"{key} must be a whole number >= {setting.minimum}, got {value!r}")
        return number
    if not isinstance(value, str) or not value.strip() or "\n" in value:
        raise ConfigError(f"{key} must be a non-empty one-line string, got {value!r}")
    if key == "LocalizationSettings.DefaultClientLocale" and not _LOCALE.match(value):
        raise ConfigError(f"{key} must be a locale such as en or pt-BR, got {value!r}")
    return value


def resolve(version: str, overrides: Mapping[str, object] | None, admin_mfa_secret: str) -> dict[str, object]:
    """Every supported key with its value in this version: real default, then the overrides."""
    numbers = parse_semver(version)
    resolved = {key: (s.default_in(numbers) if _exists(s, version) else None) for key, s in SETTINGS.items()}
    if admin_mfa_secret:  # an admin with MFA implies MFA is enabled, unless explicitly switched off
        resolved["ServiceSettings.EnableMultifactorAuthentication"] = True
    for key, value in (overrides or {}).items():
        resolved[key] = parse_value(key, value, version)
    return resolved


def validate_mfa_secret(secret: str) -> str:
    """Go's base32.StdEncoding: upper case A-Z2-7 with correct padding (a 32-character secret needs none)."""
    if not isinstance(secret, str):
        raise ConfigError("admin MFA secret must be a base32 string")
    if not secret:
        return ""
    try:
        if not re.fullmatch(r"[A-Z2-7]+=*", secret) or len(base64.b32decode(secret)) < 10:
            raise binascii.Error
    except (binascii.Error, ValueError):
        raise ConfigError(
            "admin MFA secret must be base32 (A-Z, 2-7, padded to a multiple of 8, at least 16 characters)"
        ) from None
    return secret


def validate_locale(locale: str) -> str:
    if not isinstance(locale, str) or not _LOCALE.match(locale):
        raise ConfigError(f"admin locale must be a locale such as en or de, got {locale!r}")
    return locale


@cache
def real_client_config(logged_in: bool) -> dict[str, str]:
    """config/client.go of a default, unlicensed 11.2 server: every key, with {placeholders} for what the running
    server fills in (version, build, server id, installation date)."""
    data = json.loads((DEFAULTS_DIR / "client_config_11.2.json").read_text())
    return data["full" if logged_in else "limited"]


@cache
def real_admin_config() -> dict:
    """GET /api/v4/config of a default 11.2 server for a system admin: model.Config with its defaults, secrets
    masked."""
    return json.loads((DEFAULTS_DIR / "config_11.2.json").read_text())


def _s(value) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


@dataclass(frozen=True, eq=False)
class Settings:
    """Everything the routes and the web app (web.py) render from; built once per server start."""

    ui: str
    status_poll_seconds: float
    api_user_deletion: bool = True
    config: Mapping[str, object] = field(default_factory=dict)
    admin_mfa_secret: str = ""
    admin_locale: str = "en"
    fresh_workspace: bool = False
    release: str = ""  # the version reported instead of the generation's own (a real web app build's)
    webapp: object = None  # a webapp.WebappBuild served instead of the stand-in's own pages
    server_id: str = field(default_factory=lambda: hashlib.md5(str(time.time_ns()).encode()).hexdigest()[:26])
    started_at_ms: int = field(default_factory=lambda: int(time.time() * 1000))

    def __post_init__(self):
        # `config` holds overrides (a resolved map may be passed again: its None values are skipped).
        overrides = {key: value for key, value in self.config.items() if value is not None}
        object.__setattr__(self, "config", MappingProxyType(resolve(self.semver, overrides, self.admin_mfa_secret)))

    def cfg(self, key: str):
        return self.config[key]

    @property
    def generation(self) -> generations.Generation:
        return generations.generation(self.ui)

    @property
    def semver(self) -> str:
        return self.release or VERSIONS[self.ui]

    @property
    def site_name(self) -> str:
        return self.config["TeamSettings.SiteName"]

    @property
    def licensed(self) -> bool:
        """MFA enforcement needs a licence with the MFA feature (web/context.go MfaRequired): the stand-in
        behaves as such a licensed server only when enforcement is asked for."""
        return bool(self.config["ServiceSettings." + MFA_LICENCE_FEATURE])

    @property
    def mfa_enforced(self) -> bool:
        return self.licensed and bool(self.config["ServiceSettings.EnableMultifactorAuthentication"])

    @property
    def max_body_bytes(self) -> int:
        """web/handlers.go: MaximumPayloadSizeBytes + bytes.MinRead since 9.7.0 (commit 521844f, 2024-02-21, after the
        9.6 cut); before, FileSettings.MaxFileSize + 512 (9.5-9.6 applied the setting to arrays of ids only)."""
        payload = self.config["ServiceSettings.MaximumPayloadSizeBytes"]
        if payload and parse_semver(self.semver) >= WHOLE_BODY_LIMIT_SINCE:
            return payload + 512
        return self.config["FileSettings.MaxFileSize"] + 512

    def client_config(self, logged_in: bool) -> dict[str, str]:
        """GET /api/v4/config/client?format=old: the limited map without a session, the full one with one. The
        newest generation answers every key a real server of its version does; older ones the keys their pages
        read. Either way the settings the stand-in can change come from its configuration."""
        props = self._base_client_config(logged_in)
        props.update(self._configured_client_config(logged_in))
        return props

    def _base_client_config(self, logged_in: bool) -> dict[str, str]:
        if self.generation.full_client_config:
            fill = {
                "version": self.semver,
                "build_date": BUILD_DATE,
                "build_hash": BUILD_HASH,
                "server_id": self.server_id,
                "installed_at": str(self.started_at_ms),
            }
            return {key: value.format(**fill) for key, value in real_client_config(logged_in).items()}
        props = {
            "Version": self.semver,
            "BuildNumber": self.semver,
            "BuildDate": "",
            "BuildHash": "",
            "BuildHashEnterprise": "none",
            "BuildEnterpriseReady": "false",
            "SiteURL": "",
            "EnableSignUpWithGitLab": "false",
            "EnableLdap": "false",
            "EnableSaml": "false",
            "EnableSignUpWithGoogle": "false",
            "EnableSignUpWithOffice365": "false",
            "EnableCustomBrand": "false",
            "CustomBrandText": "",
            "CustomDescriptionText": "",
            "EnableGuestAccounts": "false",
            "PasswordMinimumLength": "5",
            "DiagnosticsEnabled": "false",
        }
        # The mobile and desktop apps' download links are in every client config (config/client.go), so the web
        # app's landing page meets a fresh browser: model/config.go's defaults of each era (v5.x, v7+).
        props.update(self.generation.download_links)
        if logged_in:
            props.update(
                {
                    "ExperimentalPrimaryTeam": "",
                    "TeammateNameDisplay": "username",
                    # ClientConfigWithComputed: without it the web app shows an admin the "apiv3" notice.
                    "InstallationDate": str(self.started_at_ms),
                }
            )
        return props

    def _configured_client_config(self, logged_in: bool) -> dict[str, str]:
        c = self.config
        props = {
            "Version": self.semver,
            "BuildNumber": self.semver,
            "SiteName": self.site_name,
            "EnableUserCreation": _s(c["TeamSettings.EnableUserCreation"]),
            "EnableOpenServer": _s(c["TeamSettings.EnableOpenServer"]),
            "EnableSignUpWithEmail": _s(c["EmailSettings.EnableSignUpWithEmail"]),
            "EnableSignInWithEmail": _s(c["EmailSettings.EnableSignInWithEmail"]),
            "EnableSignInWithUsername": _s(c["EmailSettings.EnableSignInWithUsername"]),
            "DefaultClientLocale": c["LocalizationSettings.DefaultClientLocale"],
            "EnableMultifactorAuthentication": _s(c["ServiceSettings.EnableMultifactorAuthentication"]),
            # Without a licence carrying the MFA feature the client config always says "false".
            "EnforceMultifactorAuthentication": _s(self.licensed),
            "EnableUserStatuses": _s(c["ServiceSettings.EnableUserStatuses"]),
            "NoAccounts": "false",  # the seeded admin is an account
        }
        if c["ServiceSettings.EnableDesktopLandingPage"] is not None:  # in the limited map too (client.go)
            props["EnableDesktopLandingPage"] = _s(c["ServiceSettings.EnableDesktopLandingPage"])
        if logged_in:
            props.update(
                {
                    "EnableTutorial": _s(c["ServiceSettings.EnableTutorial"]),
                    "MaxFileSize": str(c["FileSettings.MaxFileSize"]),
                    "EnableUserDeactivation": _s(c["TeamSettings.EnableUserDeactivation"]),
                }
            )
            if c["ServiceSettings.EnableOnboardingFlow"] is not None:
                props["EnableOnboardingFlow"] = _s(c["ServiceSettings.EnableOnboardingFlow"])
        return props

    def admin_config(self) -> dict:
        """GET /api/v4/config for a system admin: the real defaults with the stand-in's own settings applied."""
        config = json.loads(json.dumps(real_admin_config()))
        for key, value in self.config.items():
            section, name = key.split(".")
            if value is not None and name in config.get(section, {}):
                config[section][name] = value
        config["ServiceSettings"]["EnableAPIUserDeletion"] = self.api_user_deletion
        return config

    @property
    def version(self) -> str:
        """X-Version-Id: CurrentVersion.BuildNumber.ClientConfigHash.IsLicensed (web/handlers.go)."""
        digest = hashlib.md5(json.dumps(self.client_config(True), sort_keys=True).encode()).hexdigest()
        return f"{self.semver}.{self.semver}.{digest}.{_s(self.licensed)}"

    def client_licence(self) -> dict[str, str]:
        """GET /api/v4/license/client?format=old (GetSanitizedClientLicense)."""
        if not self.licensed:
            return {"IsLicensed": "false"}
        return {"IsLicensed": "true", "MFA": "true", "SkuShortName": "enterprise", "SkuName": "Enterprise"}
