"""One picture of all devices side by side: each screenshot scaled to a common height, labelled, in a grid."""

from __future__ import annotations

import functools
import io
import math
import textwrap
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from PIL import Image, ImageDraw, ImageFont

from mattermost_suite.evidence.capture import DeviceCapture

TILE_HEIGHT = 540  # screenshot height in the combined image (px); readable yet not huge
LABEL_HEIGHT = 58  # band above each screenshot: device name and page state
GAP = 12
MIN_TILE_WIDTH = 360  # a phone screenshot is narrow; its label still needs room
MAX_COLUMNS_IN_ONE_ROW = 4  # up to four devices in one row; more become a near-square grid
BACKGROUND = (38, 41, 46)
LABEL_TEXT = (255, 255, 255)
STATE_TEXT = (190, 200, 210)
PLACEHOLDER = (120, 40, 40)
SHEET_QUALITY = 90  # JPEG quality of the combined image
TILE_WORKERS = 4  # tiles decoded and scaled at once


@functools.cache  # a font file is read once, not for every label of every moment
def _font(size: int, bold: bool = False) -> ImageFont.ImageFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(name, size)
    except OSError:  # no DejaVu on this machine: Pillow's bundled font
        return ImageFont.load_default(size=size)


def _fit(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> str:
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text + "…"


def _decoded_and_scaled(capture: DeviceCapture) -> Image.Image | DeviceCapture:
    """The screenshot at tile height, or the capture a placeholder must stand for (drawn by the caller: text needs
    the fonts, which one thread uses at a time)."""
    if capture.png is None:
        return capture
    try:
        shot = Image.open(io.BytesIO(capture.png)).convert("RGB")
    except Exception as error:  # a corrupt PNG is still a device without a picture
        return DeviceCapture(capture.device, None, capture.state, f"unreadable screenshot: {error}")
    width = max(1, round(shot.width * TILE_HEIGHT / shot.height))
    # Bilinear: a screenshot shrinks by 0.65-0.85 here, where it reads as well as Lanczos at a third less time.
    return shot.resize((width, TILE_HEIGHT), Image.Resampling.BILINEAR)


def _placeholder(capture: DeviceCapture) -> Image.Image:
    tile = Image.new("RGB", (round(TILE_HEIGHT * 1.2), TILE_HEIGHT), PLACEHOLDER)
    draw = ImageDraw.Draw(tile)
    draw.text((24, 24), "No screenshot", font=_font(34, bold=True), fill=LABEL_TEXT)
    reason = textwrap.fill(capture.error or "unknown error", width=40)
    draw.multiline_text((24, 84), reason, font=_font(20), fill=LABEL_TEXT, spacing=6)
    return tile


def _labelled(capture: DeviceCapture, shot: Image.Image) -> Image.Image:
    tile = Image.new("RGB", (max(shot.width, MIN_TILE_WIDTH), LABEL_HEIGHT + shot.height), BACKGROUND)
    draw = ImageDraw.Draw(tile)
    usable = tile.width - 16
    draw.text(
        (8, 4), _fit(draw, capture.device, _font(22, bold=True), usable), font=_font(22, bold=True), fill=LABEL_TEXT
    )
    draw.text((8, 32), _fit(draw, capture.state, _font(17), usable), font=_font(17), fill=STATE_TEXT)
    tile.paste(shot, ((tile.width - shot.width) // 2, LABEL_HEIGHT))
    return tile


def grid_columns(count: int) -> int:
    return count if count <= MAX_COLUMNS_IN_ONE_ROW else math.ceil(math.sqrt(count))


def combine(captures: Sequence[DeviceCapture]) -> bytes:
    """JPEG bytes of all captures, in order, left to right then top to bottom (each device's own screenshot is
    attached as a lossless PNG beside it).

    It is made while the run goes on (later.py), on the same cores as the browsers, so it is kept cheap: tiles are
    decoded and scaled at the same time (Pillow releases the GIL while it decodes and resizes), scaled bilinearly, the
    sheet saved as a JPEG."""
    if not captures:
        raise ValueError("no device captures to combine")
    with ThreadPoolExecutor(max_workers=min(TILE_WORKERS, len(captures)), thread_name_prefix="evidence-tile") as pool:
        shots = list(pool.map(_decoded_and_scaled, captures))
    pictures = [_placeholder(shot) if isinstance(shot, DeviceCapture) else shot for shot in shots]
    tiles = [_labelled(capture, picture) for capture, picture in zip(captures, pictures, strict=True)]
    columns = grid_columns(len(tiles))
    rows = math.ceil(len(tiles) / columns)
    # Each column is as wide as its widest tile, so phones do not waste a desktop-wide cell.
    widths = [max(t.width for t in tiles[c::columns]) for c in range(columns)]
    lefts = [GAP + sum(widths[:c]) + GAP * c for c in range(columns)]
    cell_height = LABEL_HEIGHT + TILE_HEIGHT
    sheet = Image.new("RGB", (lefts[-1] + widths[-1] + GAP, GAP + rows * (cell_height + GAP)), BACKGROUND)
    for index, tile in enumerate(tiles):
        row, column = divmod(index, columns)
        sheet.paste(tile, (lefts[column], GAP + row * (cell_height + GAP)))
    out = io.BytesIO()
    # JPEG at quality 90: a fifth of the CPU of the fastest PNG level (27 instead of 135 ms for seven devices), about
    # the same size, and the labels and scaled screenshots still read clearly; the sheet is an overview.
    sheet.save(out, format="JPEG", quality=SHEET_QUALITY)
    return out.getvalue()
