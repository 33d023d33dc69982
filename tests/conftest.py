"""Shared fixtures: Sphinx's own test fixtures for the small projects in tests/roots, and one
build of the real course, made by the real Makefile, for the tests that read the built site."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import sphinx
from playwright.sync_api import sync_playwright

from tools.browser import launch, serve
from tools.course import lectures

pytest_plugins = ["sphinx.testing.fixtures"]

REPO = Path(__file__).resolve().parent.parent
# The Makefile's STACK (pinned or current): `make test STACK=current` passes it down.
STACK = os.environ.get("STACK", "pinned")
# The lectures, one source file each in slides/.
LECTURES = [lecture.name for lecture in lectures()]


@pytest.fixture(scope="session")
def rootdir():
    """Where sphinx.testing finds the fixture projects named test-<case>."""
    roots = REPO / "tests" / "roots"
    if sphinx.version_info < (7, 2):
        # Sphinx 6 copies fixture projects with its own path class.
        from sphinx.testing.path import path
        return path(str(roots))
    return roots


def clean_env(**extra):
    """This process's environment without what a calling make passes down to a sub-make."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "STACK")}
    return {**env, **extra}


def make(*targets, builddir=None, stack=STACK, check=True, cwd=REPO):
    """Run the Makefile in cwd for a stack, with its output in builddir; the default stack and
    BUILDDIR are left out of the command line, as a user leaves them out."""
    args = ["make", "--no-print-directory", *targets]
    if stack != "pinned":
        args.append(f"STACK={stack}")
    if builddir is not None:
        args.append(f"BUILDDIR={builddir}")
    return subprocess.run(args, cwd=cwd, env=clean_env(), capture_output=True, text=True, check=check)


def clone_repository(destination: Path) -> Path:
    """What a fresh clone holds: the files git would commit (uncommitted work included), with
    their times kept, since the Makefile reinstalls a venv older than its lock. The venvs are
    linked, not made again."""
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                           cwd=REPO, capture_output=True, text=True, check=True).stdout.split("\0")
    for name in filter(None, files):
        if (REPO / name).is_file():  # a file deleted but not yet committed is listed too
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, destination / name)
    for venv in (".venv", ".venv-current"):
        if (REPO / venv).is_dir():
            (destination / venv).symlink_to(REPO / venv)
    return destination


@pytest.fixture(scope="session")
def course_clone(tmp_path_factory):
    """One clone of the repository for the session: course_build makes the site in it."""
    return clone_repository(tmp_path_factory.mktemp("clone"))


@pytest.fixture(scope="session")
def course_build(course_clone):
    """`make site` (handbook, deck, PDFs) in a clone, as the README says it; the site folder."""
    result = make("site", cwd=course_clone, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert "The site is _build/html" in result.stdout
    return course_clone / "_build" / "html"


@pytest.fixture(scope="session")
def chromium():
    """One headless chromium for the session, offline. Pages are judged by the requests they
    make (tools.browser.Traffic), never by what chromium fetches for itself."""
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def server(course_build):
    """The built site on a local HTTP server (127.0.0.1, a free port)."""
    with serve(course_build) as base:
        yield base


@pytest.fixture(params=["file", "http"])
def site_url(request, course_build, server):
    """A function from a page of the site to its URL, from the disk or from the local server."""
    if request.param == "file":
        return lambda page: (course_build / page).as_uri()
    return lambda page: server + page


@pytest.fixture
def site_copy(course_build, tmp_path):
    """A copy of the built site, for a test to change (break) without touching the real one."""
    return Path(shutil.copytree(course_build, tmp_path / "html"))
