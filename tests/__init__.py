"""The project's tests (pytest), a package so that every folder imports shared code as tests.support."""
