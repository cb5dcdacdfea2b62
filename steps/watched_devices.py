"""Steps about the test user's devices: logged in everywhere, then watched (never touched) until logged out.
Browsers log in through the login page, the mobile apps through the REST API as the apps do."""

from behave import given, then, when

from mattermost_suite.lifecycle.device_table import rows_of


@given("the test user is logged in on these devices:")
def step_test_user_logged_in(context):
    context.test_user.logs_in_on(rows_of(context.table))


@given('the test user, who is not a system admin, is logged in on one browser, "{device}"')
def step_non_admin_logged_in(context, device):
    context.test_user.logs_in_on_one_browser(device)


@given("every browser of the test user shows a channel, left open to watch")
@then("every browser of the test user still shows its channel")
def step_browsers_on_channel(context):
    context.test_user.browsers.show_their_channel()


@given("every mobile app of the test user is open and logged in")
@then("every mobile app of the test user is still open and logged in")
def step_apps_open(context):
    context.test_user.apps.are_open()


@when("the test user's asleep computers go to sleep")
def step_computers_fall_asleep(context):
    context.test_user.browsers.asleep_ones_fall_asleep()


@when("the test user's locked phones lock their screens")
def step_phones_lock(context):
    context.test_user.apps.locked_ones_lock()


@then("every awake browser of the test user reaches the login page by itself")
def step_awake_browsers_logged_out(context):
    context.test_user.browsers.awake_ones_reach_login_page()


@then("every asleep computer of the test user still shows its channel, as it slept through the revoke")
def step_asleep_computers_slept_through(context):
    context.test_user.browsers.asleep_ones_slept_through()


@when("the test user's asleep computers wake up")
def step_computers_wake(context):
    context.test_user.browsers.asleep_ones_wake_up()


@when("the test user's locked phones are unlocked")
def step_phones_unlock(context):
    context.test_user.apps.locked_ones_unlock()


@then("every woken computer of the test user reaches the login page by itself")
def step_woken_computers_logged_out(context):
    context.test_user.browsers.woken_ones_reach_login_page()


@then("every mobile app of the test user is told its session has expired")
def step_apps_refused(context):
    context.test_user.apps.are_told_session_expired(context.admin.revoke_confirmed_at)


@then('every browser of the test user shows "{message}"')
def step_browsers_show_expired_message(context, message):
    context.test_user.browsers.show_on_login_page(message)
