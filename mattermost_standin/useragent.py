"""Session props from the User-Agent, as `server/channels/app/user_agent.go` derives them from avct/uasurfer.

platform: platformNames (an unknown platform reads "Windows"; Android devices are platform "Linux");
os: osNames ("" when unknown); browser: "<name>/<version>" where the version is getUAVersion's
"major.minor" or "major.minor.patch" (three parts at most: Chrome/120.0.6099.109 -> Chrome/120.0.6099), except
the Desktop/Mobile app and mmctl, whose version token is kept whole. The UA parsing itself is a small
approximation of uasurfer's.
"""

from __future__ import annotations

import re

_WINDOWS = {
    (5, 0): "Windows 2000",
    (5, 1): "Windows XP",
    (5, 2): "Windows XP x64 Edition",
    (6, 0): "Windows Vista",
    (6, 1): "Windows 7",
    (6, 2): "Windows 8",
    (6, 3): "Windows 8.1",
}
# Order matters: Edge and Opera also say "Chrome/", every Chromium also says "Safari/".
_BROWSERS = (
    ("Edge", r"Edg(?:e|A|iOS)?/([\d.]+)"),
    ("Opera", r"OPR/([\d.]+)"),
    ("Firefox", r"(?:Firefox|FxiOS)/([\d.]+)"),
    ("Chrome", r"(?:Chrome|CriOS)/([\d.]+)"),
    ("Safari", r"Version/([\d.]+).*Safari/"),
    ("Internet Explorer", r"(?:MSIE |rv:)([\d.]+)"),
)
_APPS = (("Mattermost Mobile/", "Mobile App"), ("Mattermost/", "Desktop App"), ("mmctl/", "mmctl"))


def _platform_and_os(ua: str) -> tuple[str, str]:
    if "iPad" in ua:
        return "iPad", "iOS"
    if "iPhone" in ua:
        return "iPhone", "iOS"
    if "iPod" in ua:
        return "iPod", "iOS"
    if "Android" in ua:
        return "Linux", "Android"
    if "Windows Phone" in ua:
        return "Windows Phone", "Windows Phone"
    if "Windows" in ua:
        nt = re.search(r"Windows NT (\d+)\.(\d+)", ua)
        version = (int(nt.group(1)), int(nt.group(2))) if nt else (0, 0)
        return "Windows", "Windows 10" if version[0] == 10 else _WINDOWS.get(version, "Windows")
    if "CrOS" in ua:
        return "Linux", "Chrome OS"
    if "Macintosh" in ua or "Mac OS X" in ua:
        return "Macintosh", "Mac OS"
    if "Linux" in ua or "X11" in ua:
        return "Linux", "Linux"
    return "Windows", ""


def _ua_version(raw: str) -> str:
    """getUAVersion: major.minor, plus .patch when the patch is not zero."""
    parts = [int(p) for p in re.findall(r"\d+", raw)[:3]] + [0, 0, 0]
    major, minor, patch = parts[:3]
    return f"{major}.{minor}" if patch == 0 else f"{major}.{minor}.{patch}"


def _browser(ua: str) -> str:
    for marker, name in _APPS:
        index = ua.find(marker)
        if index >= 0 and (name != "Desktop App" or "Mattermost Mobile" not in ua):
            rest = ua[index + len(marker) :].split()
            return f"{name}/{rest[0] if rest else ''}"
    if "Electron" in ua:
        found = re.search(r"(?:Chrome)/([\d.]+)", ua)
        return f"Desktop App/{_ua_version(found.group(1)) if found else '0.0'}"
    for name, pattern in _BROWSERS:
        found = re.search(pattern, ua)
        if found:
            version = _ua_version(found.group(1))
            if name == "Internet Explorer" and int(version.split(".")[0]) > 11:
                name = "Edge"
            return f"{name}/{version}"
    return "Unknown/0.0"


def session_props(user_agent: str) -> dict[str, str]:
    platform, os_name = _platform_and_os(user_agent)
    return {"platform": platform, "os": os_name, "browser": _browser(user_agent)}
