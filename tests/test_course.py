"""_ext/course: the package's directives together, on two small projects: one that uses each as
an author should (tests/roots/test-course), and one that misuses each in every way the
directives report (tests/roots/test-course-misuse): a warning with the file and line."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pages import read
from repo import REPO, clean_env


@pytest.mark.sphinx("html", testroot="course")
def test_a_lecture_written_with_the_directives_builds_without_a_warning(app, warning):
    app.build()
    assert warning.getvalue() == ""
    assert read(app.outdir, "slides/2-1-1-demo-lecture.html").select_one("p.lecture-meta")


MISUSES = [
    ("index.rst", 4, "lecture: only a lecture has one"),
    ("index.rst", 7, "questions: only a lecture (slides/<number>-<slug>) has them"),
    ("slides/3-1-1-no-duration.rst", 4, "lecture: give its length, :duration: <minutes>"),
    ("slides/3-1-1-no-duration.rst", 1, "this lecture has no `.. lecture::` with its :duration:"),
    ("slides/3-1-1-no-duration.rst", 9, "questions: write its points as one bullet list"),
    ("slides/3-1-2-bad-plan.rst", 4, "lecture: its parts' minutes add up to 3, not its duration 10"),
    ("slides/3-1-2-bad-plan.rst", 7, "speaker-notes: it has no text"),
    ("slides/3-1-2-bad-plan.rst", 14, "minutes: this part has its minutes already"),
    ("slides/3-1-2-bad-plan.rst", 19, "minutes: it belongs in a part of the lecture"),
    ("slides/3-1-2-bad-plan.rst", 21, "update: give :source: and :checked:"),
    ("slides/3-1-2-bad-plan.rst", 25, "update: :checked: 'last week' is not a date"),
    ("slides/3-1-2-bad-plan.rst", 31, 'Error in "update" directive:\nunknown option: "sauce"'),
    ("slides/3-1-2-bad-plan.rst", 38, "practice: no exercise 'nowhere'"),
    ("slides/3-1-2-bad-plan.rst", 43, "minutes: 'four' is not a whole number of minutes"),
    ("slides/3-1-2-bad-plan.rst", 1, "this lecture has no `.. questions::`, `.. objectives::`, `.. keypoints::`"),
    ("exercises/two/index.rst", 4, "checker-download: 2 check_*.py beside this page, not one"),
    # the same misuses in MyST Markdown: at the line of the directive's fence
    ("slides/3-1-3-bad-plan-md.md", 3, "lecture: its parts' minutes add up to 3, not its duration 10"),
    ("slides/3-1-3-bad-plan-md.md", 7, "speaker-notes: it has no text"),
    ("slides/3-1-3-bad-plan-md.md", 15, "minutes: this part has its minutes already"),
    ("slides/3-1-3-bad-plan-md.md", 20, "minutes: it belongs in a part of the lecture"),
    ("slides/3-1-3-bad-plan-md.md", 23, "update: give :source: and :checked:"),
    ("slides/3-1-3-bad-plan-md.md", 27, "update: :checked: 'last week' is not a date"),
    # myst-parser's own message: 3.0 (pinned) says it at the directive's line, 4 at the option's
    ("slides/3-1-3-bad-plan-md.md", (34, 37), "'update': Unknown option key"),
    ("slides/3-1-3-bad-plan-md.md", 42, "practice: no exercise 'nowhere'"),
    ("slides/3-1-3-bad-plan-md.md", 47, "minutes: 'four' is not a whole number of minutes"),
    ("slides/3-1-3-bad-plan-md.md", 50, "questions: write its points as one bullet list"),
    ("slides/3-1-3-bad-plan-md.md", 1, "this lecture has no `.. questions::`, `.. objectives::`, `.. keypoints::`"),
]


def lines(line):
    return line if isinstance(line, tuple) else (line,)


@pytest.mark.sphinx("html", testroot="course-misuse")
def test_each_misuse_is_a_warning_at_its_line(app, warning):
    app.build()
    found = re.sub(r"\x1b\[[0-9;]*m", "", warning.getvalue()).replace(f"{app.srcdir}/", "")  # no colours
    missing = [f"{source}:{line}: {message}" for source, line, message in MISUSES
               if not re.search(rf"^{re.escape(source)}:({'|'.join(map(str, lines(line)))}): (WARNING|ERROR): "
                                rf".*{re.escape(message)}", found, re.MULTILINE)]
    assert missing == [], "not reported:\n" + "\n".join(missing) + "\n\nreported:\n" + found


def build_course_root(rootdir, tmp_path, builder, lecture):
    """tests/roots/test-course with its demo lecture in the given file, built by sphinx-build
    (a process each: two Sphinx applications in one test share docutils' node registry); the
    built folder."""
    source = tmp_path / "root"
    shutil.copytree(Path(rootdir, "test-course"), source)
    (source / "slides/2-1-1-demo-lecture.rst").unlink()
    shutil.copy(lecture, source / "slides" / lecture.name)
    result = subprocess.run([sys.executable, "-m", "sphinx", "-b", builder, source, tmp_path / "out",
                             "-W", "--keep-going", "-q"], capture_output=True, text=True,
                            env=clean_env(PYTHONPATH=f"{REPO / '_ext'}:{REPO}"))
    assert result.returncode == 0, result.stdout + result.stderr
    return tmp_path / "out"


MARKDOWN_TWIN = REPO / "tests/data/2-1-1-demo-lecture.md"
SOURCE_LINK = re.compile(r"_sources/slides/2-1-1-demo-lecture\.(rst|md)\.txt")


@pytest.mark.parametrize("builder", ["html", "slides"])
def test_a_lecture_in_markdown_gives_the_same_pages_as_in_rest(rootdir, tmp_path, builder):
    pages = {}
    for lecture in (Path(rootdir, "test-course/slides/2-1-1-demo-lecture.rst"), MARKDOWN_TWIN):
        site = build_course_root(rootdir, tmp_path / lecture.suffix[1:], builder, lecture)
        pages[lecture.suffix] = {page: SOURCE_LINK.sub("_sources/LECTURE", (site / page).read_text())
                                 for page in ("slides/2-1-1-demo-lecture.html", "index.html",
                                              "keypoints.html", "instructor.html")}
    assert pages[".md"] == pages[".rst"]
