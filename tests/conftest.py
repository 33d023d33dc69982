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


def make(*targets, builddir=None, stack=STACK, check=True):
    """Run the project's Makefile for a stack, with its output in builddir."""
    args = ["make", "--no-print-directory", *targets, f"STACK={stack}"]
    if builddir is not None:
        args.append(f"BUILDDIR={builddir}")
    return subprocess.run(args, cwd=REPO, env=clean_env(), capture_output=True, text=True, check=check)


@pytest.fixture(scope="session")
def course_build(tmp_path_factory):
    """`make site` of the real course (handbook, deck, PDFs); returns the site folder."""
    builddir = tmp_path_factory.mktemp("course") / "_build"
    result = make("site", builddir=builddir, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert f"The site is {builddir / 'html'}" in result.stdout
    return builddir / "html"


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
