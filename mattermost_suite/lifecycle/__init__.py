"""The run's life cycle: behave's hooks and fixtures, the run's state, the runner that keeps a refused run's exit
code, the watchdog, rehearsals, and what is checked before any browser starts."""
