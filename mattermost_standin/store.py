"""SQLite store in the data dir: users, teams, channels, team members, sessions, preferences and system values.

Sessions live in the database as on a real server, so they survive a restart. A token -> session cache sits
in front of it, like the server's session cache that `ClearAllUsersSessionCache()` purges on revoke-all.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from .errors import new_id
from .passwords import hash_password
from .seed import ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_USERNAME

_SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY, username TEXT UNIQUE NOT NULL, email TEXT UNIQUE NOT NULL, password TEXT NOT NULL,
  first_name TEXT DEFAULT '', last_name TEXT DEFAULT '', nickname TEXT DEFAULT '', roles TEXT NOT NULL,
  create_at INTEGER, update_at INTEGER, delete_at INTEGER DEFAULT 0, last_login_at INTEGER DEFAULT 0,
  last_password_update INTEGER DEFAULT 0, locale TEXT DEFAULT 'en');
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY, token TEXT UNIQUE NOT NULL, user_id TEXT NOT NULL, create_at INTEGER, expires_at INTEGER,
  last_activity_at INTEGER, device_id TEXT DEFAULT '', roles TEXT, props TEXT);
CREATE INDEX IF NOT EXISTS sessions_user ON sessions(user_id);
CREATE TABLE IF NOT EXISTS teams (
  id TEXT PRIMARY KEY, name TEXT UNIQUE NOT NULL, display_name TEXT, type TEXT, create_at INTEGER,
  update_at INTEGER, delete_at INTEGER DEFAULT 0);
CREATE TABLE IF NOT EXISTS channels (
  id TEXT PRIMARY KEY, team_id TEXT, name TEXT, display_name TEXT, type TEXT, create_at INTEGER);
CREATE TABLE IF NOT EXISTS team_members (
  team_id TEXT, user_id TEXT, roles TEXT, delete_at INTEGER DEFAULT 0, PRIMARY KEY (team_id, user_id));
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS preferences (
  user_id TEXT NOT NULL, category TEXT NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL,
  PRIMARY KEY (user_id, category, name));
CREATE TABLE IF NOT EXISTS systems (name TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
# Columns added after the first release of the stand-in; older data dirs get them on open.
_USER_COLUMNS = {
    "mfa_active": "INTEGER DEFAULT 0",
    "mfa_secret": "TEXT DEFAULT ''",
    "mfa_used": "TEXT DEFAULT '[]'",
    "position": "TEXT DEFAULT ''",
}

ADMIN = {
    "username": ADMIN_USERNAME,
    "password": ADMIN_PASSWORD,
    "email": ADMIN_EMAIL,
    "first_name": "Kenneth",
    "last_name": "Moreno",
}
SEED_TEAM = {"name": "ad-1", "display_name": "AD 1"}
FIRST_ADMIN_SETUP_COMPLETE = "FirstAdminSetupComplete"


@dataclass(frozen=True)
class SeedOptions:
    """How the first start fills an empty data dir: the admin is created as a real first user would be."""

    new_user_preferences: Callable[[str], list[dict]] = lambda user_id: []
    fresh_workspace: bool = False  # admin without a team and without FirstAdminSetupComplete


def now_ms() -> int:
    return int(time.time() * 1000)


class Store:
    def __init__(self, path: str, seed: SeedOptions = SeedOptions()):
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._lock = threading.RLock()
        self._cache: dict[str, dict] = {}
        self.keep_stale_cache = False  # fault old_tokens_still_valid
        with self._lock:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(_SCHEMA)
            existing = {r["name"] for r in self._db.execute("PRAGMA table_info(users)").fetchall()}
            for column, decl in _USER_COLUMNS.items():
                if column not in existing:
                    self._db.execute(f"ALTER TABLE users ADD COLUMN {column} {decl}")
        if not self._one("SELECT value FROM meta WHERE key='seeded'"):
            self._seed(seed)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # -- plumbing ---------------------------------------------------------------------------------------------
    def _exec(self, sql: str, args: tuple = ()) -> sqlite3.Cursor:
        with self._lock:
            return self._db.execute(sql, args)

    def _one(self, sql: str, args: tuple = ()) -> dict | None:
        row = self._exec(sql, args).fetchone()
        return dict(row) if row else None

    def _all(self, sql: str, args: tuple = ()) -> list[dict]:
        return [dict(r) for r in self._exec(sql, args).fetchall()]

    def _seed(self, seed: SeedOptions) -> None:
        admin = self.create_user(
            ADMIN["username"],
            ADMIN["email"],
            ADMIN["password"],
            ADMIN["first_name"],
            ADMIN["last_name"],
            roles="system_admin system_user",
        )
        self.save_preferences(seed.new_user_preferences(admin["id"]))
        team = self.create_team(SEED_TEAM["name"], SEED_TEAM["display_name"], "O")
        if not seed.fresh_workspace:
            self.add_member(team["id"], admin["id"], "team_user team_admin")
            self.set_system_value(FIRST_ADMIN_SETUP_COMPLETE, "true")
        self._exec("INSERT INTO meta VALUES ('seeded', '1')")

    def admin(self) -> dict:
        return self.user_by_username(ADMIN["username"])

    def configure_admin(self, mfa_secret: str, locale: str) -> None:
        """Start-up options describing the seeded admin (applied on every start, so they follow the options)."""
        admin = self.admin()
        if admin is not None:
            self.set_user_fields(admin["id"], mfa_secret=mfa_secret, mfa_active=int(bool(mfa_secret)), locale=locale)

    # -- users ------------------------------------------------------------------------------------------------
    def create_user(
        self,
        username: str,
        email: str,
        password: str,
        first_name: str = "",
        last_name: str = "",
        nickname: str = "",
        roles: str = "system_user",
        locale: str = "en",
        position: str = "",
    ) -> dict:
        t = now_ms()
        uid = new_id()
        self._exec(
            "INSERT INTO users (id, username, email, password, first_name, last_name, nickname, roles,"
            " create_at, update_at, last_password_update, locale, position) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                uid,
                username,
                email,
                hash_password(password),
                first_name,
                last_name,
                nickname,
                roles,
                t,
                t,
                t,
                locale,
                position,
            ),
        )
        return self.user(uid)

    def user(self, user_id: str) -> dict | None:
        return self._one("SELECT * FROM users WHERE id=?", (user_id,))

    def user_by_username(self, username: str) -> dict | None:
        return self._one("SELECT * FROM users WHERE username=?", (username.lower(),))

    def user_by_email(self, email: str) -> dict | None:
        return self._one("SELECT * FROM users WHERE email=?", (email.lower(),))

    def user_for_login(self, login_id: str) -> dict | None:
        return self.user_by_username(login_id) or self.user_by_email(login_id)

    def users(self, page: int, per_page: int, roles: tuple[str, ...] = (), active: bool | None = None) -> list[dict]:
        """GetUsersPage order (username); roles: any of them; active: only active (True) or deactivated (False)."""
        where, args = _user_filter(roles, active)
        return self._all(
            f"SELECT * FROM users WHERE {where} ORDER BY username LIMIT ? OFFSET ?", (*args, per_page, page * per_page)
        )

    def all_users(self) -> list[dict]:
        return self._all("SELECT * FROM users ORDER BY username")

    def count_users(self, roles: tuple[str, ...] = (), active: bool | None = None) -> int:
        where, args = _user_filter(roles, active)
        return self._one(f"SELECT COUNT(*) AS n FROM users WHERE {where}", tuple(args))["n"]

    def set_user_fields(self, user_id: str, **fields) -> None:
        cols = ", ".join(f"{k}=?" for k in fields)
        self._exec(f"UPDATE users SET {cols}, update_at=? WHERE id=?", (*fields.values(), now_ms(), user_id))

    def delete_user(self, user_id: str) -> None:
        self.revoke_user_sessions(user_id)
        self._exec("DELETE FROM team_members WHERE user_id=?", (user_id,))
        self._exec("DELETE FROM preferences WHERE user_id=?", (user_id,))
        self._exec("DELETE FROM users WHERE id=?", (user_id,))

    def mfa_used_steps(self, user_id: str) -> list[int]:
        row = self._one("SELECT mfa_used FROM users WHERE id=?", (user_id,))
        return json.loads(row["mfa_used"] or "[]") if row else []

    def set_mfa_used_steps(self, user_id: str, steps: list[int]) -> None:
        self._exec("UPDATE users SET mfa_used=? WHERE id=?", (json.dumps(steps), user_id))

    # -- preferences and system values --------------------------------------------------------------------------
    def preferences(self, user_id: str, category: str | None = None) -> list[dict]:
        if category is None:
            return self._all(
                "SELECT user_id, category, name, value FROM preferences WHERE user_id=? ORDER BY category, name",
                (user_id,),
            )
        return self._all(
            "SELECT user_id, category, name, value FROM preferences WHERE user_id=? AND category=? ORDER BY name",
            (user_id, category),
        )

    def preference(self, user_id: str, category: str, name: str) -> dict | None:
        return self._one(
            "SELECT user_id, category, name, value FROM preferences WHERE user_id=? AND category=? AND name=?",
            (user_id, category, name),
        )

    def save_preferences(self, preferences: list[dict]) -> None:
        """One transaction, as SqlPreferenceStore.Save: every row is written or none."""
        with self._lock:
            self._db.execute("BEGIN")
            try:
                for p in preferences:
                    self._db.execute(
                        "INSERT OR REPLACE INTO preferences VALUES (?,?,?,?)",
                        (p["user_id"], p["category"], p["name"], p["value"]),
                    )
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def delete_preferences(self, user_id: str, keys: list[tuple[str, str]]) -> None:
        with self._lock:
            for category, name in keys:
                self._db.execute(
                    "DELETE FROM preferences WHERE user_id=? AND category=? AND name=?", (user_id, category, name)
                )

    def system_value(self, name: str) -> str | None:
        row = self._one("SELECT value FROM systems WHERE name=?", (name,))
        return row["value"] if row else None

    def set_system_value(self, name: str, value: str) -> None:
        self._exec("INSERT OR REPLACE INTO systems VALUES (?,?)", (name, value))

    # -- teams and channels -----------------------------------------------------------------------------------
    def create_team(self, name: str, display_name: str, team_type: str) -> dict:
        t = now_ms()
        tid = new_id()
        self._exec(
            "INSERT INTO teams (id, name, display_name, type, create_at, update_at) VALUES (?,?,?,?,?,?)",
            (tid, name, display_name, team_type, t, t),
        )
        # A real team is born with these two channels.
        for cname, cdisplay in (("town-square", "Town Square"), ("off-topic", "Off-Topic")):
            self._exec("INSERT INTO channels VALUES (?,?,?,?,?,?)", (new_id(), tid, cname, cdisplay, "O", t))
        return self.team(tid)

    def team(self, team_id: str) -> dict | None:
        return self._one("SELECT * FROM teams WHERE id=?", (team_id,))

    def team_by_name(self, name: str) -> dict | None:
        return self._one("SELECT * FROM teams WHERE name=?", (name,))

    def add_member(self, team_id: str, user_id: str, roles: str = "team_user") -> dict:
        self._exec("INSERT OR REPLACE INTO team_members VALUES (?,?,?,0)", (team_id, user_id, roles))
        return self._one("SELECT * FROM team_members WHERE team_id=? AND user_id=?", (team_id, user_id))

    def teams_for_user(self, user_id: str) -> list[dict]:
        return self._all(
            "SELECT t.* FROM teams t JOIN team_members m ON m.team_id=t.id"
            " WHERE m.user_id=? AND m.delete_at=0 ORDER BY t.display_name",
            (user_id,),
        )

    def teams(self) -> list[dict]:
        return self._all("SELECT * FROM teams WHERE delete_at=0 ORDER BY display_name")

    def membership(self, team_id: str, user_id: str) -> dict | None:
        return self._one("SELECT * FROM team_members WHERE team_id=? AND user_id=? AND delete_at=0", (team_id, user_id))

    def team_members(self, team_id: str) -> list[dict]:
        return self._all("SELECT * FROM team_members WHERE team_id=? AND delete_at=0", (team_id,))

    def channel(self, channel_id: str) -> dict | None:
        return self._one("SELECT * FROM channels WHERE id=?", (channel_id,))

    def memberships(self, user_id: str) -> list[dict]:
        return self._all("SELECT * FROM team_members WHERE user_id=? AND delete_at=0", (user_id,))

    def channels(self, team_id: str) -> list[dict]:
        return self._all("SELECT * FROM channels WHERE team_id=? ORDER BY display_name", (team_id,))

    # -- sessions ---------------------------------------------------------------------------------------------
    def create_session(self, user_id: str, roles: str, device_id: str, props: dict, expires_at: int) -> dict:
        t = now_ms()
        row = {
            "id": new_id(),
            "token": new_id(),
            "user_id": user_id,
            "create_at": t,
            "expires_at": expires_at,
            "last_activity_at": t,
            "device_id": device_id,
            "roles": roles,
            "props": json.dumps(props),
        }
        self._exec(
            "INSERT INTO sessions VALUES (:id,:token,:user_id,:create_at,:expires_at,:last_activity_at,"
            ":device_id,:roles,:props)",
            tuple(row.values()),
        )
        return _session(row)

    def session_by_token(self, token: str) -> dict | None:
        cached = self._cache.get(token)
        if cached is not None:
            return cached
        row = self._one("SELECT * FROM sessions WHERE token=?", (token,))
        if row is None:
            return None
        self._cache[token] = session = _session(row)
        return session

    def touch_session(self, session: dict) -> None:
        session["last_activity_at"] = t = now_ms()
        self._exec("UPDATE sessions SET last_activity_at=? WHERE id=?", (t, session["id"]))

    def sessions_for_user(self, user_id: str) -> list[dict]:
        rows = self._all("SELECT * FROM sessions WHERE user_id=? ORDER BY create_at", (user_id,))
        return [_session(r) for r in rows]

    def set_session_roles(self, user_id: str, roles: str) -> None:
        """UpdateUserRoles keeps live sessions in step with the user's roles."""
        with self._lock:
            self._exec("UPDATE sessions SET roles=? WHERE user_id=?", (roles, user_id))
            for session in self._cache.values():
                if session["user_id"] == user_id:
                    session["roles"] = roles

    def session(self, session_id: str) -> dict | None:
        row = self._one("SELECT * FROM sessions WHERE id=?", (session_id,))
        return _session(row) if row else None

    def count_sessions(self) -> int:
        return self._one("SELECT COUNT(*) AS n FROM sessions")["n"]

    def revoke_session(self, session_id: str) -> None:
        self._delete_sessions("id=?", (session_id,))

    def revoke_user_sessions(self, user_id: str) -> None:
        self._delete_sessions("user_id=?", (user_id,))

    def revoke_device_sessions(self, user_id: str, device_id: str) -> None:
        self._delete_sessions("user_id=? AND device_id=?", (user_id, device_id))

    def revoke_all_sessions(self, spare_user_id: str | None = None, spare_mobile: bool = False) -> None:
        """RemoveAllSessions + ClearAllUsersSessionCache; the spare_* arguments exist only for faults."""
        where, args = "1=1", ()
        if spare_user_id:
            where, args = "user_id<>?", (spare_user_id,)
        if spare_mobile:
            where += " AND device_id='' AND props NOT LIKE '%\"isMobile\": \"true\"%'"
        with self._lock:
            self._exec(f"DELETE FROM sessions WHERE {where}", args)
            if not self.keep_stale_cache:
                self._cache.clear()

    def _delete_sessions(self, where: str, args: tuple) -> None:
        with self._lock:
            tokens = [r["token"] for r in self._all(f"SELECT token FROM sessions WHERE {where}", args)]
            self._exec(f"DELETE FROM sessions WHERE {where}", args)
            for token in tokens:
                self._cache.pop(token, None)


def _user_filter(roles: tuple[str, ...], active: bool | None) -> tuple[str, list]:
    where, args = ["1=1"], []
    if roles:
        where.append("(" + " OR ".join("(' ' || roles || ' ') LIKE ?" for _ in roles) + ")")
        args += [f"% {role} %" for role in roles]
    if active is not None:
        where.append("delete_at = 0" if active else "delete_at <> 0")
    return " AND ".join(where), args


def _session(row: dict) -> dict:
    session = dict(row)
    session["props"] = json.loads(row["props"] or "{}")
    return session
