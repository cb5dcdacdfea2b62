"""Page objects and components; their locators are declared per UI generation in locators.py."""

from .channel_page import ChannelPage
from .confirm_modal import ConfirmModal
from .first_login import FirstLoginScreenInTheWay, FirstLoginScreens, in_the_way
from .login_page import LoginPage
from .system_users_page import SystemUsersPage
from .waits import WaitTimeout, where

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
