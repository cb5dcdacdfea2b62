"""The web app: one HTML shell for every non-API path (the SPA routes client-side), per UI generation."""

from __future__ import annotations

import html
import json
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .config import parse_semver
from .faults import page_faults
from .generations import DESKTOP_BROWSERS_LANDING_SINCE

# login.tsx names its page "Log in - {siteName}" and an expired session's "* Session Expired - {siteName}" since
# 10.9.0 (commit c33dbe8, 2025-05-08, "Add more descriptive page titles to login ..."); before, the site name alone
# and "* {siteName} - Session Expired".
LOGIN_TITLES_REWORDED_SINCE = (10, 9, 0)
# At phone width the channel's name is in a header of its own; since 10.8.0 (commit fd717cfa64, 2025-03-19, the new
# channel menu) that header's button holds a strong#channelHeaderTitle, before it a span.heading
# (channel_header_dropdown/mobile_channel_header_dropdown.tsx; channel_header_menu/channel_header_menu.tsx).
MOBILE_HEADER_MENU_SINCE = (10, 8, 0)
# 9.4.0 moved Revoke All Sessions into the console's header (no id) and added "..., including your session." to
# the confirmation, over the old users list (commit 5a4dba8, 2023-12-04, between the 9.3 and 9.4 branch cuts):
# the transitional generation's last releases, 9.4 and 9.5, show it.
REVOKE_BUTTON_IN_HEADER_SINCE = (9, 4, 0)
# Its "View in Browser" link sat in a div.get-app__status (a.btn-default.get-app__continue) until commit 6f43821
# (2023-09-25) made it a plain a.btn-tertiary of the buttons: 9.2.0, inferred from the date.
LANDING_LINK_UNWRAPPED_SINCE = (9, 2, 0)
# The task list's "Watch overview" video went in 10.5.0 (commit 0635306, "Removed the video from the onboarding
# checklist").
TASK_LIST_VIDEO_UNTIL = (10, 5, 0)


def login_titles(version: str, site: str) -> dict[str, str]:
    if parse_semver(version) >= LOGIN_TITLES_REWORDED_SINCE:
        return {"login": f"Log in - {site}", "expired": f"* Session Expired - {site}"}
    return {"login": site, "expired": f"* {site} - Session Expired"}


WEB_DIR = Path(__file__).with_name("web")

_SHELL = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{site}</title>
{styles}
</head>
<body>
<div id="root"></div>
<div id="root-portal"></div>
<script>window.STANDIN = {config};</script>
{scripts}
</body>
</html>
"""


async def app_page(request: Request):
    settings = request.app.state.settings
    ui = settings.ui
    config = {
        "ui": ui,
        "pages": settings.generation.pages,
        "siteName": settings.site_name,
        "version": settings.version,
        "loginTitles": login_titles(settings.semver, settings.site_name),
        "mobileHeaderMenu": parse_semver(settings.semver) >= MOBILE_HEADER_MENU_SINCE,
        "revokeButtonInHeader": parse_semver(settings.semver) >= REVOKE_BUTTON_IN_HEADER_SINCE,
        "landingForBrowsers": parse_semver(settings.semver) >= DESKTOP_BROWSERS_LANDING_SINCE,
        "landingLinkWrapped": parse_semver(settings.semver) < LANDING_LINK_UNWRAPPED_SINCE,
        "taskListVideo": parse_semver(settings.semver) < TASK_LIST_VIDEO_UNTIL,
        "statusPollMs": int(settings.status_poll_seconds * 1000),
        "userStatuses": bool(settings.cfg("ServiceSettings.EnableUserStatuses")),
        "faults": page_faults(request.app.state.faults),
    }
    styles = "\n".join(f'<link rel="stylesheet" href="/static/standin/{name}">' for name in settings.generation.styles)
    scripts = "\n".join(f'<script src="/static/standin/{name}"></script>' for name in settings.generation.scripts)
    # "</" cannot occur in this JSON, but escape it anyway so the script element cannot be closed early.
    body = _SHELL.format(
        site=html.escape(settings.site_name),
        styles=styles,
        scripts=scripts,
        config=json.dumps(config).replace("</", "<\\/"),
    )
    return HTMLResponse(body, headers={"Cache-Control": "no-cache, max-age=31556926, public"})


ROUTES = [
    Mount("/static/standin", StaticFiles(directory=WEB_DIR)),
    Route("/{path:path}", app_page, methods=["GET"]),
]
