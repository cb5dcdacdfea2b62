"""Code the test folders share: the behave runner, the stand-in's admin, headless Chromium, shared fixtures."""
