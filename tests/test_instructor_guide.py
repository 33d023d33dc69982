"""_ext/course/instructor_guide.py: each lecture's plan, update notes and checker steps
(tests/roots/test-course)."""

import shutil

import pytest

from pages import read


@pytest.mark.sphinx("html", testroot="course")
def test_guide_holds_plan_updates_and_checker_steps(app, warning):
    app.build()
    guide = read(app.outdir, "instructor.html").text()
    for expected in ("Part one 15 0:00", "Part two 5 15:00", "Total 20",
                     "a new fact", "https://example.org/news", "2026-11-02",
                     "one the first thing do the first thing"):
        assert expected in guide, expected


def test_a_checker_with_two_steps_tables_is_a_warning(make_app, rootdir, tmp_path):
    source = tmp_path / "root"
    shutil.copytree(rootdir / "test-course", source)
    checker = source / "exercises/demo/check_demo.py"
    checker.write_text(checker.read_text() + "\nSTEPS = []\n")
    app = make_app("html", srcdir=type(rootdir)(str(source)))
    app.build()
    assert "the instructor guide needs one literal STEPS table (step, what it checks, hint), not 2" \
        in app._warning.getvalue()
