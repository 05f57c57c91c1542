"""allauth's own messages that our pages show, listed so that `makemessages` puts them
in our Vietnamese catalogue (allauth ships no Vietnamese translation).

Nothing imports this module; `gettext_noop` only marks the strings.
"""

from django.utils.translation import gettext_noop

ALLAUTH_MESSAGES = [
    gettext_noop("Phone"),
    gettext_noop("Password"),
    gettext_noop("Password (again)"),
    gettext_noop("Remember Me"),
    gettext_noop("Code"),
    gettext_noop("Incorrect code."),
    gettext_noop("Current Password"),
    gettext_noop("New Password"),
    gettext_noop("New Password (again)"),
    gettext_noop("Change Password"),
    gettext_noop("Set Password"),
    gettext_noop("You must type the same password each time."),
    gettext_noop("Please type your current password."),
    gettext_noop("Too many failed login attempts. Try again later."),
    gettext_noop("Too many attempts. Try again later."),
    gettext_noop("A user is already registered with this phone number."),
    gettext_noop("The phone number is not assigned to any user account."),
    gettext_noop("Change Phone"),
    gettext_noop("Current phone"),
    gettext_noop("Your phone number is still pending verification."),
    gettext_noop("Change to"),
    gettext_noop("Forgot Password?"),
    gettext_noop("Sign In"),
    gettext_noop("Sign Out"),
    gettext_noop("Sign Up"),
    gettext_noop("Confirm"),
    gettext_noop("Cancel"),
    gettext_noop("Request new code"),
    gettext_noop("The new value must be different from the current one."),
    gettext_noop("Be patient, you are sending too many requests."),
]
