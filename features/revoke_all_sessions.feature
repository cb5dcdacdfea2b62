@MM-T940 @critical @allure.label.owner:mattermost-qa @allure.issue.MM-12440:MM-12440 @allure.issue.MM-17020:MM-17020
@allure.label.epic:System_Console @allure.label.feature:User_Management @allure.label.story:Users
Feature: MM-T940 Users - Revoke all sessions
  A system admin can end every session on the server from System Console > Users.
  Every user is then logged out of every browser and device by the web app itself,
  and the system admin's own session ends too.

  Test case MM-T940 (fix version v5.16); tickets MM-12440 and MM-17020.
  The confirmation's wording depends on the version of the server's web app.

  Scenario Outline: MM-T940 Users - Revoke all sessions
    # Step 1: the test user on several devices at once, kept visible to watch for the sessions ending.
    # state: a computer "awake" or "asleep" while the admin revokes; a mobile app's screen "locked" or "unlocked".
    # The phones' browsers and the desktop app show the web app, so they count among the test user's browsers.
    Given the test user is logged in on these devices:
      | device              | logs in with | state           |
      | Desktop Chromium    | email        | awake           |
      | Desktop Firefox ESR | username     | awake           |
      | Desktop WebKit      | email        | awake           |
      | Android phone       | username     | awake           |
      | iPhone              | email        | awake           |
      | Desktop app         | username     | asleep          |
      | iOS app             | email        | screen locked   |
      | Android app         | username     | screen unlocked |
    And every browser of the test user shows a channel, left open to watch
    And every mobile app of the test user is open and logged in
    # Step 2
    And the system admin is logged in on another browser, "Desktop Chromium"
    When the system admin goes to System Console > Users
    # Step 3
    And the system admin clicks "Revoke All Sessions" on the Users page
    # Step 4 and its expected result
    Then a confirmation titled "Revoke all sessions in the system" is displayed
    And the confirmation message reads "<confirmation message>"
    And the confirmation offers "Cancel" and "Revoke All Sessions"
    # Step 5 and its expected result: no session is deactivated
    When the system admin clicks "Cancel" in the confirmation
    Then the confirmation is closed
    And the system admin is still on the Users page
    And every browser of the test user still shows its channel
    And every mobile app of the test user is still open and logged in
    And the server still lists every session of the test user and accepts each of them
    # Step 1's states, taken while the admin revokes
    When the test user's asleep computers go to sleep
    And the test user's locked phones lock their screens
    # Step 6
    And the system admin clicks "Revoke All Sessions" on the Users page again
    And the system admin confirms with "Revoke All Sessions"
    # Expected: every device is logged out automatically, without anyone touching it
    Then every awake browser of the test user reaches the login page by itself
    And every asleep computer of the test user still shows its channel, as it slept through the revoke
    # Expected: the system admin's own session ends too
    And the system admin's browser is redirected to the login page
    And the system admin's login page shows no session-expired message, as the admin ended the session
    When the test user's asleep computers wake up
    And the test user's locked phones are unlocked
    Then every woken computer of the test user reaches the login page by itself
    And every mobile app of the test user is told its session has expired
    # Expected: the login page says why
    And every browser of the test user shows "Your session has expired. Please log in again."
    And the server lists no session for the test user
    And the server refuses every old session of the test user and of the system admin

    @use.with_wording=v5.16
    Examples: web app v5.16 to v9.3, worded as in the test case
      | confirmation message                                                                                                                          |
      | This action revokes all sessions in the system. All users will be logged out from all devices. Are you sure you want to revoke all sessions? |

    @use.with_wording=v9.4
    Examples: web app v9.4 and newer, which adds "including your session"
      | confirmation message                                                                                                                                                  |
      | This action revokes all sessions in the system. All users will be logged out from all devices, including your session. Are you sure you want to revoke all sessions? |
