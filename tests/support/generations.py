"""The UI generations the tests run in, read from the registries (mattermost_suite/generations and
mattermost_standin/generations), never listed by hand: a new generation's module brings it into every test."""

from mattermost_standin import generations as standin_generations
from mattermost_suite import generations as suite_generations

UIS = suite_generations.names()  # oldest first
NEWEST_FIRST = tuple(reversed(UIS))
STANDIN_UIS = standin_generations.names()
