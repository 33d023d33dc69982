"""tools/build.py (`make html slides`): the handbook and the deck from one process, which reads
each changed page once for both, and writes what two separate sphinx-build runs write."""

import subprocess
import sys

from builds import NO_DIFFERENCE, build, differences, files
from repo import REPO, SITE, STACK, clean_env, make
from tools.sitemap import lectures

VENV = ".venv-current" if STACK == "current" else ".venv"


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


def test_make_html_alone_writes_the_handbook_only(course):
    build(course, "html")
    site = course / "_build" / "html"
    lecture = lectures(course)[0]
    assert (site / SITE.handbook_page(lecture.docname)).is_file()
    assert not (site / SITE.deck_page(lecture.docname)).exists()


def test_a_failing_handbook_stops_the_build_before_the_deck(course):
    lecture = lectures(course)[0]
    lecture.source.write_text(lecture.source.read_text(encoding="utf-8") + "\n.. no-such-directive::\n",
                              encoding="utf-8")
    result = make("html", "slides", cwd=course, check=False)
    assert result.returncode != 0 and "no-such-directive" in result.stderr
    assert not (course / "_build" / "html" / SITE.deck_page(lecture.docname)).exists()


def test_an_unknown_builder_is_a_usage_error():
    result = subprocess.run([sys.executable, "-m", "tools.build", "latex"], cwd=REPO,
                            capture_output=True, text=True, env=clean_env())
    assert result.returncode == 2 and "invalid choice: 'latex'" in result.stderr
