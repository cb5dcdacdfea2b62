"""The stand-in's web-app generations: one module per generation in this package, each declaring GENERATION (its
name, the first release that ships it, the version it reports by default, the pages it serves, and what its server
does differently). Everything else reads this registry: `--ui`, `generation_of`, the routes, the pages, the faults'
applicability. Adding a generation is one new module here (and one in mattermost_suite/generations for the suite's
locators). The evidence for each difference is in docs/generations.md and docs/standin.md."""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from functools import cached_property

Version = tuple[int, int, int]

# The landing page for desktop browsers too (mattermost-webapp commit b6487e2, 2022-08-03: 7.3.0, inferred); before,
# only a phone's browser met it (v5 components/root/root.jsx).
DESKTOP_BROWSERS_LANDING_SINCE = (7, 3, 0)


@dataclass(frozen=True)
class Generation:
    name: str
    since: Version  # the first release whose web app is this generation
    version: str  # the release it reports unless told another
    scripts: tuple[str, ...]  # its pages: the files of mattermost_standin/web/ it loads, in order
    pages: str  # the name its scripts register its pages under (GENERATIONS.<pages> in web/*.js)
    styles: tuple[str, ...]
    # The server of its releases:
    download_links: dict[str, str]  # the app download links of a default config (model/config.go)
    initial_preferences: tuple[tuple[str, str, str], ...]  # (category, name, value) CreateUser saves; "{user_id}"
    has_workspace_onboarding: bool  # the first admin's preparing-workspace page and its API (v7+)
    security_headers: bool  # web/handlers.go's hard-coded security headers (v7+)
    preference_value_limit: int  # characters of a preference's value (model/preference.go)
    sidebar_limit_checked: bool  # sidebar_settings/limit_visible_dms_gms must be 1..40 (v7+)
    preference_batch_limited: bool  # at most MAX_UPDATE_PREFERENCES per call, at least one (9.6+)
    missing_preference_error: str  # the error id of GET a preference that is not there
    json_404: bool  # Handle404 sets application/json (older ones leave Go to sniff text/plain)
    mfa_code_once: bool  # Users.MfaUsedTimestamps: a code works only once (v10)
    full_client_config: bool  # answers every client config key of a real server of its version


class Registry:
    """The GENERATION that each module of a package declares, by name, oldest first, found on first use (the suite's
    own registry, mattermost_suite/generations, is one too). A module of the package becomes an attribute of it when
    imported: no builtin is called by name in the package's own module that a generation could be named after."""

    def __init__(self, package: str, path):
        self.package, self.path = package, path

    @cached_property
    def by_name(self) -> dict:
        found = [
            importlib.import_module(f"{self.package}.{module.name}").GENERATION
            for module in pkgutil.iter_modules(self.path)
        ]
        return {generation.name: generation for generation in sorted(found, key=lambda generation: generation.since)}

    def names(self) -> tuple[str, ...]:
        """Every generation's name, oldest first."""
        return tuple(self.by_name)

    def reached_by(self, version: Version) -> list:
        """The generations whose first release the version has reached, oldest first."""
        return [generation for generation in self.by_name.values() if version >= generation.since]


REGISTRY = Registry(__name__, __path__)
names = REGISTRY.names


def generation(name: str) -> Generation:
    return REGISTRY.by_name[name]


def newest() -> Generation:
    return generation(names()[-1])


def generation_at(version: Version) -> Generation:
    """The newest generation the version has reached (the oldest for anything older)."""
    reached = REGISTRY.reached_by(version)
    return reached[-1] if reached else generation(names()[0])
