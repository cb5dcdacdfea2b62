"""UI generation from X-Version-Id: the boundary (9.5.0) and the override."""
import pytest

from mattermost_suite.errors import PreflightError
from mattermost_suite.ui_generation import decide, parse_version


@pytest.mark.parametrize("version_id, expected", [
    ("5.16.0.1234.abc.false", "legacy"), ("7.8.1", "legacy"), ("9.4.9.99.x.true", "legacy"),
    ("9.5.0", "current"), ("9.11.0.12345.abc.false", "current"), ("10.3.1.1.a.false", "current"),
])
def test_auto_follows_the_server_version(version_id, expected):
    assert decide("auto", parse_version(version_id)) == expected


def test_an_explicit_setting_overrides_the_version():
    assert decide("legacy", (10, 0, 0)) == "legacy" and decide("current", (5, 16, 0)) == "current"


def test_an_unreadable_version_is_one_clear_error():
    with pytest.raises(PreflightError, match="cannot read the server version"):
        parse_version("dev-build")
