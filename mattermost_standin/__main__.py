"""CLI: python -m mattermost_standin --host 127.0.0.1 --port 8065 --ui current|transitional|legacy [--webapp PATH]
[--version X.Y.Z]
--status-poll SECONDS --data-dir DIR [--fault NAME ...] [--no-api-user-deletion] [--set KEY=VALUE ...]
[--admin-mfa-secret BASE32] [--admin-locale LOCALE] [--fresh-workspace]"""

from __future__ import annotations

import argparse
import signal
import sys
import threading

from .config import GENERATIONS, SETTINGS
from .faults import FAULTS, UnknownFault
from .server import StandinError, StandinServer


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2, no usage dump
        sys.stderr.write(f"mattermost_standin: error: {message}\n")
        raise SystemExit(2)


def _repeatable(parser: argparse.ArgumentParser, flag: str, metavar: str, what: str, known, **kw) -> None:
    """An option given any number of times, collected into a list; its help names the values it knows."""
    parser.add_argument(
        flag, action="append", default=[], metavar=metavar, help=f"{what}; repeatable: {', '.join(known)}", **kw
    )


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m mattermost_standin", description="Mattermost stand-in server for MM-T940.")
    p.add_argument("--host", default="127.0.0.1", help="bind address (loopback only by policy)")
    p.add_argument("--port", type=int, default=8065, help="port, 0 picks a free one (default 8065)")
    p.add_argument(
        "--ui", choices=GENERATIONS, default=None, help="web app generation (default: the version's, else current)"
    )
    p.add_argument(
        "--webapp",
        default=None,
        metavar="PATH",
        help="serve this production build of Mattermost's web app (a dist/ folder or its .tar.gz) unchanged",
    )
    p.add_argument(
        "--version",
        default=None,
        metavar="X.Y.Z",
        help="the Mattermost version to report (default: the build's, from its file name, else the newest)",
    )
    p.add_argument(
        "--status-poll",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="the web app's status-poll interval (real Mattermost: 60)",
    )
    p.add_argument("--data-dir", default=None, help="SQLite data directory (default: a temporary one)")
    _repeatable(p, "--fault", "NAME", "start with a named regression", FAULTS)
    p.add_argument(
        "--no-api-user-deletion",
        action="store_true",
        help="refuse DELETE users/{id}?permanent=true like a default real server",
    )
    _repeatable(p, "--set", "KEY=VALUE", "a Mattermost setting by its config.json name", SETTINGS, dest="settings")
    p.add_argument(
        "--admin-mfa-secret",
        default="",
        metavar="BASE32",
        help="the seeded admin has MFA with this TOTP secret (implies EnableMultifactorAuthentication)",
    )
    p.add_argument("--admin-locale", default="en", metavar="LOCALE", help="the seeded admin's locale (default en)")
    p.add_argument(
        "--fresh-workspace",
        action="store_true",
        help="the first admin has not finished the workspace onboarding (and belongs to no team)",
    )
    return p


def _settings(pairs: list[str]) -> dict[str, str]:
    settings = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise StandinError(f"--set needs KEY=VALUE, got {pair!r}")
        settings[key.strip()] = value
    return settings


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    try:
        server = StandinServer(
            host=args.host,
            port=args.port,
            ui=args.ui,
            status_poll_seconds=args.status_poll,
            data_dir=args.data_dir,
            faults=args.fault,
            api_user_deletion=not args.no_api_user_deletion,
            config=_settings(args.settings),
            admin_mfa_secret=args.admin_mfa_secret,
            admin_locale=args.admin_locale,
            fresh_workspace=args.fresh_workspace,
            webapp=args.webapp,
            version=args.version,
        )
        server.start()
    except (StandinError, UnknownFault, ValueError, OSError) as exc:
        sys.stderr.write(f"mattermost_standin: error: {exc}\n")
        return 2
    stopping = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stopping.set())
    faults = f", faults: {', '.join(server.faults)}" if server.faults else ""
    print(f"Mattermost stand-in ({server.ui}, {server.version}) listening on {server.url}{faults}", flush=True)
    try:
        stopping.wait()
    finally:
        server.stop()
    print("Mattermost stand-in stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
