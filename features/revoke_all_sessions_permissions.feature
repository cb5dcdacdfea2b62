@MM-T940 @critical @allure.label.owner:mattermost-qa @allure.issue.MM-12440:MM-12440
@allure.label.epic:System_Console @allure.label.feature:User_Management @allure.label.story:Users
Feature: MM-T940 Users - Revoke all sessions is for system admins only
  Only a system admin may end every session on the server. Anyone else is not offered
  "Revoke All Sessions" in System Console > Users, and the server refuses their request,
  so nobody's session ends. (Not a step of test case MM-T940: its guard against a regression.)

  Scenario: MM-T940 Users - A user who is not a system admin cannot revoke all sessions
    Given the test user, who is not a system admin, is logged in on one browser, "Desktop Chromium"
    When the test user goes to System Console > Users
    Then the test user is sent away from System Console > Users
    And the test user is not offered "Revoke All Sessions"
    When the test user asks the server to revoke all sessions
    Then the server refuses, saying "You do not have the appropriate permissions."
    And every session of the test user and of the system admin is still active
