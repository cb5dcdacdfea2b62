"""Support package of the MM-T940 behave suite: config, REST client, devices, pages, evidence."""
