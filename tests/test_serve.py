"""tools/serve.py, as `make serve` runs it in a copy of the repository: it serves the handbook and
the deck, writes a saved lecture into both and the open pages reload themselves; a failed build
shows on the page and in the terminal until a good save; a saved conf.py starts it afresh; Ctrl+C
stops it and every process it started."""

import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from urllib.error import URLError
from urllib.parse import urljoin

import pytest

from repo import SITE, STACK, clean_env, make
from tools.browser import Traffic, free_port, wait_for_deck
from tools.sitemap import lectures


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
    """Until make serve has finished the rebuild it started last: it says so in one line."""
    if not until(lambda: re.search(r"^(rebuilt|build failed) in ", log.read_text().rsplit("saved: ", 1)[-1], re.M),
                 timeout):
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


@contextmanager
def serving(clone, log):
    """`make serve` in clone, on the port `make` announces (another free one when it is taken),
    its output in log; the base URL and the process. Ctrl+C at the end, as a terminal sends it."""
    announced = re.search(r"serve .*?http://127\.0\.0\.1:(\d+)", make(cwd=clone).stdout)
    assert announced, "`make` does not say where `make serve` serves"
    port, options = int(announced.group(1)), []
    if not port_is_free(port):
        port = free_port()
        options = [f"PORT={port}"]
    env = clean_env(PYTHONUNBUFFERED="1")
    env.pop("PORT", None)
    stack = [f"STACK={STACK}"] if STACK != "pinned" else []
    with log.open("w") as out:
        # a session of its own, as a terminal's foreground job: Ctrl+C goes to every process in it
        server = subprocess.Popen(["make", "--no-print-directory", "serve", *options, *stack],
                                  cwd=clone, env=env, stdout=out, stderr=subprocess.STDOUT,
                                  start_new_session=True)
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for_http(base + "index.html", server, log)
        yield base, server
        wait_for_rebuild(log)  # Ctrl+C in the middle of a build would interrupt it
        os.killpg(server.pid, signal.SIGINT)  # Ctrl+C
        server.wait(timeout=60)
        assert group_is_gone(server.pid, timeout=10), "make serve left processes behind"
        assert "Traceback" not in log.read_text(), log.read_text()
    finally:
        if not group_is_gone(server.pid):
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def append(path, text):
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_make_serve_rebuilds_and_reloads_handbook_and_deck(course, chromium, tmp_path):
    lecture = lectures(course)[0]
    log = tmp_path / "serve.log"  # outside the clone: a file written there is a change to rebuild
    with serving(course, log) as (base, server):
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
        append(lecture.source, f"\n\n{saved}\n")
        # neither page is reloaded by the test: the served pages reload themselves when rebuilt
        for page in (handbook, deck):  # a page that is reloading has no body for a moment
            page.wait_for_function("text => !!document.body && document.body.textContent.includes(text)",
                                   arg=saved)
        wait_for_deck(deck)
        assert not traffic.page_errors, traffic.page_errors
        assert not traffic.remote(), traffic.remote()
        context.close()
        # one line says what the build wrote: the lecture's page in both outputs
        wait_for_rebuild(log)
        said = log.read_text().rsplit("saved: ", 1)[-1]
        assert re.search(r"^rebuilt in [0-9.]+ s: \d+ pages written: .*" + re.escape(lecture.docname), said, re.M), said

        # a style sheet saved alone (no page changed) is served anew, to the handbook and the deck
        sheet = course / "_static" / "css" / "palette.css"
        append(sheet, f"\n/* {saved} */\n")
        for served in ("_static/css/palette.css", "slides/_static/css/palette.css"):
            wait_for_http(base + served, server, log, text=saved)


def test_a_failed_build_shows_on_the_page_until_a_good_save(course, chromium, tmp_path):
    lecture = lectures(course)[0]
    log = tmp_path / "serve.log"
    good = lecture.source.read_text(encoding="utf-8")
    with serving(course, log) as (base, server):
        context = chromium.new_context()
        context.set_default_timeout(60_000)
        page = context.new_page()
        page.goto(base + SITE.handbook_page(lecture.docname))
        append(lecture.source, "\n.. no-such-directive::\n")
        error = page.locator("#course-build-error")
        error.wait_for()
        assert "no-such-directive" in error.text_content()
        wait_for_rebuild(log)
        assert "build failed in" in log.read_text() and "no-such-directive" in log.read_text()

        lecture.source.write_text(good + "\nMended.\n", encoding="utf-8")
        page.wait_for_function("() => !!document.body && document.body.textContent.includes('Mended.')")
        assert page.locator("#course-build-error").count() == 0
        context.close()


def test_a_saved_configuration_starts_it_afresh(course, tmp_path):
    log = tmp_path / "serve.log"
    with serving(course, log) as (base, server):
        append(course / "conf.py", "\nhtml_title = 'Renamed course'\n")
        wait_for_http(base + "index.html", server, log, text="Renamed course")
        assert "starting afresh" in log.read_text()
