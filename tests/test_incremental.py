"""Incremental builds (_ext/incremental.py): `make html slides` run again reads only the
pages that changed and writes what a clean build writes; a deck built on the handbook's doctrees
(Sphinx's make mode shares one doctree folder) still gets the deck's version of every page.

The course's sources are copied, so that a lecture can be edited; the Makefile builds the copy
(SOURCEDIR) with the stack's venv.
"""

import json
import re
import shutil
import subprocess

import pytest

from repo import REPO, STACK, clean_env, make
from tools.sitemap import lectures

# Sphinx prints each page it reads: "reading sources... [ 50%] slides/1-1-1-...". In colour, as
# a terminal shows it (and CI, where Sphinx 9 colours when CI=true), the lines carry escape codes
# and end in "\r". The builds below ask for colour, so that what they print does not depend on
# where the suite runs.
READ = re.compile(r"^reading sources\.\.\. \[\s*\d+%\] (\S+)\s*$", re.M)
COLOUR = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
VENV = ".venv-current" if STACK == "current" else ".venv"
NOT_SOURCES = {".git", "_build", "tests", ".pytest_cache", "__pycache__"}


@pytest.fixture
def sources(tmp_path):
    """A copy of the course's sources."""
    ignore = lambda folder, names: [n for n in names if n in NOT_SOURCES or n.startswith(".venv")]  # noqa: E731
    return shutil.copytree(REPO, tmp_path / "course", ignore=ignore)


def build(sources, builddir, *targets):
    """make TARGETS of the copy, verbose; the pages each sphinx-build read, in build order."""
    result = make(*targets, f"SOURCEDIR={sources}", "SPHINXOPTS=-W --keep-going --color", builddir=builddir,
                  check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    printed = COLOUR.sub("", result.stdout).replace("\r", "\n")
    return [set(READ.findall(run)) for run in printed.split("updating environment:")[1:]]


def files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def showing(builddir, sources, lecture):
    """The lecture and the pages that show its content (Sphinx's record of their dependencies)."""
    read = ("import json, pickle, sys; env = pickle.load(open(sys.argv[1], 'rb')); "
            "print(json.dumps({page: sorted(map(str, files)) for page, files in env.dependencies.items()}))")
    result = subprocess.run([REPO / VENV / "bin" / "python", "-c", read, builddir / "doctrees" / "environment.pickle"],
                            env=clean_env(PYTHONPATH=f"{sources / '_ext'}:{sources}"), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return {lecture.docname} | {page for page, files in json.loads(result.stdout).items()
                                if any((sources / name).resolve() == lecture.source.resolve() for name in files)}


def test_rebuild_reads_only_what_changed(sources, tmp_path):
    lecture = lectures(sources)[0]
    handbook, deck = build(sources, tmp_path / "a", "html", "slides")
    assert lecture.docname in handbook and handbook == deck

    assert build(sources, tmp_path / "a", "html", "slides") == [set(), set()], "a page was read again"

    lecture.source.write_text(lecture.source.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    assert build(sources, tmp_path / "a", "html", "slides") == [showing(tmp_path / "a", sources, lecture)] * 2

    # A style sheet and a script edited alone (no page changed): compared with the clean build below.
    for static in (sources / "_static" / "css" / "palette.css", sources / "_static" / "js" / "keys.js"):
        static.write_text(static.read_text(encoding="utf-8") + "\n/* edited */\n", encoding="utf-8")
    build(sources, tmp_path / "a", "html", "slides")

    # The clean build's deck shares the handbook's doctrees, as `make html dirslides` does
    # (Sphinx's make mode): it must read every page again, for the deck.
    build(sources, tmp_path / "clean", "html")
    result = subprocess.run(
        [REPO / VENV / "bin" / "sphinx-build", "-b", "slides", sources, tmp_path / "clean" / "html" / "slides",
         "-d", tmp_path / "clean" / "doctrees", "-W", "--keep-going", "-q"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    rebuilt, clean = files(tmp_path / "a" / "html"), files(tmp_path / "clean" / "html")
    assert sorted(rebuilt) == sorted(clean)
    assert [name for name in clean if rebuilt[name] != clean[name]] == []
