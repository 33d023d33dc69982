"""Every command the README and `make` name, run as a user types it: `make <target>` in a clone
of the repository (tests/conftest.py's clone_repository), default BUILDDIR, default stack unless
the suite runs for STACK=current. Not here: `make test` (this is it), `make browser` and
`make lock` (root, network), and `make bench`, which builds both stacks three times (a minute),
more than the suite may take."""

import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from urllib.error import URLError
from urllib.parse import urljoin

import pytest

from repo import REPO, SITE, STACK, clean_env, clone_repository, make
from tools.browser import Traffic, wait_for_deck
from tools.sitemap import lectures


@pytest.fixture(scope="module")
def fresh_clone(tmp_path_factory):
    """A clone of its own (the session's clone holds the shared site), and `make html slides`
    run in it, as the README's first command."""
    clone = clone_repository(tmp_path_factory.mktemp("commands"))
    return clone, make("html", "slides", cwd=clone, check=False)


def test_make_alone_lists_the_targets_the_readme_names(course_clone):
    listed = set(re.findall(r"^  (\S+) ", make(cwd=course_clone).stdout, re.MULTILINE))
    readme = (REPO / "README.md").read_text()
    named = set(re.findall(r"`make ([a-z][\w-]*)", readme))
    assert named, "the README names no `make <target>`"
    assert named <= listed, f"named in the README, missing from `make`: {named - listed}"
    unnamed = [target for target in listed if not re.search(rf"`(make )?{re.escape(target)}[` ]", readme)]
    assert not unnamed, f"listed by `make`, not in the README: {unnamed}"


def test_an_unknown_target_is_one_line(course_clone):
    result = make("no-such-target", cwd=course_clone, check=False)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "no-such-target" in result.stderr


def test_make_html_slides_builds_handbook_and_deck(fresh_clone):
    clone, result = fresh_clone
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    site = clone / "_build" / "html"
    for page in ["index.html", "slides/index.html"] + [
            page for lecture in lectures(clone) for page in (SITE.handbook_page(lecture.docname), SITE.deck_page(lecture.docname))]:
        assert (site / page).is_file(), page


def pdfs_of(site, clone):
    return [site / pdf for lecture in lectures(clone) for pdf in SITE.pdfs(lecture).values()]


def assert_pdfs(paths):
    for path in paths:
        assert path.is_file(), f"no {path}"
        assert path.read_bytes().startswith(b"%PDF-"), path


def test_make_site_writes_the_pdfs(course_build, course_clone):
    # course_build is `make site` in the clone, whose pdf target is `make pdf`; it checked the
    # exit status and the last line
    assert_pdfs(pdfs_of(course_build, course_clone))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_is_free(port):
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def until(condition, timeout, interval=0.3):
    """Whether condition() comes true within timeout seconds, asked every interval seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval)
    return True


def answers(url, server, log, text):
    """Whether url answers 200 with text in its body; fails when the server has stopped."""
    assert server.poll() is None, f"make serve stopped:\n{log.read_text()}"
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200 and text in response.read().decode("utf-8", "replace")
    except (URLError, ConnectionError):
        return False


def wait_for_http(url, server, log, text="", timeout=90):
    if not until(lambda: answers(url, server, log, text), timeout):
        pytest.fail(f"{url} did not answer {text!r} within {timeout} s:\n{log.read_text()}")


def wait_for_rebuild(log, timeout=90):
    """Until make serve has finished the rebuild it started last: it then says where it serves."""
    if not until(lambda: "Serving on" in log.read_text().rsplit("Detected changes", 1)[-1], timeout):
        pytest.fail(f"make serve did not finish its rebuild within {timeout} s:\n{log.read_text()}")


def group_is_gone(pgid, timeout=0):
    """Whether no process of the group is left, waiting up to timeout seconds for that."""
    def gone():
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        return False
    return until(gone, timeout, interval=0.2)


def test_make_serve_rebuilds_and_reloads_handbook_and_deck(fresh_clone, chromium, tmp_path):
    clone, _ = fresh_clone
    # the address `make` announces; another free port only when something else holds that one
    announced = re.search(r"serve .*?http://127\.0\.0\.1:(\d+)", make(cwd=clone).stdout)
    assert announced, "`make` does not say where `make serve` serves"
    port, options = int(announced.group(1)), []
    if not port_is_free(port):
        port = free_port()
        options = [f"PORT={port}"]
    base = f"http://127.0.0.1:{port}/"
    lecture = lectures(clone)[0]
    log = tmp_path / "serve.log"  # outside the clone: a file written there is a change to rebuild
    env = clean_env(PYTHONUNBUFFERED="1")
    env.pop("PORT", None)
    stack = [f"STACK={STACK}"] if STACK != "pinned" else []
    with log.open("w") as out:
        # a session of its own, as a terminal's foreground job: Ctrl+C goes to every process in it
        server = subprocess.Popen(["make", "--no-print-directory", "serve", *options, *stack],
                                  cwd=clone, env=env, stdout=out, stderr=subprocess.STDOUT,
                                  start_new_session=True)
    try:
        wait_for_http(base + SITE.deck_page(lecture.docname), server, log)
        context = chromium.new_context()
        context.set_default_timeout(60_000)
        traffic = Traffic(context)
        handbook, deck = context.new_page(), context.new_page()
        handbook.goto(base + SITE.handbook_page(lecture.docname))
        deck.goto(base + SITE.deck_page(lecture.docname))
        wait_for_deck(deck)
        view_as_slides = handbook.locator("a.slides-link").get_attribute("href")
        assert urljoin(handbook.url, view_as_slides) == base + SITE.deck_page(lecture.docname)

        saved = f"Saved at {time.time_ns()}"
        lecture.source.write_text(lecture.source.read_text() + f"\n\n{saved}\n")
        # neither page is reloaded by the test: the served pages reload themselves when rebuilt
        for page in (handbook, deck):  # a page that is reloading has no body for a moment
            page.wait_for_function("text => !!document.body && document.body.textContent.includes(text)",
                                   arg=saved)
        wait_for_deck(deck)
        assert not traffic.page_errors, traffic.page_errors
        assert not traffic.remote(), traffic.remote()
        context.close()

        # a style sheet saved alone (no page changed) is served anew, to the handbook and the deck
        sheet = clone / "_static" / "css" / "palette.css"
        sheet.write_text(sheet.read_text() + f"\n/* {saved} */\n")
        for served in ("_static/css/palette.css", "slides/_static/css/palette.css"):
            wait_for_http(base + served, server, log, text=saved)

        wait_for_rebuild(log)  # Ctrl+C in the middle of a build would interrupt sphinx-build
        os.killpg(server.pid, signal.SIGINT)  # Ctrl+C
        server.wait(timeout=60)
        assert group_is_gone(server.pid, timeout=10), "make serve left processes behind"
        assert "Traceback" not in log.read_text(), log.read_text()
    finally:
        if not group_is_gone(server.pid):
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def test_make_clean_removes_the_build(fresh_clone):
    clone, _ = fresh_clone
    assert (clone / "_build").is_dir()
    make("clean", cwd=clone)
    assert not (clone / "_build").exists()
    make("clean", cwd=clone)  # nothing to remove is not an error


def test_make_class_report_writes_one_page_from_the_reports(tmp_path):
    """`make class-report DIR=...` as the README gives it, on two students' --report files."""
    for student, status in (("ada", "pass"), ("bo", "fail")):
        step = {"id": "env", "status": status, "message": "...", "hint": "create the environment",
                "slide": "s.html#env", "handbook": "h.html#env"}
        (tmp_path / f"{student}.json").write_text(json.dumps(
            {"checker": "check_x.py", "version": "1", "ok": status == "pass", "steps": [step]}))
    make("class-report", f"DIR={tmp_path}")
    page = (tmp_path / "class-report.html").read_text(encoding="utf-8")
    assert "1 of 2 students pass every step" in page and "create the environment" in page
