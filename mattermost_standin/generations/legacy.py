"""v5.x (mattermost-webapp): the #login_section form, the v5 tutorial, the old System Console users list."""

from . import Generation

GENERATION = Generation(
    name="legacy",
    since=(0, 0, 0),  # every release older than the next generation
    version="5.37.0",
    scripts=("common.js", "i18n.js", "landing.js", "first_login.js", "legacy.js"),
    pages="legacy",
    styles=("base.css", "legacy.css"),
    download_links={
        "AppDownloadLink": "https://mattermost.com/download/#mattermostApps",
        "AndroidAppDownloadLink": "https://about.mattermost.com/mattermost-android-app/",
        "IosAppDownloadLink": "https://about.mattermost.com/mattermost-ios-app/",
    },
    # v5 app/user.go: the tutorial step only.
    initial_preferences=(("tutorial_step", "{user_id}", "0"),),
    has_workspace_onboarding=False,
    security_headers=False,
    preference_value_limit=2000,
    sidebar_limit_checked=False,
    preference_batch_limited=False,
    missing_preference_error="store.sql_preference.get.app_error",
    json_404=False,
    mfa_code_once=False,
    full_client_config=False,
)
