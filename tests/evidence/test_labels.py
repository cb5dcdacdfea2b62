import pytest
from allure_commons.model2 import Label

from mattermost_suite.evidence import label_scenario
from mattermost_suite.evidence.labels import DEFAULT_TMS_PATTERN, tidy_labels, tms_keys

pytestmark = pytest.mark.unit


def test_test_case_key_tags_become_tms_links(monkeypatch):
    links = []
    monkeypatch.setattr("allure.dynamic.link", lambda url, link_type, name: links.append((url, link_type, name)))
    tags = ["allure.label.epic:System_Console", "MM-T940", "critical", "@MM-T941", "MM-T940", "MM-12440"]
    assert tms_keys(tags) == ["MM-T940", "MM-T941"]
    assert label_scenario("F", tags, "https://tms.example/{}") == ["MM-T940", "MM-T941"]
    assert links == [
        ("https://tms.example/MM-T940", "tms", "MM-T940"),
        ("https://tms.example/MM-T941", "tms", "MM-T941"),
    ]
    label_scenario("F", ["MM-T940"])
    assert links[-1][0] == DEFAULT_TMS_PATTERN.format("MM-T940")


def test_behaviour_labels_are_readable_and_feature_is_listed_once():
    labels = [
        Label("epic", "System_Console"),
        Label("feature", "User_Management"),
        Label("story", "Users"),
        Label("tag", "MM-T940"),
        Label("feature", "Revoke all sessions"),
    ]
    tidy_labels(labels, "Revoke all sessions")
    assert [(label.name, label.value) for label in labels] == [
        ("epic", "System Console"),
        ("feature", "User Management"),
        ("story", "Users"),
        ("tag", "MM-T940"),
    ]


def test_without_a_feature_tag_the_gherkin_title_stays_the_feature():
    labels = [Label("feature", "Revoke_all sessions")]
    tidy_labels(labels, "Revoke_all sessions")
    assert [(label.name, label.value) for label in labels] == [("feature", "Revoke all sessions")]
