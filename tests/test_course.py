"""_ext/course: the package's directives together, on two small projects: one that uses each as
an author should (tests/roots/test-course), and one that misuses each in every way the
directives report (tests/roots/test-course-misuse): a warning with the file and line."""

import re

import pytest

from pages import read


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
]


@pytest.mark.sphinx("html", testroot="course-misuse")
def test_each_misuse_is_a_warning_at_its_line(app, warning):
    app.build()
    found = re.sub(r"\x1b\[[0-9;]*m", "", warning.getvalue()).replace(f"{app.srcdir}/", "")  # no colours
    missing = [f"{source}:{line}: {message}" for source, line, message in MISUSES
               if not re.search(rf"^{re.escape(source)}:{line}: (WARNING|ERROR): .*{re.escape(message)}",
                                found, re.MULTILINE)]
    assert missing == [], "not reported:\n" + "\n".join(missing) + "\n\nreported:\n" + found
