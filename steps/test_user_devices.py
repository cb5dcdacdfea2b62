"""Steps about the test user's devices: logged in everywhere, watched (never touched) until logged out.

Browsers log in through the login page, the mobile apps through the REST API as the apps do. Each row's state
(a computer awake or asleep, an app's screen locked or not) is taken just before the revoke.
"""
from behave import given, then, when

from mattermost_suite.narrate import say
from mattermost_suite.tasks import apps, devices, matrix, non_admin, sleep


@given("the test user is logged in on these devices:")
def step_test_user_logged_in(context):
    scene = context.mm_scene
    rows = matrix.chosen_rows([(r["device"], r["logs in with"], r["state"]) for r in context.table],
                              scene.config.devices)
    scene.victims, scene.apps = matrix.log_in_everywhere(scene, rows)


@given('the test user, who is not a system admin, is logged in on one browser, "{device}"')
def step_non_admin_logged_in(context, device):
    context.mm_scene.victims = [non_admin.log_in_on_one_browser(context.mm_scene, device)]


@given("every device of the test user shows a channel, left open to watch")
@then("every device of the test user still shows its channel")
def step_devices_on_channel(context):
    devices.channels_shown(context.mm_scene.victims, context.mm_scene.site)
    apps.apps_open(context.mm_scene.apps)


@when("the test user's asleep computers go to sleep and locked phones lock their screens")
def step_devices_take_states(context):
    for line in sleep.put_to_sleep(context.mm_scene.victims) + apps.lock_screens(context.mm_scene.apps):
        say(line)


@then("every awake device of the test user reaches the login page by itself")
def step_awake_devices_logged_out(context):
    scene = context.mm_scene
    for line in devices.watch_until_logged_out(sleep.awake(scene.victims), scene.site, scene.record):
        say(line)


@then("every asleep computer of the test user still shows its channel, as it slept through the revoke")
def step_asleep_devices_slept_through(context):
    sleep.slept_through(context.mm_scene.victims, context.mm_scene.site)


@when("the test user's asleep computers wake up and locked phones are unlocked")
def step_devices_wake(context):
    sleep.wake(context.mm_scene.victims)
    apps.unlock_screens(context.mm_scene.apps)


@then("every woken computer of the test user reaches the login page by itself")
def step_woken_devices_logged_out(context):
    scene = context.mm_scene
    for line in sleep.watch_woken(scene.victims, scene.site, scene.record):
        say(line)


@then("every mobile app of the test user is told its session has expired")
def step_apps_refused(context):
    for line in apps.refused_everywhere(context.mm_scene.apps, context.mm_scene):
        say(line)


@then('every device of the test user shows "{message}"')
def step_devices_show_expired_banner(context, message):
    devices.expired_banner_on_every_device(context.mm_scene.victims, context.mm_scene.site, message)
