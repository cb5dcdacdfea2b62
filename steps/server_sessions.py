"""Steps that ask the server itself (REST API) about the test user's sessions."""
from behave import then

from mattermost_suite.evidence_hooks import sessions_evidence
from mattermost_suite.narrate import say
from mattermost_suite.tasks import server_checks


@then("the server still lists every session of the test user and accepts each of them")
def step_sessions_still_active(context):
    scene = context.mm_scene
    with sessions_evidence("Sessions of the test user before the revoke", scene.admin_api, scene.test_user):
        summary = server_checks.sessions_still_active(scene.admin_api, scene.test_user, [*scene.victims, *scene.apps],
                                                      scene.extra_apps, scene.config.app_requests_at_once)
    if summary:
        say(summary)


@then("the server lists no session for the test user")
def step_no_sessions_left(context):
    scene = context.mm_scene
    with sessions_evidence("Sessions of the test user after the revoke", scene.admin_api, scene.test_user):
        server_checks.no_sessions_left(scene.admin_api, scene.test_user)


@then("the server refuses every old session of the test user and of the system admin's browser")
def step_old_sessions_refused(context):
    scene = context.mm_scene
    scene.record.extra_app_sessions = server_checks.old_sessions_refused(
        scene.admin_api, [*scene.victims, *scene.apps, scene.admin_device], scene.extra_apps,
        scene.config.app_requests_at_once)
    if scene.record.extra_app_sessions:
        say(scene.record.extra_app_sessions)
