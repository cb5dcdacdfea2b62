"""Steps that ask the server itself (REST API): the sessions of the test user and the system admin, and the test
user's own request to revoke all sessions."""

from behave import then, when

from mattermost_suite.lifecycle.rehearsal import revokes_all_sessions


@then("the server still lists every session of the test user and accepts each of them")
def step_sessions_still_active(context):
    context.admin.finds_every_session_still_active(context.test_user)


@then("the server lists no session for the test user")
def step_no_sessions_left(context):
    context.admin.finds_no_session_of(context.test_user)


@then("the server refuses every old session of the test user and of the system admin")
def step_old_sessions_refused(context):
    context.admin.finds_old_sessions_refused(context.test_user)


@when("the test user asks the server to revoke all sessions")
@revokes_all_sessions(
    "if the server wrongly accepted the test user's request, it would log out every user of the server"
)
def step_test_user_asks_to_revoke_all(context):
    context.test_user.asks_server_to_revoke_all_sessions()


@then('the server refuses, saying "{message}"')
def step_server_refuses(context, message):
    context.test_user.is_refused_saying(message)


@then("every session of the test user and of the system admin is still active")
def step_everyone_still_active(context):
    context.admin.finds_sessions_kept_after_refusal(context.test_user)
    context.test_user.is_still_logged_in_after_the_refusal()
