"""Page objects and components; locators live in locators.py, one set per UI generation."""
from .channel_page import ChannelPage
from .confirm_modal import ConfirmModal
from .first_login import FirstLoginScreenInTheWay, FirstLoginScreens
from .login_page import LoginPage
from .system_users_page import SystemUsersPage

__all__ = ["ChannelPage", "ConfirmModal", "FirstLoginScreenInTheWay", "FirstLoginScreens", "LoginPage",
           "SystemUsersPage"]
