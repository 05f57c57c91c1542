"""Only `community.access` reads roles and scopes (issue #16, STYLE.md §2).

Not a grep: every module of our apps is imported, and what it holds is inspected:
a module-level name bound to `RoleAssignment` or `scope_of` (under any alias), or
code (functions, methods, class bodies) that names them, reaches the roles through
the `role_assignments` relation, or looks them up as a string. Only the allowlist
below may: the model itself, the roles service that writes them, the data download
(which lists a person's own roles), and the admin pages that manage them.
"""

import importlib
import inspect
import pkgutil
import types

import pytest

from community.access import scope_of
from community.models import RoleAssignment

APPS = [
    "accounts",
    "cms",
    "community",
    "learning",
    "quizzes",
    "certificates",
    "teams",
    "stats",
    "config",
]
ALLOWED = {
    "community.access",  # the access module
    "community.models",  # defines RoleAssignment
    "community.services.roles",  # the roles service: grant, revoke
    "community.privacy",  # the data download lists the person's own roles
    "community.views",  # the admin: roles listing, grant and revoke
    "community.wagtail_hooks",  # the admin: registers the roles pages
}
FORBIDDEN_NAMES = {"RoleAssignment", "scope_of", "role_assignments", "Scope"}
FORBIDDEN_OBJECTS = (RoleAssignment, scope_of)


def _modules():
    for app in APPS:
        package = importlib.import_module(app)
        yield package
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{app}."):
            if ".migrations" in info.name or info.name.endswith(".wsgi"):
                continue
            if info.name.startswith("config.settings.production"):
                continue  # refuses to import without production variables
            yield importlib.import_module(info.name)


def _code_objects(module: types.ModuleType):
    """Every code object defined in the module: functions, methods, nested code."""
    seen, stack = set(), []
    for value in vars(module).values():
        if getattr(value, "__module__", None) != module.__name__:
            continue
        if inspect.isfunction(value):
            stack.append(value.__code__)
        elif inspect.isclass(value):
            for member in vars(value).values():
                function = getattr(member, "__func__", member)
                function = getattr(function, "fget", function)
                if inspect.isfunction(function):
                    stack.append(function.__code__)
    while stack:
        code = stack.pop()
        if id(code) in seen:
            continue
        seen.add(id(code))
        yield code
        stack.extend(c for c in code.co_consts if isinstance(c, types.CodeType))


def _strings(constants):
    """String constants, also inside tuples (keyword argument names live there)."""
    for constant in constants:
        if isinstance(constant, str):
            yield constant
        elif isinstance(constant, tuple):
            yield from _strings(constant)


def offences(module: types.ModuleType) -> list[str]:
    found = [
        f"{module.__name__}.{name} is {value!r}"
        for name, value in vars(module).items()
        if any(value is forbidden for forbidden in FORBIDDEN_OBJECTS)
    ]
    for code in _code_objects(module):
        names = FORBIDDEN_NAMES.intersection(code.co_names)
        strings = {c for c in _strings(code.co_consts) if "role_assignments" in c}
        if names or strings:
            found.append(f"{module.__name__}:{code.co_qualname} uses {names | strings}")
    return found


def test_no_module_outside_the_allowlist_reads_roles():
    modules = list(_modules())
    assert len(modules) > 100  # the walk really imported the apps
    problems = [
        problem
        for module in modules
        if module.__name__ not in ALLOWED
        for problem in offences(module)
    ]
    assert problems == []


def test_the_check_finds_an_offender():
    """The inspection above can fail: a module that reads roles is found, under an
    alias, in a method, and through the relation."""
    module = types.ModuleType("teams.fake_views")
    source = (
        "from community.access import scope_of as who\n"
        "class Page:\n"
        "    def get(self, user):\n"
        "        return user.role_assignments.exists()\n"
        "def lookup(users):\n"
        "    return users.filter(role_assignments__role='volunteer')\n"
    )
    exec(compile(source, "teams/fake_views.py", "exec"), module.__dict__)
    for value in vars(module).values():
        if inspect.isfunction(value) or inspect.isclass(value):
            value.__module__ = module.__name__
    found = offences(module)
    assert any("who is" in problem for problem in found)
    assert any("Page.get" in problem for problem in found)
    assert any("lookup" in problem for problem in found)


@pytest.mark.parametrize("name", sorted(ALLOWED))
def test_allowlisted_modules_exist(name):
    """A renamed module must leave the allowlist too, not widen it silently."""
    assert importlib.import_module(name)
