"""Page objects and components; their locators are declared per UI generation in locators.py."""

from mattermost_suite.pages.channel_page import ChannelPage
from mattermost_suite.pages.confirm_modal import ConfirmModal
from mattermost_suite.pages.first_login import FirstLoginScreenInTheWay, FirstLoginScreens, in_the_way
from mattermost_suite.pages.login_page import LoginPage
from mattermost_suite.pages.system_users_page import SystemUsersPage
from mattermost_suite.pages.waits import WaitTimeout, where

__all__ = [
    "ChannelPage",
    "ConfirmModal",
    "FirstLoginScreenInTheWay",
    "FirstLoginScreens",
    "LoginPage",
    "SystemUsersPage",
    "WaitTimeout",
    "where",
    "in_the_way",
]
