"""For fake browsers in unit tests: answer the pages' one-look script (mattermost_suite/pages/glance.py) from the
fake's own `current_url` and `find_elements`, and a long watch's wait for the page's next change (pages/waits.py, at
once: a fake may change at every look); refuse every other script (a watcher must not touch the page)."""

from __future__ import annotations

from mattermost_suite.pages import glance, waits


class AnswersGlances:
    """Mix into a fake driver that has `current_url` and `find_elements(by, selector)` (elements with
    `is_displayed()`)."""

    def execute_script(self, script, *args):
        if script != glance.LOOK_SCRIPT:
            raise AssertionError("the page objects ran a script other than their one look")
        within, queries = args
        if within is not None:
            raise AssertionError("fakes answer looks at the whole page only")
        url = self.current_url
        found = [
            next((e for e in self.find_elements(by, selector) if e.is_displayed()), None) for by, selector in queries
        ]
        return [url, found]

    def execute_async_script(self, script, *args):
        if script != waits.NEXT_CHANGE:
            raise AssertionError("the page objects ran an asynchronous script other than the wait for a change")
        return True
