"""allure-behave's formatter, with one addition: MM_ALLURE_RESULTS (environment) overrides the results folder that
behave.ini gives it, so that runs at the same time (tests, fault runs) can keep their results apart. behave cannot
replace an ini formatter's outfile from the command line (-f/-o only add formatters)."""

from __future__ import annotations

import os

from allure_behave.formatter import AllureFormatter
from behave.formatter.base import StreamOpener

RESULTS_OVERRIDE = "MM_ALLURE_RESULTS"


def results_folder(outfile: str | None) -> str | None:
    return os.environ.get(RESULTS_OVERRIDE) or outfile


class AllureResults(AllureFormatter):
    def __init__(self, stream_opener, config):
        folder = results_folder(stream_opener.name)
        if folder != stream_opener.name:
            stream_opener = StreamOpener(filename=folder)
        super().__init__(stream_opener, config)
