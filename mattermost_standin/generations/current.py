"""v9.6 and newer: the redesigned System Console users list. 11.2.0, the newest line, is its default."""

from . import Generation
from .transitional import GENERATION as TRANSITIONAL

GENERATION = Generation(
    name="current",
    since=(9, 6, 0),
    version="11.2.0",
    scripts=("common.js", "i18n.js", "landing.js", "first_login.js", "current.js"),
    pages="current",
    styles=("base.css", "current.css"),
    download_links=TRANSITIONAL.download_links,
    # v9+ createUserOrGuest: system_notice/GMasDM instead of the insights tour state.
    initial_preferences=(
        ("recommended_next_steps", "hide", "false"),
        ("tutorial_step", "{user_id}", "0"),
        ("system_notice", "GMasDM", "true"),
    ),
    has_workspace_onboarding=True,
    security_headers=True,
    preference_value_limit=20000,
    sidebar_limit_checked=True,
    preference_batch_limited=True,
    missing_preference_error="app.preference.get.app_error",
    json_404=True,
    mfa_code_once=True,
    full_client_config=True,
)
