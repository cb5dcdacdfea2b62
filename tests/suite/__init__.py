"""Tests of the MM-T940 suite: config, REST client, page objects, fleet, and behave runs end to end."""
