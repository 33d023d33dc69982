"""`make bench`: how long the course takes to build, how much a browser fetches to show it, and
how long the exercise checker takes, all measured in one run on this machine.

For each stack (a virtual environment with Sphinx; `--stack NAME=VENV`, repeatable) it builds
the course the way `make html slides` does, into fresh temporary folders:

  clean build       sphinx-build -b html, then -b slides, into an empty folder (handbook + deck)
  bare build        sphinx-build -b html of the same sources without our conf.py: Sphinx's
                    default theme and myst_parser only (needed to read the .md pages), none of
                    hieroglyph, sphinx_rtd_theme, copybutton, togglebutton, jquery or _ext/; the
                    hieroglyph directives stay unknown and are reported, not run
  no-change build   the clean build again into the same folder: nothing to do but check
  bytes             what headless chromium receives (headers + bodies, no cache) to open the
                    deck's first slide and the lecture's handbook page from a local HTTP server

and, once, the checker's own time on a 300-package conda environment (tools/condaenv.py makes
it, and a spec, an export and a recreated environment of the same size to check against).
Times are the median of --runs runs. One figure per line; a column per stack.
"""

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tools.course import lectures

REPO = Path(__file__).resolve().parent.parent

# As the Makefile's SPHINXOPTS.
SPHINXOPTS = ["-W", "--keep-going", "-q"]
CHECKER = REPO / "exercises" / "practice_env" / "check_practice_env.py"
PACKAGES = 300


def conf_value(name):
    """A value of the course's conf.py, read the way Sphinx reads it."""
    namespace = {"__file__": str(REPO / "conf.py")}
    exec(compile((REPO / "conf.py").read_text(), str(REPO / "conf.py"), "exec"), namespace)
    return namespace[name]


class Failed(Exception):
    """A build failed: its stack gets no figures."""


def run(cmd, **kwargs):
    result = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise Failed(f"{' '.join(map(str, cmd))} failed:\n{result.stdout}{result.stderr}")
    return result


def timed(cmds):
    start = time.perf_counter()
    for cmd in cmds:
        run(cmd)
    return time.perf_counter() - start


def course_build(python, out: Path):
    """The commands of `make html slides BUILDDIR=out`."""
    return [
        [python, "-m", "sphinx", "-b", "html", ".", out / "html", "-d", out / "doctrees", *SPHINXOPTS],
        [python, "-m", "sphinx", "-b", "slides", ".", out / "html" / "slides", "-d", out / "doctrees-slides",
         *SPHINXOPTS],
    ]


def bare_build(python, out: Path):
    excluded = ",".join(conf_value("exclude_patterns") + ["tools"])
    return [python, "-m", "sphinx", "-b", "html", "-q", "-C", "-D", f"project={conf_value('project')}",
            "-D", "extensions=myst_parser", "-D", f"exclude_patterns={excluded}",
            ".", out / "html", "-d", out / "doctrees"]


def sphinx_version(python):
    return run([python, "-c", "import sphinx; print(sphinx.__version__)"]).stdout.strip()


def measure_builds(python, runs, keep: Path):
    """Clean, bare and no-change build times (medians); leaves the last clean build in keep."""
    clean, bare, again = [], [], []
    problems = 0
    for i in range(runs):
        with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
            tmp = Path(tmp)
            clean.append(timed(course_build(python, tmp / "course")))
            again.append(timed(course_build(python, tmp / "course")))
            start = time.perf_counter()
            result = run(bare_build(python, tmp / "bare"))
            bare.append(time.perf_counter() - start)
            problems = sum(1 for line in result.stderr.splitlines() if "ERROR" in line or "WARNING" in line)
            if i == runs - 1:
                shutil.copytree(tmp / "course" / "html", keep)
    return {"clean": statistics.median(clean), "bare": statistics.median(bare),
            "again": statistics.median(again), "bare_problems": problems}


def page_weight(site: Path, pages):
    """Bytes (and requests) chromium receives to show each page, from a local server, cold cache."""
    from playwright.sync_api import sync_playwright

    from tools.browser import Traffic, launch, serve, wait_for_deck

    weights = []
    with sync_playwright() as playwright, serve(site) as base:
        browser = launch(playwright)
        try:
            for page_path, is_deck in pages:
                context = browser.new_context(viewport={"width": 1280, "height": 720})
                traffic = Traffic(context)
                page = context.new_page()
                page.goto(base + page_path)
                if is_deck:
                    wait_for_deck(page)
                page.wait_for_load_state("networkidle")
                if traffic.remote():
                    raise SystemExit(f"bench: {page_path} asks the network for {traffic.remote()}")
                weights.append((traffic.transferred(), len(traffic.finished)))
                context.close()
        finally:
            browser.close()
    return weights


def measure_checker(runs):
    """The checker's time on a 300-package environment (tools/condaenv.py's time_checker: every
    step but the student's own test, against a 300-package spec, export and recreated
    environment), or why it was not measured."""
    if not CHECKER.exists():
        return f"not measured: {CHECKER.relative_to(REPO)} does not exist"
    from tools.condaenv import time_checker  # real conda environments, made without conda

    with tempfile.TemporaryDirectory(prefix="bench-env-") as tmp:
        best, median, _ = time_checker(tmp, n=PACKAGES, runs=runs)
    return f"{median:.3f} s (best {best:.3f} s)"


def parse_stack(text):
    name, _, venv = text.partition("=")
    if not name or not venv:
        raise argparse.ArgumentTypeError(f"--stack NAME=VENV, not {text!r}")
    venv = Path(venv)
    python = venv if venv.name.startswith("python") else venv / "bin" / "python"
    return name, python


def weight(received, requests):
    return f"{received / 1000:.1f} kB ({requests} requests)"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stack", action="append", type=parse_stack, default=[],
                        help="NAME=VENV (or NAME=VENV/bin/python); repeatable; a missing venv is skipped")
    parser.add_argument("--runs", type=int, default=3, help="runs per timing (median), default 3")
    args = parser.parse_args(argv)
    stacks = args.stack or [("pinned", REPO / ".venv" / "bin" / "python")]
    present = [(name, python) for name, python in stacks if (REPO / python).exists()]
    for name, python in stacks:
        if (name, python) not in present:
            print(f"({name}: {python} does not exist, no column; `make test STACK={name}` creates it)")
    if not present:
        raise SystemExit("bench: no stack to measure")

    lecture = lectures()[0]
    pages = [(lecture.deck_page, True), (lecture.handbook_page, False)]

    columns, failures = {}, {}
    with tempfile.TemporaryDirectory(prefix="bench-sites-") as sites:
        for name, python in present:
            python = str(REPO / python)
            site = Path(sites) / name
            try:
                figures = measure_builds(python, args.runs, site)
            except Failed as failure:
                failures[name] = str(failure)
                continue
            figures["sphinx"] = sphinx_version(python)
            figures["weights"] = page_weight(site, pages)
            columns[name] = figures
    checker = measure_checker(args.runs)

    cpus = os.cpu_count()
    print(f"make bench: {platform.node()}, {platform.system()} {platform.machine()}, {cpus} CPUs, "
          f"Python {platform.python_version()}; times are the median of {args.runs} run(s)")
    rows = [("Sphinx", lambda f: f["sphinx"]),
            ("clean build, handbook + deck", lambda f: f"{f['clean']:.2f} s"),
            ("bare sphinx-build -b html, same sources", lambda f: f"{f['bare']:.2f} s"),
            ("clean build / bare build", lambda f: f"{f['clean'] / f['bare']:.1f}x"),
            ("no-change rebuild, handbook + deck", lambda f: f"{f['again']:.2f} s"),
            ("bytes to open the deck's first slide", lambda f: weight(*f["weights"][0])),
            ("bytes to open the lecture page", lambda f: weight(*f["weights"][1]))]
    width = max(len(label) for label, _ in rows) + 2
    names = [name for name, _ in present]

    def cell(name, value):
        return value(columns[name]) if name in columns else "build failed"

    if len(names) > 1:
        print(" " * width + "".join(f"{name:>24}" for name in names))
        for label, value in rows:
            print(f"{label:<{width}}" + "".join(f"{cell(name, value):>24}" for name in names))
    else:
        for label, value in rows:
            print(f"{label:<{width}}{cell(names[0], value)}")
    print(f"{f'checker on a {PACKAGES}-package environment':<{width}}{checker}")
    print(f"(lecture {lecture.name}; bare: no conf.py, Sphinx's default theme, extensions=myst_parser, "
          "the hieroglyph directives left unknown: "
          + ", ".join(f"{name} {f['bare_problems']} errors/warnings" for name, f in columns.items()) + ")")
    for name, failure in failures.items():
        print(f"\n{name}: {failure[:3000]}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
