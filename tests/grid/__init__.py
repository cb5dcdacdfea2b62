"""The embedded Selenium Grid: its pieces without starting it, and the whole grid end to end."""
