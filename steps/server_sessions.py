"""Steps that ask the server itself (REST API): the sessions of the test user and the system admin, and the test
user's own request to revoke all sessions."""
from behave import then, when

from mattermost_suite.evidence_hooks import sessions_evidence
from mattermost_suite.narrate import say
from mattermost_suite.rehearsal import revokes_all_sessions
from mattermost_suite.tasks import non_admin, server_checks

# The suite's own REST session of the system admin (seeding, checks): a session like any other, so revoked too.
ADMIN_REST_SESSION = "the system admin's REST session"


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


@then("the server refuses every old session of the test user and of the system admin")
def step_old_sessions_refused(context):
    scene = context.mm_scene
    scene.record.extra_app_sessions = server_checks.old_sessions_refused(
        scene.admin_api, [*scene.victims, *scene.apps, scene.admin_device], scene.extra_apps,
        scene.config.app_requests_at_once, [(ADMIN_REST_SESSION, scene.admin_rest_token_at_revoke)])
    if scene.record.extra_app_sessions:
        say(scene.record.extra_app_sessions)


@when("the test user asks the server to revoke all sessions")
@revokes_all_sessions("if the server wrongly accepted the test user's request, it would log out every user of the "
                      "server")
def step_test_user_asks_to_revoke_all(context):
    context.mm_scene.non_admin_revoke_answer = non_admin.ask_to_revoke_all(context.mm_scene)


@then('the server refuses, saying "{message}"')
def step_server_refuses(context, message):
    non_admin.refused(context.mm_scene.non_admin_revoke_answer, message)


@then("every session of the test user and of the system admin is still active")
def step_everyone_still_active(context):
    scene = context.mm_scene
    with sessions_evidence("Sessions of the test user after the refused request", scene.admin_api, scene.test_user):
        server_checks.sessions_still_active(scene.admin_api, scene.test_user, scene.victims,
                                            because="although the server refused to revoke them")
    non_admin.note_still_logged_in(scene)
