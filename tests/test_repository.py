"""The repository's map: every module of the course's extension (_ext/), of the tools (tools/) and
of the page scripts (_static/js/) has a test module named after it, so that a newcomer finds a
module's tests by its name. The README's repository table says the same."""

from pathlib import Path

from repo import REPO


def test_name(module):
    """tests/test_<name>.py for a module, relative to its repository:
    _ext/course/__init__.py -> test_course.py; _ext/course/helpers/links.py -> test_links.py;
    tools/pdf.py -> test_pdf.py; _static/js/deck/nav.js -> test_deck_nav.py."""
    if module.name == "__init__.py":
        return f"test_{module.parent.name}.py"
    if module.suffix == ".js":
        folder = module.parent.relative_to("_static/js")
        stem = "_".join([*folder.parts, module.stem])
    else:
        stem = module.stem
    return f"test_{stem.replace('-', '_')}.py"


def modules(root):
    found = [*root.glob("_ext/**/*.py"), *root.glob("tools/*.py"), *root.glob("_static/js/**/*.js")]
    return sorted(path.relative_to(root) for path in found
                  if path.relative_to(root) != Path("tools/__init__.py")
                  and not (path.name == "__init__.py" and path.parent.name == "helpers"))


def untested(root):
    return [f"{module} -> tests/{test_name(module)}" for module in modules(root)
            if not (root / "tests" / test_name(module)).is_file()]


test_name.__test__ = False  # a helper, not a test


def test_every_module_has_a_test_module_named_after_it():
    assert untested(REPO) == []


def test_a_module_without_its_test_module_is_named(tmp_path):
    for name in ("_ext/course/__init__.py", "_ext/course/lecture.py", "tools/pdf.py",
                 "_static/js/deck/nav-keys.js", "tests/test_course.py", "tests/test_pdf.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).touch()
    assert untested(tmp_path) == ["_ext/course/lecture.py -> tests/test_lecture.py",
                                  "_static/js/deck/nav-keys.js -> tests/test_deck_nav_keys.py"]
