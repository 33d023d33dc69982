"""Incremental builds (_ext/course/incremental.py, tools/build.py): `make html slides` reads each
changed page once for both outputs, and after any change an author makes, one more `make html
slides` leaves exactly the files a clean build leaves.

Each test works in a copy of the repository (the files git would commit), with `make` as typed.
"""

import re
import shutil
import subprocess

import pytest

from repo import REPO, STACK, clean_env, clone_repository, make
from tools.sitemap import lectures

# Sphinx prints each page it reads: "reading sources... [ 50%] slides/1-1-1-...". In colour, as
# a terminal shows it (and CI, where Sphinx 9 colours when CI=true), the lines carry escape codes
# and end in "\r". The builds below ask for colour, so that what they print does not depend on
# where the suite runs.
READ = re.compile(r"^reading sources\.\.\. \[\s*\d+%\] (\S+)\s*$", re.M)
COLOUR = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
VERBOSE = "SPHINXOPTS=-W --keep-going --color"
VENV = ".venv-current" if STACK == "current" else ".venv"


@pytest.fixture
def course(tmp_path):
    return clone_repository(tmp_path / "course")


def build(course, *targets):
    """make TARGETS (html slides by default) in the copy; the pages each builder read, in order."""
    result = make(*(targets or ("html", "slides")), VERBOSE, cwd=course, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    printed = COLOUR.sub("", result.stdout).replace("\r", "\n")
    return [set(READ.findall(run)) for run in printed.split("updating environment:")[1:]]


def files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def differences(built, clean):
    """The files one site has and the other lacks, and those that differ."""
    return {"only in the rebuilt site": sorted(set(built) - set(clean)),
            "only in the clean build": sorted(set(clean) - set(built)),
            "different": sorted(name for name in set(built) & set(clean) if built[name] != clean[name])}


def same_as_clean(course, tmp_path):
    rebuilt = files(course / "_build" / "html")
    shutil.rmtree(course / "_build")
    build(course)
    return differences(rebuilt, files(course / "_build" / "html"))


NO_DIFFERENCE = {"only in the rebuilt site": [], "only in the clean build": [], "different": []}


def test_one_read_serves_both_outputs(course):
    lecture = lectures(course)[0]
    handbook, deck = build(course)
    assert lecture.docname in handbook and deck == set(), "the deck read the pages again"
    assert build(course) == [set(), set()], "a page was read again"
    lecture.source.write_text(lecture.source.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    handbook, deck = build(course)
    # the lecture, and the pages that list every lecture (front page, key points, guide)
    assert handbook == {lecture.docname, "index", "keypoints", "instructor"} and deck == set()


def test_both_outputs_are_the_same_as_two_separate_builds(course, tmp_path):
    """Two sphinx-build processes, each with its own doctrees, as the course built before."""
    build(course)
    sphinx = REPO / VENV / "bin" / "sphinx-build"
    for builder, out in (("html", "html"), ("slides", "html/slides")):
        result = subprocess.run([sphinx, "-b", builder, course, tmp_path / "apart" / out,
                                 "-d", tmp_path / "apart" / f"doctrees-{builder}", "-W", "--keep-going", "-q"],
                                capture_output=True, text=True, env=clean_env())
        assert result.returncode == 0, result.stdout + result.stderr
    assert differences(files(course / "_build" / "html"), files(tmp_path / "apart" / "html")) == NO_DIFFERENCE


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def add_lecture(course):
    make("lecture", "ID=9.9.9", "TITLE=A lecture added", cwd=course)


def add_exercise(course):
    make("exercise", "NAME=added", cwd=course)


def rename_lecture(course):
    (course / "slides/9-9-9-a-lecture-added.rst").rename(course / "slides/9-9-9-a-lecture-renamed.rst")


def remove_lecture(course):
    (course / "slides/9-9-9-a-lecture-added.rst").unlink()


def retitle_lecture(course):
    edit(lectures(course)[0].source, "Environment management\n", "Environments, managed\n")


def edit_keypoint(course):
    source = lectures(course)[0].source
    edit(source, ".. keypoints::\n\n   - ", ".. keypoints::\n\n   - A point added. ")


def add_glossary_term(course):
    edit(course / "glossary.rst", "   solver\n", "   reproducer\n      A term added.\n\n   solver\n")


def edit_style_sheet(course):
    (course / "_static/css/palette.css").write_text(
        (course / "_static/css/palette.css").read_text(encoding="utf-8") + "\n/* edited */\n", encoding="utf-8")


# (what an author does first, if anything, and built; then the change under test)
CHANGES = {
    "a lecture added": (None, add_lecture),
    "an exercise added": (None, add_exercise),
    "a lecture renamed": (add_lecture, rename_lecture),
    "a lecture removed": (add_lecture, remove_lecture),
    "a lecture's title changed": (None, retitle_lecture),
    "a key point changed": (None, edit_keypoint),
    "a glossary term added": (None, add_glossary_term),
    "a style sheet edited alone": (None, edit_style_sheet),
}


@pytest.mark.parametrize("change", CHANGES)
def test_one_build_after_a_change_equals_a_clean_build(course, tmp_path, change):
    before, change_it = CHANGES[change]
    if before:
        before(course)
    build(course)
    change_it(course)
    build(course)
    assert same_as_clean(course, tmp_path) == NO_DIFFERENCE
