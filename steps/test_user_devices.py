"""Steps about the test user's devices: logged in everywhere, watched (never touched) until logged out."""
from behave import given, then

from mattermost_suite.narrate import say
from mattermost_suite.tasks import devices


@given("the test user is logged in through the login page on these devices:")
def step_test_user_logged_in(context):
    scene = context.mm_scene
    rows = [(row["device"], row["logs in with"]) for row in context.table]
    scene.victims = scene.fleet.start(devices.wanted_devices(rows, "test user"))
    scene.record.devices += [device.record for device in scene.victims]
    devices.log_in_through_form(scene.victims, scene.test_user, scene.site)


@given("every device of the test user shows a channel, left open to watch")
def step_devices_show_channel(context):
    devices.channels_shown(context.mm_scene.victims, context.mm_scene.site)


@then("every device of the test user still shows its channel")
def step_devices_still_on_channel(context):
    devices.channels_shown(context.mm_scene.victims, context.mm_scene.site)


@then("every device of the test user reaches the login page by itself")
def step_devices_logged_out(context):
    scene = context.mm_scene
    for line in devices.watch_until_logged_out(scene.victims, scene.site, scene.record):
        say(line)


@then('every device of the test user shows "{message}"')
def step_devices_show_expired_banner(context, message):
    devices.expired_banner_on_every_device(context.mm_scene.victims, context.mm_scene.site, message)
