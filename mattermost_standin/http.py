"""Request/response helpers shared by the API modules: bodies read the way Go's handlers read them.

web/handlers.go wraps every body in http.MaxBytesReader (Settings.max_body_bytes). A handler that decodes with
json.NewDecoder only sees the first JSON value (trailing bytes are ignored); model.MapFromJSON swallows every
error into an empty (or partly filled) map. Since v9.7 a decode error caused by the size limit is answered 413
api.context.request_body_too_large.app_error; before, it was just a broken body.
"""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import Response

from .errors import AppError, invalid_body

_DECODER = json.JSONDecoder(parse_constant=lambda name: (_ for _ in ()).throw(ValueError(name)))
_NO_VALUE = object()


def json_response(data, status: int = 200) -> Response:
    return Response(json.dumps(data, separators=(",", ":")), status, media_type="application/json")


def status_ok() -> Response:
    return json_response({"status": "OK"})


async def read_body(request: Request) -> tuple[bytes, bool]:
    """(body, too_large): at most Settings.max_body_bytes are read, like http.MaxBytesReader."""
    cached = request.scope.get("standin.body")
    if cached is not None:
        return cached
    limit = request.app.state.settings.max_body_bytes
    chunks, size, too_large = [], 0, False
    async for chunk in request.stream():
        if size + len(chunk) > limit:
            chunks.append(chunk[: limit - size])
            too_large = True
            break
        chunks.append(chunk)
        size += len(chunk)
    request.scope["standin.body"] = result = (b"".join(chunks), too_large)
    return result


def go_decode(body: bytes):
    """json.NewDecoder(r.Body).Decode: the first JSON value, or _NO_VALUE on a syntax error / empty body."""
    try:
        text = body.decode("utf-8", errors="replace").lstrip(" \t\r\n")
        value, _ = _DECODER.raw_decode(text)
        return value
    except ValueError:
        return _NO_VALUE


async def decode_value(request: Request, name: str):
    """A handler that calls SetInvalidParamWithErr(name, err) on a decode error: the decoded value, or 400
    invalid_body_param(name) (413 when the size limit broke the body on a v9.7+ server)."""
    body, too_large = await read_body(request)
    value = go_decode(body)
    if value is _NO_VALUE:
        if too_large and request.app.state.settings.cfg("ServiceSettings.MaximumPayloadSizeBytes"):
            raise AppError(413, "api.context.request_body_too_large.app_error")
        raise invalid_body(name)
    return value


async def read_map(request: Request) -> dict[str, str]:
    """model.MapFromJSON: a JSON object of strings (null members read as ""); anything else, a member of
    another type included, is an empty map."""
    value = go_decode((await read_body(request))[0])
    if not isinstance(value, dict) or not all(v is None or isinstance(v, str) for v in value.values()):
        return {}
    return {k: v or "" for k, v in value.items()}


async def read_object(request: Request) -> dict:
    """model.StringInterfaceFromJSON: any JSON object, else an empty map."""
    value = go_decode((await read_body(request))[0])
    return value if isinstance(value, dict) else {}


def struct_fields(value, fields: dict[str, type]) -> dict | None:
    """Go's json decoding of an object into a struct: keys match field names case-insensitively, unknown keys
    are ignored, missing ones keep their zero value; None when a member has the wrong type (Go returns an error)."""
    if value is None:
        return {name: kind() for name, kind in fields.items()}
    if not isinstance(value, dict):
        return None
    out = {name: kind() for name, kind in fields.items()}
    by_lower = {name.lower(): name for name in fields}
    for key, member in value.items():
        name = by_lower.get(key.lower())
        if name is None or member is None:
            continue
        if not isinstance(member, fields[name]) or isinstance(member, bool) != (fields[name] is bool):
            return None
        out[name] = member
    return out


def query_int(request: Request, name: str, default: int, maximum: int | None = None) -> int:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise AppError(400, "api.context.invalid_url_param.app_error", name=name) from None
    if value < 0:
        raise AppError(400, "api.context.invalid_url_param.app_error", name=name)
    return min(value, maximum) if maximum else value


def page_params(request: Request) -> tuple[int, int]:
    """web/params.go: page and per_page as the handlers' Params read them; a missing, bad or negative value is the
    default (0 and 60), and per_page is capped at 200. Never an error."""

    def number(name: str, default: int) -> int:
        try:
            value = int(request.query_params.get(name, ""))
        except ValueError:
            return default
        return default if value < 0 else value

    return number("page", 0), min(number("per_page", 60), 200)
