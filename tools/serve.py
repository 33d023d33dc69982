"""`make serve`: the handbook and the deck on http://127.0.0.1:8000, rebuilt on every save.

    python -m tools.serve [--port 8000] [--builddir _build] [SPHINX OPTIONS]

One process keeps Python, Sphinx and the course's extensions loaded between saves:

- a source saved (a lecture, an exercise, the glossary, a style sheet, a figure): the builds of
  `make html slides` run again in this process (tools/build.py), which read what changed once
  and write it, and the pages that list it, into both outputs;
- conf.py, _ext/, _templates/, _themes/ or tools/ saved: the process starts afresh, since Sphinx
  keeps extensions and templates loaded;
- each build says in one line what it wrote and how long it took; a failed build prints
  Sphinx's warnings, and every open page shows them until a save builds again.

Every HTML page it serves asks it, in the background, when the next build is done, and then
reloads itself (or shows the failed build's warnings). Ctrl+C stops it.
"""

import argparse
import contextlib
import io
import json
import os
import signal
import sys
import threading
import time
from functools import partial
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import watchfiles

from tools.browser import QuietHandler, QuietServer
from tools.build import build

# Saved, these change Sphinx itself (configuration, extensions, templates, this tool): start afresh.
RESTART = {"conf.py", "_ext", "_templates", "_themes", "tools"}
# Never sources: the build's own output, environments, the repository, the tests.
IGNORED = {"_build", ".git", "tests", "__pycache__", ".pytest_cache", ".hypothesis"}
STATE_PATH = "/__course_build"
SCRIPT_PATH = "/__course_serve.js"
WAIT = 25  # seconds a page's question waits for a build before it is asked again
# The script every served page loads: it waits for the next build, then reloads, or shows the
# failed build's warnings.
SCRIPT = """\
(function () {
  var seen = null;
  function show(text) {
    var box = document.getElementById('course-build-error');
    if (!box) {
      box = document.createElement('pre');
      box.id = 'course-build-error';
      box.setAttribute('role', 'alert');
      box.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;margin:0;' +
        'padding:1em;background:#7a1212;color:#fff;font:14px/1.4 monospace;z-index:2147483647;white-space:pre-wrap';
      document.body.appendChild(box);
    }
    box.textContent = 'The build failed (make serve):\\n\\n' + text;
  }
  function ask() {
    fetch('%(state)s?seen=' + encodeURIComponent(seen || ''), {cache: 'no-store'})
      .then(function (response) { return response.json(); })
      .then(function (state) {
        if (seen !== null && state.token !== seen && !state.error) { location.reload(); return; }
        seen = state.token;
        if (state.error) show(state.error);
        ask();
      })
      .catch(function () { setTimeout(ask, 1000); });  // restarting: ask again
  }
  ask();
})();
""" % {"state": STATE_PATH}
TAG = f'<script src="{SCRIPT_PATH}"></script>'.encode()


class Builds:
    """The latest build: its token (this process, the build's number) and its warnings if it
    failed. A page's question waits on it."""

    def __init__(self):
        self.run, self.number, self.error = os.getpid(), 0, ""
        self.changed = threading.Condition()

    @property
    def token(self):
        return f"{self.run}-{self.number}"

    def finished(self, error):
        with self.changed:
            self.number, self.error = self.number + 1, error
            self.changed.notify_all()

    def after(self, seen):
        with self.changed:
            self.changed.wait_for(lambda: self.token != seen, timeout=WAIT)
            return {"token": self.token, "error": self.error}


class Handler(QuietHandler):
    builds = None  # set by serve()

    def do_GET(self):
        url = urlsplit(self.path)
        if url.path == STATE_PATH:
            seen = parse_qs(url.query).get("seen", [""])[0]
            self.reply(json.dumps(self.builds.after(seen)).encode(), "application/json")
        elif url.path == SCRIPT_PATH:
            self.reply(SCRIPT.encode(), "text/javascript")
        elif (page := self.page_file(url.path)) is not None:
            self.reply(page.read_bytes().replace(b"</body>", TAG + b"</body>", 1), "text/html; charset=utf-8")
        else:
            super().do_GET()

    def page_file(self, url_path):
        """The HTML file a path names (a folder's index.html), or None."""
        path = Path(self.translate_path(url_path))
        path = path / "index.html" if path.is_dir() else path
        return path if path.suffix == ".html" and path.is_file() else None

    def reply(self, body, kind):
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")  # a reloaded page is the rebuilt one
        super().end_headers()


def pages_written_since(site, start):
    return sorted(page.relative_to(site).as_posix() for page in site.rglob("*.html")
                  if page.stat().st_mtime >= start)


def build_once(builddir, options, builds):
    """Both outputs, in this process; one line on what was written, or the warnings."""
    site, start = Path(builddir) / "html", time.time()
    warnings = io.StringIO()
    tee = Tee(sys.stderr, warnings)
    with contextlib.redirect_stderr(tee):
        code = build(["html", "slides"], builddir, options)
    written = pages_written_since(site, start)
    seconds = time.time() - start
    if code:
        print(f"build failed in {seconds:.2f} s (exit {code}); the open pages show why", flush=True)
    else:
        names = ", ".join(written[:6]) + (f", and {len(written) - 6} more" if len(written) > 6 else "")
        print(f"rebuilt in {seconds:.2f} s: {len(written)} pages written{': ' if written else ''}{names}",
              flush=True)
    builds.finished(warnings.getvalue() or f"exit {code}" if code else "")


class Tee(io.TextIOBase):
    """Writes to a terminal and keeps a copy."""

    def __init__(self, *streams):
        self.streams = streams

    def write(self, text):
        for stream in self.streams:
            stream.write(text)
        return len(text)

    def flush(self):
        for stream in self.streams:
            stream.flush()


def is_source(change, path):
    parts = Path(path).relative_to(Path.cwd()).parts
    return bool(parts) and parts[0] not in IGNORED and not parts[0].startswith(".venv")


def serve(port, builddir, options):
    builds = Builds()
    build_once(builddir, options, builds)
    handler = partial(type("CourseHandler", (Handler,), {"builds": builds}),
                      directory=str(Path(builddir, "html")))
    # quiet: one line per build, not per request, and none when a page goes away mid-answer
    server = QuietServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"serving the handbook and the deck on http://127.0.0.1:{port}/ (Ctrl+C stops)", flush=True)
    for changes in watchfiles.watch(Path.cwd(), watch_filter=is_source, raise_interrupt=False):
        saved = sorted({Path(path).relative_to(Path.cwd()).as_posix() for _, path in changes})
        print(f"saved: {', '.join(saved)}", flush=True)
        if any(Path(name).parts[0] in RESTART for name in saved):
            print("the build itself changed: starting afresh", flush=True)
            server.server_close()
            os.execv(sys.executable, [sys.executable, "-m", "tools.serve", *sys.argv[1:]])
        build_once(builddir, options, builds)
    server.server_close()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--builddir", default="_build")
    args, sphinx_options = parser.parse_known_args(argv)
    # Ctrl+C stops it, though a shell that started it in the background had SIGINT ignored
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        serve(args.port, args.builddir, sphinx_options)
    except KeyboardInterrupt:  # Ctrl+C during a build
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
