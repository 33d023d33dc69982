"""Debian's chromium, driven by Playwright, with the network cut off and every request recorded.

Shared by the browser tests (tests/test_browser.py), `make pdf` (tools/pdf.py) and `make bench`
(tools/bench.py). Playwright's own browser download does not work on the course's machines, so
this always launches the system chromium that `make browser` installs.
"""

import contextlib
import functools
import http.server
import os
import shutil
import socket
import threading
from pathlib import Path
from urllib.parse import urlsplit

# `make browser` installs Debian's chromium; CHROMIUM=/path/to/chrome points elsewhere.
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"

# Every host name resolves to nothing, except the local server's: a request that would leave
# the machine fails inside the browser, and Playwright still reports it.
OFFLINE_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
]

LOCAL_SCHEMES = {"file", "data", "blob", "about"}
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def missing_chromium_message():
    return (f"no chromium at {CHROMIUM}: run `make browser` (installs Debian's chromium and "
            "chromium-driver), or set CHROMIUM=/path/to/chromium")


def launch(playwright):
    """Headless system chromium, offline, with a fresh profile (Playwright makes one per launch)."""
    if not Path(CHROMIUM).exists():
        raise FileNotFoundError(missing_chromium_message())
    return playwright.chromium.launch(executable_path=CHROMIUM, args=OFFLINE_ARGS)


def is_local(url: str) -> bool:
    """Whether a URL the browser asked for stays on this machine."""
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return True
    if parts.scheme in ("http", "https", "ws", "wss"):
        return parts.hostname in LOCAL_HOSTS
    return False  # any other scheme (ftp:, chrome-extension:, ...) counts as leaving


class Traffic:
    """What pages in one browser context asked for and complained about, popups included."""

    def __init__(self, context):
        self.requests = []        # every URL asked for
        self.failed = []          # (url, error text)
        self.console_errors = []  # console.error() and the browser's own error lines
        self.page_errors = []     # uncaught exceptions
        self.finished = []        # requests that completed, for their sizes
        context.on("request", lambda request: self.requests.append(request.url))
        context.on("requestfailed", lambda request: self.failed.append((request.url, request.failure)))
        context.on("requestfinished", lambda request: self.finished.append(request))
        context.on("console", self._console)
        context.on("weberror", lambda error: self.page_errors.append(str(error.error)))

    def _console(self, message):
        if message.type == "error":
            where = message.location.get("url", "") if message.location else ""
            self.console_errors.append(f"{message.text} ({where})" if where else message.text)

    def remote(self):
        return [url for url in self.requests if not is_local(url)]

    def transferred(self):
        """Bytes received, headers and bodies, for every request that completed."""
        total = 0
        for request in self.finished:
            sizes = request.sizes()
            total += max(sizes["responseBodySize"], 0) + max(sizes["responseHeadersSize"], 0)
        return total


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # the browser closing a connection early is not the site's fault


def free_port():
    """A port of 127.0.0.1 that no process listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serve(folder: Path):
    """A static HTTP server for folder on 127.0.0.1 and a free port; yields its base URL."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def wait_for_deck(page):
    """Until hieroglyph has set the deck up (it adds body.loaded) and the fonts are in."""
    page.wait_for_selector("body.loaded", state="attached")
    page.evaluate("document.fonts.ready.then(() => true)")
