"""The system admin is not the suite's to reshape: what the run may touch of the admin's own account (preferences,
locale) is recorded before any browser starts and put back exactly at the end.

The run itself changes only the locale, and only when it is not English: the console's words ("Revoke All
Sessions") are the English product's. The web app may save preferences of its own while the admin's browser is
logged in (tips, onboarding state): the restore removes those and puts back any it changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from mattermost_suite.server.api import MattermostApi

ENGLISH = "en"

PreferenceKey = tuple[str, str]  # (category, name)


@dataclass(frozen=True)
class AdminProfile:
    user_id: str
    preferences: dict[PreferenceKey, str]
    locale: str


def admin_state(api: MattermostApi) -> tuple[list[tuple[str, str, str]], str]:
    """The admin's preferences as sorted (category, name, value) and locale: equal before and after a run."""
    profile = record(api)
    return sorted((*key, value) for key, value in profile.preferences.items()), profile.locale


def record(api: MattermostApi) -> AdminProfile:
    me = api.me()
    return AdminProfile(me["id"], _by_key(api.preferences(me["id"])), me.get("locale", ""))


def speak_english(api: MattermostApi, found: AdminProfile) -> str | None:
    """Switch a non-English admin to English for the run; the line to say, or None when nothing changed."""
    if found.locale in ("", ENGLISH):  # none: the web app falls back to DefaultClientLocale (the preflight wants en)
        return None
    api.patch_user(found.user_id, {"locale": ENGLISH})
    return (
        f"the system admin's language is {found.locale!r}: switched to English ({ENGLISH!r}) for the run, "
        "so the console shows the product's English words; it is restored at the end"
    )


def restore(api: MattermostApi, found: AdminProfile) -> None:
    """Delete preferences added since `found`, put back changed or removed ones, and the locale."""
    now = _by_key(api.preferences(found.user_id))
    added = [key for key in now if key not in found.preferences]
    differing = [key for key, value in found.preferences.items() if now.get(key) != value]
    api.delete_preferences(found.user_id, [_row(found.user_id, key, now[key]) for key in added])
    api.save_preferences(found.user_id, [_row(found.user_id, key, found.preferences[key]) for key in differing])
    if found.locale and api.me().get("locale", "") != found.locale:
        api.patch_user(found.user_id, {"locale": found.locale})


def _by_key(preferences: list[dict[str, str]]) -> dict[PreferenceKey, str]:
    return {(pref["category"], pref["name"]): pref["value"] for pref in preferences}


def _row(user_id: str, key: PreferenceKey, value: str) -> dict[str, str]:
    return {"user_id": user_id, "category": key[0], "name": key[1], "value": value}
