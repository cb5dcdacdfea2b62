"""UI generation from X-Version-Id: the boundaries (7.0.0 transitional, 9.6.0 current) and the override; the
confirmation's wording (9.4.0) and the landing page's browsers (7.3.0), which follow the version too."""

import pytest

from mattermost_suite.errors import PreflightError
from mattermost_suite.generations import decide, generation, names, parse_version, wording_of
from mattermost_suite.server.settings import landing_page_for

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "version_id, expected",
    [
        ("5.16.0.1234.abc.false", "legacy"),
        ("5.37.9", "legacy"),
        ("6.7.2.6.7.2.abc.false", "legacy"),
        ("7.0.0", "transitional"),
        ("7.8.1", "transitional"),
        ("8.1.0.8.1.0.abc.false", "transitional"),
        ("9.5.9.99.x.true", "transitional"),
        ("9.6.0", "current"),
        ("9.11.0.12345.abc.false", "current"),
        ("10.11.0.10.11.0.abc.false", "current"),
    ],
)
def test_auto_follows_the_server_version(version_id, expected):
    assert decide("auto", parse_version(version_id)) == expected


def test_the_boundaries_are_the_releases_that_changed_the_pages():
    assert (generation("transitional").since, generation("current").since) == ((7, 0, 0), (9, 6, 0))


def test_an_explicit_setting_overrides_the_version():
    assert decide("legacy", (10, 0, 0)) == "legacy" and decide("current", (5, 16, 0)) == "current"
    assert decide("transitional", (5, 37, 0)) == "transitional"


def test_an_unreadable_version_is_one_clear_error():
    with pytest.raises(PreflightError, match="cannot read the server version"):
        parse_version("dev-build")


@pytest.mark.parametrize(
    "version, wording",
    [((5, 14, 0), "v5.16"), ((5, 37, 7), "v5.16"), ((9, 3, 9), "v5.16"), ((9, 4, 0), "v9.4"), ((11, 2, 0), "v9.4")],
)
def test_the_confirmation_wording_follows_its_own_boundary_9_4(version, wording):
    assert wording_of(version) == wording


LINKS = {"AppDownloadLink": "https://mattermost.com/pl/download-apps"}


@pytest.mark.parametrize(
    "config, version, browsers",
    [
        ({}, (11, 2, 0), "none"),
        (LINKS, (5, 37, 7), "phones"),
        (LINKS, (7, 2, 9), "phones"),
        (LINKS, (7, 3, 0), "browsers"),
        (LINKS, (9, 5, 0), "browsers"),
        ({**LINKS, "EnableDesktopLandingPage": "false"}, (11, 2, 0), "none"),
        ({**LINKS, "EnableDesktopLandingPage": "true"}, (11, 2, 0), "browsers"),
    ],
)
def test_the_landing_page_meets_phones_before_7_3_and_every_browser_since(config, version, browsers):
    assert landing_page_for(config, version) == browsers


def test_the_suite_and_the_stand_in_know_the_same_generations_with_the_same_boundaries():
    from mattermost_standin import generations as standin

    assert names() == standin.names()
    assert [generation(name).since for name in names()] == [standin.generation(name).since for name in names()]
    for name in names():  # the release the stand-in reports for a generation is one of that generation
        assert decide("auto", parse_version(standin.generation(name).version)) == name
