"""The system admin the stand-in seeds on its first start: Mattermost's own e2e sample admin.

The one home of its password in the repository; the suite's zero-config default and the project's tests import it
from here. Importing this module is light: it starts nothing and imports nothing else of the stand-in's.
"""

ADMIN_USERNAME = "sysadmin"
ADMIN_PASSWORD = "Sys@dmin-sample1"
ADMIN_EMAIL = "sysadmin@sample.mattermost.com"
