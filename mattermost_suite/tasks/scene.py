"""Who and where: the people of MM-T940, the server they use, and everything one scenario owns."""
from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass, field

from ..api import MattermostApi
from ..config import Config, Deadlines
from ..fleet import Device, Fleet
from ..fleet.apps import AppSession
from ..record import ScenarioRecord
from ..secrets import Secret


@dataclass(frozen=True)
class Person:
    role: str                  # "test user" / "system admin"
    username: str
    email: str
    password: Secret
    user_id: str = ""

    def login_id(self, login_with: str) -> str:
        return self.email if login_with == "email" else self.username


@dataclass(frozen=True)
class Site:
    """The server as the browsers see it, and the UI generation whose locators and wording apply."""
    base_url: str
    ui: str
    deadlines: Deadlines


@dataclass(frozen=True)
class ServerAnswer:
    """What the server answered a request that is meant to be refused: HTTP status, error id, message."""
    status: int
    error_id: str
    message: str


@dataclass
class Scene:
    config: Config
    site: Site
    admin_api: MattermostApi
    admin: Person
    test_user: Person
    fleet: Fleet
    record: ScenarioRecord
    victims: list[Device] = field(default_factory=list)        # the test user's browsers (live drivers)
    apps: list[Device] = field(default_factory=list)           # the test user's mobile apps (REST sessions)
    extra_apps: list[AppSession] = field(default_factory=list)  # -D extra_app_sessions=N
    admin_device: Device | None = None
    admin_logout_watch: Future | None = None
    # The token of the admin's REST session (seeding) when the revoke was confirmed: it must be refused afterwards,
    # although that session never sees a page and the suite logs in again to check the server.
    admin_rest_token_at_revoke: Secret | None = None
    non_admin_revoke_answer: ServerAnswer | None = None  # the test user's own request to revoke all sessions
