"""mask() with as many registered secrets as a run with 1,000 extra app sessions has: short texts are looked up
window by window, long ones scanned secret by secret; both must mask exactly what the plain loop masks."""

import secrets as random

import pytest

from mattermost_suite.secrets import MASK, Secret, known_secrets, mask, register

pytestmark = pytest.mark.unit


def plain_mask(text: str) -> str:
    """The definition: every registered value replaced, longest first (the secret-shaped patterns aside)."""
    for value in sorted(known_secrets(), key=len, reverse=True):
        text = text.replace(value, MASK)
    return text


@pytest.fixture(scope="module")
def tokens():
    return [Secret(random.token_hex(13)).reveal() for _ in range(1200)]


def test_a_short_text_holding_a_token_among_many_is_masked(tokens):
    token = tokens[617]
    assert mask(token) == MASK
    assert mask(f"user {token} logged in") == f"user {MASK} logged in"
    assert mask("nothing secret here") == "nothing secret here"


def test_a_long_text_with_every_token_is_masked_entirely(tokens):
    text = "\n".join(f'{{"id": "{t}"}}' for t in tokens)
    masked = mask(text)
    assert not any(t in masked for t in tokens) and masked.count(MASK) == len(tokens)


def test_overlapping_secrets_mask_as_the_longest_first_loop_does(tokens):
    long, inner = "Mm1!outer-SECRET-value", "SECRET"
    register(long)
    register(inner)
    for text in (long, f"a {long} b {inner} c", f"{inner}{inner}", "x" * 3 + long[:-1]):
        assert mask(text) == plain_mask(text), text
