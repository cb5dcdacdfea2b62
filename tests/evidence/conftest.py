import sys
from pathlib import Path

import allure
import pytest

# checks.py, fakes.py, browser.py and tiny_project.py are plain modules next to the tests.
sys.path.insert(0, str(Path(__file__).parent))

from fakes import AttachRecorder  # noqa: E402


@pytest.fixture
def attached(monkeypatch) -> AttachRecorder:
    recorder = AttachRecorder()
    monkeypatch.setattr(allure, "attach", recorder)
    return recorder
