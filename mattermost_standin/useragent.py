"""Session props from the User-Agent, the way `server/channels/app/user_agent.go` names them.

The real server uses mssola/user_agent; the exact strings it yields are UNCONFIRMED, so this keeps the same
vocabulary (platform "Linux"/"Windows"/"Macintosh"/"iPhone"/"Android", browser "Chrome/<version>").
"""
from __future__ import annotations

import re

_PLATFORMS = (("iPhone", "iPhone", "iOS"), ("iPad", "iPad", "iOS"), ("Android", "Android", "Android"),
              ("CrOS", "Chrome OS", "Chrome OS"), ("Windows", "Windows", "Windows"),
              ("Macintosh", "Macintosh", "Mac OS"), ("Linux", "Linux", "Linux"))
# Order matters: Edge and Chrome both say "Chrome/", every Chromium also says "Safari/".
_BROWSERS = (("Mattermost", "Desktop App"), ("Edg", "Edge"), ("Firefox", "Firefox"), ("Chrome", "Chrome"),
             ("Chromium", "Chrome"), ("Version", "Safari"))
_WINDOWS = {"10.0": "Windows 10", "6.3": "Windows 8.1", "6.2": "Windows 8", "6.1": "Windows 7"}


def session_props(user_agent: str) -> dict[str, str]:
    platform, os_name = "Unknown", "Unknown"
    for marker, plat, osn in _PLATFORMS:
        if marker in user_agent:
            platform, os_name = plat, osn
            break
    if platform == "Windows":
        nt = re.search(r"Windows NT ([\d.]+)", user_agent)
        os_name = _WINDOWS.get(nt.group(1), "Windows") if nt else "Windows"
    return {"platform": platform, "os": os_name, "browser": _browser(user_agent)}


def _browser(user_agent: str) -> str:
    for marker, name in _BROWSERS:
        found = re.search(re.escape(marker) + r"/([\w.]+)", user_agent)
        if found:
            return f"{name}/{found.group(1)}"
    first = re.match(r"([\w.-]+)/([\w.]+)", user_agent)  # e.g. python-requests/2.34.2
    return f"{first.group(1)}/{first.group(2)}" if first else "Unknown"

