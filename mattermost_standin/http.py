"""Small request/response helpers shared by the API modules."""
from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import Response

from .errors import AppError, invalid_body

MAX_BODY_BYTES = 1 << 20  # a real server caps bodies at FileSettings.MaxFileSize (100 MB); 1 MiB is plenty here


def json_response(data, status: int = 200) -> Response:
    return Response(json.dumps(data, separators=(",", ":")), status, media_type="application/json")


def status_ok() -> Response:
    return json_response({"status": "OK"})


async def read_json(request: Request, name: str, default=None):
    """The decoded JSON body; a malformed body is `default` if given, else 400 invalid_body_param(name)."""
    body = await request.body()
    if len(body) > MAX_BODY_BYTES:
        raise AppError(413, "api.context.request_body_too_large.app_error", limit=MAX_BODY_BYTES)
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError):
        if default is not None:
            return default
        raise invalid_body(name) from None


def string_map(value) -> dict[str, str]:
    """Go's model.MapFromJSON: anything that is not a JSON object of strings decodes to an empty map."""
    if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
        return value
    return {}


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
