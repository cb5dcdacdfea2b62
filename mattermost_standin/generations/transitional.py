"""v7.0-v9.5: the redesigned login page and onboarding over the old System Console users list. It builds on both
neighbours' pages and overrides what its era did differently (transitional.js). 8.1.0, an ESR, is its default."""

from . import Generation

GENERATION = Generation(
    name="transitional",
    since=(7, 0, 0),
    version="8.1.0",
    scripts=("common.js", "i18n.js", "landing.js", "first_login.js", "legacy.js", "current.js", "transitional.js"),
    pages="transitional",
    styles=("base.css", "legacy.css", "current.css"),
    download_links={
        "AppDownloadLink": "https://mattermost.com/pl/download-apps",
        "AndroidAppDownloadLink": "https://mattermost.com/pl/android-app/",
        "IosAppDownloadLink": "https://mattermost.com/pl/ios-app/",
    },
    # v7/v8 createUserOrGuest: recommended_next_steps/hide and the insights tour state besides the tutorial step.
    initial_preferences=(
        ("recommended_next_steps", "hide", "false"),
        ("tutorial_step", "{user_id}", "0"),
        ("insights", "insights_tutorial_state", '{"insights_modal_viewed":true}'),
    ),
    has_workspace_onboarding=True,
    security_headers=True,
    preference_value_limit=2000,
    sidebar_limit_checked=True,
    preference_batch_limited=False,
    missing_preference_error="app.preference.get.app_error",
    json_404=False,
    mfa_code_once=False,
    full_client_config=False,
)
