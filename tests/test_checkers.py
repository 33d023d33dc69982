"""_ext/course/checkers.py: the exercise page's download commands, and the checker copied beside
its page with the links of its hints written in."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pages import read


def run_copy(path):
    """What the built copy of check_demo.py prints: its LINKS."""
    return subprocess.run([sys.executable, path], capture_output=True, text=True, check=True).stdout


@pytest.mark.sphinx("html", testroot="checkers")
def test_checker_is_copied_beside_its_page_with_its_hint_links(app, warning):
    app.build()
    assert warning.getvalue() == ""
    outdir = Path(app.outdir)
    assert (outdir / "exercises/demo/index.html").is_file()
    assert run_copy(outdir / "exercises/demo/check_demo.py") == str({"demo": {
        "slide": "../../slides/lecture.html#first-topic",
        "handbook": "../../lecture.html#first-topic"}}) + "\n"
    assert 'id="first-topic"' in (outdir / "lecture.html").read_text()


@pytest.mark.sphinx("html", testroot="checkers",
                    confoverrides={"html_baseurl": "https://course.example.org/ml/"})
def test_hint_links_are_absolute_under_html_baseurl(app, warning):
    app.build()
    assert warning.getvalue() == ""
    assert run_copy(Path(app.outdir) / "exercises/demo/check_demo.py") == str({"demo": {
        "slide": "https://course.example.org/ml/slides/lecture.html#first-topic",
        "handbook": "https://course.example.org/ml/lecture.html#first-topic"}}) + "\n"


@pytest.mark.sphinx("slides", testroot="checkers")
def test_deck_gets_its_own_checker_copy(app, warning):
    app.build()
    assert warning.getvalue() == ""
    assert (Path(app.outdir) / "exercises/demo/index.html").is_file()
    # The deck's copy is one folder deeper on the site: slides/exercises/demo/.
    assert run_copy(Path(app.outdir) / "exercises/demo/check_demo.py") == str({"demo": {
        "slide": "../../lecture.html#first-topic",
        "handbook": "../../../lecture.html#first-topic"}}) + "\n"


@pytest.mark.parametrize("entry, said", [
    ('"lecture#second-topic"', "LESSONS['demo']: page 'lecture' has no section with the id 'second-topic'"),
    ('"lectures#first-topic"', "LESSONS['demo']: no page 'lectures'"),
    ('"lecture"', "LESSONS['demo']: page 'lecture' has no section with the id ''"),
])
def test_a_wrong_lesson_is_a_build_warning_at_its_line(make_app, rootdir, tmp_path, entry, said):
    source = tmp_path / "root"
    shutil.copytree(Path(str(rootdir)) / "test-checkers", source)
    checker = source / "exercises/demo/check_demo.py"
    checker.write_text(checker.read_text().replace('"lecture#first-topic"', entry))
    app = make_app("html", srcdir=type(rootdir)(str(source)))
    app.build()
    assert "check_demo.py:2: WARNING: " + said in app._warning.getvalue()


@pytest.mark.sphinx("text", testroot="checkers")
def test_no_checker_copy_outside_html(app, warning):
    app.build()
    assert not (Path(app.outdir) / "exercises/demo/check_demo.py").exists()
