import allure
import pytest

from .fakes import AttachRecorder


@pytest.fixture
def attached(monkeypatch) -> AttachRecorder:
    recorder = AttachRecorder()
    monkeypatch.setattr(allure, "attach", recorder)
    return recorder
