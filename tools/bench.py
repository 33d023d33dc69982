"""`make bench`: how long the course takes to build, how much a browser fetches to show it, how
big the published site is and how long the exercise checker takes, all measured in one run on
this machine, a column for each stack (a virtual environment with Sphinx; `--stack NAME=VENV`,
repeatable).

Builds, at 1, 10, 30 and 60 lectures: the course is copied to a temporary folder and grown with
copies of its first lecture (slides/9-1-<n>-copy-<n>.rst, figures in _static/9-1-<n>/), which
tools/sitemap.py then lists like any other lecture. In each, the command of `make html slides`
(tools/build.py: both outputs from one process):

  bare build        sphinx-build -b html of the same sources without our conf.py: Sphinx's
                    default theme and myst_parser only (needed to read the .md pages), none of
                    hieroglyph, sphinx_rtd_theme, copybutton, togglebutton, jquery or _ext/; the
                    hieroglyph directives stay unknown and are reported, not run. The 1.0 of
                    every ratio below.
  clean build       handbook, then deck, into an empty folder
  no-change build   the same again into the same folder: nothing to do but check
  one-lecture edit  the same after the first lecture's source changed
  make serve        from saving the first lecture to the server serving both its handbook page
                    and its deck page changed (tools/serve.py, warm), at 30 and 60 lectures

and each lecture's marginal cost, from 30 to 60 lectures, against the bare build's.

Once per stack, the real course as `make site` makes it (handbook, deck, PDFs): its total size,
and what headless chromium receives (headers + bodies, no cache) to open the deck's first slide
and the lecture's handbook page from a local HTTP server. Once, the checker's own time on a
300-package conda environment (tools/condaenv.py's time_checker).

Times are medians of --runs runs (--runs-large at 30 and 60 lectures), the stacks taking turns
in each run; other processes on the machine (tests, editors) make them noisy.
"""

import argparse
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from tools.browser import free_port
from tools.sitemap import REPO, SiteMap, lectures

SITE = SiteMap.of_project()


# As the Makefile's SPHINXOPTS.
SPHINXOPTS = ["-W", "--keep-going", "-q"]
CHECKER = REPO / "exercises" / "practice_env" / "check_practice_env.py"
PACKAGES = 300
SIZES = (1, 10, 30, 60)  # lectures; a course with more of its own starts from its own
LARGE = (30, 60)  # sizes measured --runs-large times, and with make serve
# What the copy of the course leaves out: builds, venvs, caches.
NOT_COURSE = shutil.ignore_patterns(".git", ".venv*", "_build", ".hypothesis", ".pytest_cache", "__pycache__")
# The goals (issue 18), printed beside the figures, never asserted.
GOALS_AT = 30
GOALS = [("clean build / bare build", "clean", "bare", 1.6),
         ("no-change rebuild / bare build", "again", "bare", 0.2),
         ("one-lecture edit / bare build", "edit", "bare", 0.3),
         ("make serve, save to both served / bare build", "serve", "bare", 0.25)]
GROWTH_GOAL = 2.0  # the clean build at 60 lectures, against 30
WEIGHT_GOALS = {"deck": 150_000, "handbook": 300_000, "site": 4_000_000}


def conf_value(name):
    """A value of the course's conf.py, read the way Sphinx reads it."""
    namespace = {"__file__": str(REPO / "conf.py")}
    exec(compile((REPO / "conf.py").read_text(), str(REPO / "conf.py"), "exec"), namespace)
    return namespace[name]


class Failed(Exception):
    """A build failed: its stack gets no figures."""


def run(cmd, cwd=REPO):
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise Failed(f"{' '.join(map(str, cmd))} failed:\n{result.stdout}{result.stderr}")
    return result


def timed(cmds, cwd):
    start = time.perf_counter()
    for cmd in cmds:
        run(cmd, cwd)
    return time.perf_counter() - start


def course_build(python, out: Path, *options):
    """The command of `make html slides BUILDDIR=out`."""
    return [[python, "-m", "tools.build", "html", "slides", "--builddir", out, *SPHINXOPTS, *options]]


def bare_build(python, out: Path):
    excluded = ",".join(conf_value("exclude_patterns") + ["tools"])
    return [python, "-m", "sphinx", "-b", "html", "-q", "-C", "-D", f"project={conf_value('project')}",
            "-D", "extensions=myst_parser", "-D", f"exclude_patterns={excluded}",
            ".", out / "html", "-d", out / "doctrees"]


def sphinx_version(python):
    return run([python, "-c", "import sphinx; print(sphinx.__version__)"]).stdout.strip()


def grown_course(folder: Path, size):
    """A copy of the course with size lectures (at least its own): its own, then copies of the
    first."""
    root = folder / f"course-{size}"
    shutil.copytree(REPO, root, ignore=NOT_COURSE)
    first = lectures(root)[0]
    text = first.source.read_text(encoding="utf-8")
    for n in range(1, size - len(lectures(root)) + 1):
        new_id = f"9-1-{n}"
        copy = text.replace(f"{first.number} ", f"{new_id.replace('-', '.')} ", 1)
        copy = copy.replace(f"/_static/{first.id}/", f"/_static/{new_id}/")
        (root / "slides" / f"{new_id}-copy-{n}{first.source.suffix}").write_text(copy, encoding="utf-8")
        shutil.copytree(first.figures, root / "_static" / new_id)
    assert len(lectures(root)) == size, f"{root}: {len(lectures(root))} lectures, not {size}"
    return root


def edit_first_lecture(root, words):
    with lectures(root)[0].source.open("a", encoding="utf-8") as source:
        source.write(f"\n\n{words}\n")


def build_times(python, root: Path, out: Path, run_number, serve):
    """One run of each build of the course at root, in seconds."""
    times = {"bare": timed([bare_build(python, out / "bare")], root)}
    times["clean"] = timed(course_build(python, out / "course"), root)
    times["again"] = timed(course_build(python, out / "course"), root)
    edit_first_lecture(root, f"make bench: edit {run_number}.")
    times["edit"] = timed(course_build(python, out / "course"), root)
    if serve:
        times["serve"] = serve_time(python, root, out / "serve", run_number)
    return times


def serves(url, text):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return text in response.read().decode("utf-8", "replace")
    except OSError:
        return False


def serve_time(python, root: Path, out: Path, run_number, limit=120):
    """Seconds from saving the first lecture to `make serve` serving both its pages changed."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    lecture = lectures(root)[0]
    pages = [base + SITE.handbook_page(lecture.docname), base + SITE.deck_page(lecture.docname)]
    server = subprocess.Popen([python, "-m", "tools.serve", "--port", str(port), "--builddir", out, *SPHINXOPTS],
                              cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    try:
        deadline = time.monotonic() + limit
        while not all(serves(page, "") for page in pages):
            if server.poll() is not None or time.monotonic() > deadline:
                raise Failed(f"make serve did not start in {root}")
            time.sleep(0.1)
        time.sleep(1)  # the watcher is up
        words = f"make bench: saved {run_number} at {time.time_ns()}."
        start = time.perf_counter()
        edit_first_lecture(root, words)
        while not all(serves(page, words) for page in pages):
            if time.monotonic() > deadline:
                raise Failed("make serve did not serve the saved lecture")
            time.sleep(0.02)
        return time.perf_counter() - start
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)


def measure_builds(stacks, runs, runs_large, work: Path):
    """{stack: {size: {build: median seconds}}}, and {stack: failure} for a stack that failed."""
    sizes = sorted({max(size, len(lectures())) for size in SIZES})
    samples = {name: {size: [] for size in sizes} for name, _ in stacks}
    failures = {}
    for size in sizes:
        root = grown_course(work, size)
        for i in range(runs_large if size in LARGE else runs):
            for name, python in stacks:
                if name in failures:
                    continue
                out = Path(tempfile.mkdtemp(prefix=f"{name}-{size}-", dir=work))
                try:
                    samples[name][size].append(build_times(python, root, out, i, serve=size in LARGE))
                except Failed as failure:
                    failures[name] = str(failure)
                shutil.rmtree(out)
        shutil.rmtree(root)
    medians = {name: {size: {build: statistics.median(run[build] for run in runs_of_size)
                             for build in runs_of_size[0]}
                      for size, runs_of_size in sizes.items()}
               for name, sizes in samples.items() if name not in failures}
    return medians, failures


def make_site(python, out: Path):
    """`make site BUILDDIR=out` with the stack's Sphinx; the PDFs printed by tools/pdf.py."""
    for cmd in course_build(python, out, "-D", "course_pdfs=1"):
        run(cmd)
    run([sys.executable, "-m", "tools.pdf", out])
    return out / "html"


def site_size(site: Path):
    return sum(path.stat().st_size for path in site.rglob("*") if path.is_file())


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


def marginal(builds, build):
    """Seconds one more lecture adds to a build, from the first to the second LARGE size."""
    small, large = LARGE
    return (builds[large][build] - builds[small][build]) / (large - small)


def kilobytes(received):
    return f"{received / 1000:.0f} kB"


def goal(value, limit):
    return "met" if value <= limit else "not met"


def rows_of(columns, runs, runs_large):
    """(label, {stack: text}) for every line of the table; "" labels a heading."""
    rows = [("Sphinx", {name: f["sphinx"] for name, f in columns.items()})]
    for size in sorted(next(iter(columns.values()))["builds"]) if columns else ():
        times = {name: f["builds"][size] for name, f in columns.items()}
        count = runs_large if size in LARGE else runs
        rows.append((f"{size} lecture{'s' if size > 1 else ''} (median of {count})", None))
        rows.append(("  bare html build", {name: f"{t['bare']:.2f} s" for name, t in times.items()}))
        for label, build in [("clean build, handbook + deck", "clean"), ("no-change rebuild", "again"),
                             ("one-lecture edit", "edit"), ("make serve, save to both served", "serve")]:
            if all(build in t for t in times.values()):
                rows.append((f"  {label} / bare", {name: f"{t[build] / t['bare']:.2f}x ({t[build]:.2f} s)"
                                                  for name, t in times.items()}))
    small, large = LARGE
    rows.append((f"each lecture from {small} to {large}", None))
    for label, build in [("  bare html build, a lecture", "bare"), ("  clean build, a lecture", "clean")]:
        rows.append((label, {name: f"{marginal(f['builds'], build) * 1000:.0f} ms" for name, f in columns.items()}))
    rows.append((f"  clean build at {large} / at {small} <= {GROWTH_GOAL:.0f}", {
        name: f"{f['builds'][large]['clean'] / f['builds'][small]['clean']:.2f} "
              + goal(f['builds'][large]['clean'] / f['builds'][small]['clean'], GROWTH_GOAL)
        for name, f in columns.items()}))
    rows.append((f"goals at {GOALS_AT} lectures", None))
    for label, build, base, limit in GOALS:
        rows.append((f"  {label} <= {limit}", {
            name: f"{f['builds'][GOALS_AT][build] / f['builds'][GOALS_AT][base]:.2f} "
                  + goal(f["builds"][GOALS_AT][build] / f["builds"][GOALS_AT][base], limit)
            for name, f in columns.items()}))
    rows.append(("the course as `make site` makes it", None))
    for label, key, index in [("deck's first slide", "deck", 0), ("lecture's handbook page", "handbook", 1)]:
        rows.append((f"  {label} <= {kilobytes(WEIGHT_GOALS[key])}", {
            name: f"{kilobytes(f['weights'][index][0])}, {f['weights'][index][1]} requests "
                  + goal(f["weights"][index][0], WEIGHT_GOALS[key])
            for name, f in columns.items()}))
    rows.append((f"  whole site, PDFs included <= {WEIGHT_GOALS['site'] / 1e6:.0f} MB", {
        name: f"{f['site'] / 1e6:.2f} MB " + goal(f["site"], WEIGHT_GOALS["site"]) for name, f in columns.items()}))
    return rows


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stack", action="append", type=parse_stack, default=[],
                        help="NAME=VENV (or NAME=VENV/bin/python); repeatable; a missing venv is skipped")
    parser.add_argument("--runs", type=int, default=3, help="runs per timing (median), default 3")
    parser.add_argument("--runs-large", type=int, default=1, help="runs at 30 and 60 lectures, default 1")
    args = parser.parse_args(argv)
    stacks = args.stack or [("pinned", REPO / ".venv" / "bin" / "python")]
    present = [(name, str(REPO / python)) for name, python in stacks if (REPO / python).exists()]
    for name, python in stacks:
        if not (REPO / python).exists():
            print(f"({name}: {python} does not exist, no column; `make test STACK={name}` creates it)")
    if not present:
        raise SystemExit("bench: no stack to measure")

    lecture = lectures()[0]
    pages = [(SITE.deck_page(lecture.docname), True), (SITE.handbook_page(lecture.docname), False)]
    columns, bare_problems = {}, {}
    with tempfile.TemporaryDirectory(prefix="bench-") as work:
        work = Path(work)
        builds, failures = measure_builds(present, args.runs, args.runs_large, work)
        for name, python in present:
            if name in failures:
                continue
            try:
                site = make_site(python, work / f"site-{name}")
            except Failed as failure:
                failures[name] = str(failure)
                continue
            result = subprocess.run(bare_build(python, work / f"bare-{name}"), cwd=REPO, capture_output=True,
                                    text=True)
            bare_problems[name] = sum(1 for line in result.stderr.splitlines() if "ERROR" in line or "WARNING" in line)
            columns[name] = {"sphinx": sphinx_version(python), "builds": builds[name],
                             "weights": page_weight(site, pages), "site": site_size(site)}
    checker = measure_checker(args.runs)

    print(f"make bench: {platform.node()}, {platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}; times are medians, noisy when other work shares the CPUs")
    rows = rows_of(columns, args.runs, args.runs_large)
    width = max(len(label) for label, _ in rows) + 2
    cell = max([28] + [len(text) + 2 for _, cells in rows if cells for text in cells.values()])
    print(" " * width + "".join(f"{name:>{cell}}" for name in columns))
    for label, cells in rows:
        print(label if cells is None else f"{label:<{width}}" + "".join(f"{cells[name]:>{cell}}" for name in columns))
    print(f"{f'checker on a {PACKAGES}-package environment':<{width}}{checker}")
    print(f"(lecture {lecture.name}; bare: no conf.py, Sphinx's default theme, extensions=myst_parser, "
          "the hieroglyph directives left unknown: "
          + ", ".join(f"{name} {count} errors/warnings" for name, count in bare_problems.items()) + ")")
    for name, failure in failures.items():
        print(f"\n{name}: {failure[:3000]}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
