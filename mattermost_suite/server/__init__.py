"""The Mattermost server as the suite meets it over REST: the admin's API session, the preflight, the test users it
seeds and removes, the server's settings that decide what MM-T940 can observe, the admin's own profile and MFA."""
