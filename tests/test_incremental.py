"""Incremental builds (_ext/course/incremental.py, tools/build.py): `make html slides` reads each
changed page once for both outputs, and after any change an author makes, one more `make html
slides` leaves exactly the files a clean build leaves.

Each test works in a copy of the repository (the files git would commit), with `make` as typed.
"""

import shutil

import pytest

from builds import NO_DIFFERENCE, build, differences, files
from repo import make
from tools.sitemap import lectures


def same_as_clean(course, tmp_path):
    rebuilt = files(course / "_build" / "html")
    shutil.rmtree(course / "_build")
    build(course)
    return differences(rebuilt, files(course / "_build" / "html"))




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
