"""Shared fixtures: Sphinx's own test fixtures for the small projects in tests/roots, and one
build of the real course, made by the real Makefile, for the tests that read the built site."""

import shutil
from pathlib import Path

import pytest
import sphinx
from playwright.sync_api import sync_playwright

from repo import REPO, STACK, clone_repository, make
from tools.browser import launch, serve

pytest_plugins = ["sphinx.testing.fixtures"]


def pytest_collection_modifyitems(config, items):
    """A test marked stack("pinned") is skipped, with its reason, in the other stack's suite."""
    for item in items:
        marker = item.get_closest_marker("stack")
        if marker is not None and marker.args[0] != STACK:
            item.add_marker(pytest.mark.skip(reason=f"stack-independent, run by `make test` on the "
                                                    f"{marker.args[0]} stack: {marker.kwargs['why']}"))


@pytest.fixture(scope="session")
def rootdir():
    """Where sphinx.testing finds the fixture projects named test-<case>."""
    roots = REPO / "tests" / "roots"
    if sphinx.version_info < (7, 2):
        # Sphinx 6 copies fixture projects with its own path class.
        from sphinx.testing.path import path
        return path(str(roots))
    return roots


@pytest.fixture(scope="session")
def course_clone(tmp_path_factory):
    """One clone of the repository for the session: course_build makes the site in it."""
    return clone_repository(tmp_path_factory.mktemp("clone"))


@pytest.fixture
def course(tmp_path):
    """A copy of the repository of the test's own, to change and build."""
    return clone_repository(tmp_path / "course")


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
