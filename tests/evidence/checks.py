"""Reusable checks on Allure results and the single-file report (the tiny project now, the MM-T940 suite later).

Each check raises AssertionError with a message that names files, never a secret's value.
"""

from __future__ import annotations

import base64
import html
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import quote

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

# The Allure labels and links of both MM-T940 features (their tags; the tiny project carries the same ones).
MM_T940_LABELS = {
    ("epic", "System Console"),
    ("feature", "User Management"),
    ("story", "Users"),
    ("severity", "critical"),
    ("owner", "mattermost-qa"),
}
MM_T940_LINKS = {("issue", "MM-12440"), ("issue", "MM-17020"), ("tms", "MM-T940")}

# The single-file report embeds every data file as d('<path>','<base64>').
_EMBEDDED = re.compile(r"d\('([^']+)','([A-Za-z0-9+/=]*)'\)")


def result_files(results_dir: Path) -> list[dict]:
    return [json.loads(p.read_text()) for p in sorted(Path(results_dir).glob("*-result.json"))]


def check_results_present(results_dir: Path, minimum: int = 1) -> list[dict]:
    results = result_files(results_dir)
    assert len(results) >= minimum, f"{len(results)} Allure results in {results_dir}, expected >= {minimum}"
    return results


def labels_of(result: dict) -> set[tuple[str, str]]:
    return {(label["name"], label["value"]) for label in result["labels"]}


def links_of(result: dict) -> set[tuple[str, str]]:
    return {(link["type"], link["name"]) for link in result["links"]}


def _attachments(item: dict) -> Iterator[dict]:
    yield from item.get("attachments", [])
    for child in item.get("steps", []) + item.get("befores", []) + item.get("afters", []):
        yield from _attachments(child)


def check_attachments_exist(results_dir: Path) -> int:
    """Every attachment named in a result or container file exists and is not empty; returns how many."""
    folder = Path(results_dir)
    missing, count = [], 0
    for path in list(folder.glob("*-result.json")) + list(folder.glob("*-container.json")):
        for attachment in _attachments(json.loads(path.read_text())):
            count += 1
            source = folder / attachment["source"]
            if not source.is_file() or source.stat().st_size == 0:
                missing.append(f"{path.name}: {attachment['name']!r} -> {attachment['source']}")
    assert not missing, "attachments referenced but missing or empty:\n" + "\n".join(missing)
    return count


def report_entries(index_html: Path) -> dict[str, bytes]:
    """The data files embedded in a single-file report, decoded."""
    return {name: base64.b64decode(body) for name, body in _EMBEDDED.findall(Path(index_html).read_text())}


def _spellings(secret: str) -> set[bytes]:
    """A secret as it could appear in a file: raw, URL-encoded, HTML- or JSON-escaped."""
    forms = {secret, quote(secret, safe=""), html.escape(secret), json.dumps(secret)[1:-1]}
    return {form.encode() for form in forms}


def _contents(folders: Iterable[Path]) -> Iterator[tuple[str, bytes]]:
    for folder in folders:
        for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
            try:
                data = path.read_bytes()
            except FileNotFoundError:  # removed since it was listed (another run pruning its folder): nothing to leak
                continue
            yield str(path), data
            if path.name == "index.html":
                for name, body in report_entries(path).items():
                    yield f"{path} (embedded {name})", body


def find_secret_leaks(folders: Iterable[Path], secrets: Iterable[str]) -> list[str]:
    """Places where any secret appears, as "<file>: secret #<n>" (the value itself is never returned)."""
    patterns = [(n, _spellings(s)) for n, s in enumerate(secrets) if s]
    leaks = []
    for where, data in _contents(folders):
        leaks += [f"{where}: secret #{n}" for n, forms in patterns if any(f in data for f in forms)]
    return leaks


def check_no_secret(folders: Iterable[Path], secrets: Iterable[str]) -> None:
    leaks = find_secret_leaks(folders, secrets)
    assert not leaks, "secrets found in evidence:\n" + "\n".join(leaks)


def check_single_file_report(report_dir: Path) -> Path:
    """index.html exists and carries the data itself (no data/ folder that file:// could not load)."""
    index = Path(report_dir) / "index.html"
    assert index.is_file(), f"no {index}"
    assert not (Path(report_dir) / "data").exists(), f"{report_dir} is not a single-file report"
    assert any(name.startswith("data/test-cases/") for name in report_entries(index)), f"{index} has no test cases"
    return index


def report_test_uid(index_html: Path, test_name: str) -> str:
    for name, body in report_entries(index_html).items():
        if name.startswith("data/test-cases/"):
            case = json.loads(body)
            if case.get("name") == test_name:
                return case["uid"]
    raise AssertionError(f"no test named {test_name!r} in {index_html}")


def _has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


_IMAGE_SHOWN = """
const img = arguments[0].querySelector('img');
if (!img || !img.complete || img.naturalWidth === 0) return false;
const box = img.getBoundingClientRect();
return box.width > 100 && box.height > 100;
"""


def screenshot_report_test(
    driver, index_html: Path, test_name: str, attachment_name: str, out_png: Path, deadline: float = 20.0
) -> Path:
    """Open the test's page in the report, expand the step holding attachment_name and the attachment,
    wait until its image is rendered, and save a screenshot of the window to out_png."""
    uid = report_test_uid(index_html, test_name)
    driver.get(f"{Path(index_html).resolve().as_uri()}#testresult/{uid}")
    wait = WebDriverWait(driver, deadline)
    row_xpath = f"//div[{_has_class('attachment-row')}][.//*[normalize-space()={json.dumps(attachment_name)}]]"
    step = wait.until(
        lambda d: d.find_elements(
            By.XPATH, f"//div[{_has_class('step')}][.{row_xpath}]/div[{_has_class('step__title')}]"
        )
    )
    step[-1].click()  # the innermost step holding the attachment
    row = wait.until(lambda d: [r for r in d.find_elements(By.XPATH, row_xpath) if r.is_displayed()])[0]
    row.click()
    preview = wait.until(lambda d: d.find_element(By.XPATH, f"{row_xpath}/following-sibling::*[1]"))
    wait.until(lambda d: d.execute_script(_IMAGE_SHOWN, preview))
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", row)
    wait.until(lambda d: d.execute_script(_IMAGE_SHOWN, preview))
    out_png.parent.mkdir(parents=True, exist_ok=True)
    assert driver.save_screenshot(str(out_png)), f"could not save {out_png}"
    return out_png
