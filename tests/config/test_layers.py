"""Imports point one way (DESIGN.md §2): an import that points up is a design bug.

    stats -> plans -> teams -> quizzes, certificates -> learning -> community
          -> accounts, cms

Every Python file of every app is read (imports inside functions too, and
migrations) and each `import`/`from` naming another app of ours is checked against
the chain. `config` wires everything and may import anything.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Each app and the apps it may import.
BELOW = {
    "accounts": set(),
    "cms": set(),
    "community": {"accounts", "cms"},
    "learning": {"community", "accounts", "cms"},
    "quizzes": {"learning", "community", "accounts", "cms"},
    "certificates": {"learning", "community", "accounts", "cms"},
    "teams": {"quizzes", "certificates", "learning", "community", "accounts", "cms"},
}
BELOW["plans"] = BELOW["teams"] | {"teams"}
BELOW["stats"] = BELOW["plans"] | {"plans"}
APPS = set(BELOW)


def _imported_apps(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top in APPS:
                yield top, node.lineno


def _offences(app: str) -> list[str]:
    found = []
    for path in sorted((ROOT / app).rglob("*.py")):
        for other, line in _imported_apps(path):
            if other != app and other not in BELOW[app]:
                found.append(f"{path.relative_to(ROOT)}:{line} imports {other}")
    return found


@pytest.mark.parametrize("app", sorted(a for a in APPS if (ROOT / a).is_dir()))
def test_imports_point_down_the_chain(app):
    assert _offences(app) == []


def test_the_check_sees_an_upward_import(tmp_path, monkeypatch):
    """The walk can fail: a function-level import of an app above is found."""
    fake = tmp_path / "accounts"
    fake.mkdir()
    (fake / "views.py").write_text("def f():\n    from community import access\n")
    monkeypatch.setattr(__import__(__name__, fromlist=["ROOT"]), "ROOT", tmp_path)
    assert _offences("accounts") == ["accounts/views.py:2 imports community"]
