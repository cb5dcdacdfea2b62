"""The web app: one HTML shell for every non-API path (the SPA routes client-side), per UI generation."""
from __future__ import annotations

import html
import json
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .faults import page_faults

WEB_DIR = Path(__file__).with_name("web")

_SHELL = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{site}</title>
<link rel="stylesheet" href="/static/standin/base.css">
<link rel="stylesheet" href="/static/standin/{ui}.css">
</head>
<body>
<div id="root"></div>
<script>window.STANDIN = {config};</script>
<script src="/static/standin/common.js"></script>
<script src="/static/standin/{ui}.js"></script>
</body>
</html>
"""


async def app_page(request: Request):
    settings = request.app.state.settings
    config = {"ui": settings.ui, "siteName": settings.site_name, "version": settings.version,
              "statusPollMs": int(settings.status_poll_seconds * 1000),
              "faults": page_faults(request.app.state.faults)}
    # "</" cannot occur in this JSON, but escape it anyway so the script element cannot be closed early.
    body = _SHELL.format(site=html.escape(settings.site_name), ui=settings.ui,
                         config=json.dumps(config).replace("</", "<\\/"))
    return HTMLResponse(body, headers={"Cache-Control": "no-cache, max-age=31556926, public"})


ROUTES = [
    Mount("/static/standin", StaticFiles(directory=WEB_DIR)),
    Route("/{path:path}", app_page, methods=["GET"]),
]
