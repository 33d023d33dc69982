"""The course's directives (_ext/lecture.py, lecture_notes.py, lesson.py, practice.py,
course_index.py, instructor_guide.py, checker_download.py) on two small projects: one that uses
each as an author should (tests/roots/test-course), and one that misuses each in every way the
directives report (tests/roots/test-course-misuse): a warning with the file and line."""

import json
import re
from pathlib import Path

import pytest

from pages import read


def built(app):
    app.build()
    return Path(app.outdir)


@pytest.mark.sphinx("html", testroot="course")
def test_a_lecture_written_with_the_directives_builds_without_a_warning(app, warning):
    site = built(app)
    assert warning.getvalue() == ""
    lecture = read(site, "slides/2-1-1-demo-lecture.html")
    assert lecture.select_one("p.lecture-meta").get_text() == "Demo course \u00b7 Lecture 2.1.1 \u00b7 20 minutes"
    assert [box["class"][1] for box in lecture.select("div.lesson")] == [
        "lesson-questions", "lesson-objectives", "lesson-keypoints"]
    assert lecture.boxes("speaker-notes") == ["Welcome everyone."]
    update = lecture.select_one("div.admonition.note.update")
    assert update.select_one(".admonition-title").get_text() == "Update (2026): a new fact"
    assert update.select_one("p.update-source").get_text() == \
        "Source: https://example.org/news, checked 2026-11-02."
    assert lecture.boxes("dropdown") == ["Yes."]
    practice = lecture.select_one("p.practice a")
    assert practice.get_text() == "Demo exercise"
    assert lecture.target(practice["href"]) == (site / "exercises/demo/index.html").resolve()
    plan = json.loads(lecture.select_one("script#lecture-plan").string)
    assert plan == {"number": "2.1.1", "duration": 20, "sections": [
        {"id": "part-one", "title": "Part one", "minutes": 15},
        {"id": "part-two", "title": "Part two", "minutes": 5}]}


@pytest.mark.sphinx("html", testroot="course")
def test_front_page_key_points_and_guide_are_derived_from_the_lecture(app, warning):
    site = built(app)
    front = read(site, "index.html")
    links = {a.get_text(): front.target(a["href"]) for a in front.select("li.lecture-entry a")}
    assert links == {
        "2.1.1 Demo lecture": (site / "slides/2-1-1-demo-lecture.html").resolve(),
        "slides": (site / "slides/slides/2-1-1-demo-lecture.html").resolve(),
        "PDF of the slides": (site / "pdf/2-1-1-demo-lecture-slides.pdf").resolve(),
        "handout (PDF)": (site / "pdf/2-1-1-demo-lecture-handout.pdf").resolve(),
        "exercise: Demo exercise": (site / "exercises/demo/index.html").resolve(),
    }
    # the lectures are in the table of contents without a toctree line naming them
    assert app.env.toctree_includes["index"][0] == "slides/2-1-1-demo-lecture"
    assert "Demos demonstrate." in read(site, "keypoints.html").text()
    guide = read(site, "instructor.html").text()
    for expected in ("Part one 15 0:00", "Part two 5 15:00", "Total 20",
                     "a new fact", "https://example.org/news", "2026-11-02",
                     "one the first thing do the first thing"):
        assert expected in guide, expected


@pytest.mark.sphinx("slides", testroot="course")
def test_in_the_deck_notes_are_notes_and_links_reach_the_handbook(app, warning):
    deck_root = built(app)
    assert warning.getvalue() == ""
    deck = read(deck_root, "slides/2-1-1-demo-lecture.html")
    assert deck.slide("2.1.1 Demo lecture").notes == ["Welcome everyone."]
    assert "lesson-slide" in deck.slide("Start").classes
    practice = deck.select_one("p.practice a")
    # the deck is the site's slides/ folder: the exercise page is the handbook's, one level up
    assert practice["href"] == "../../exercises/demo/index.html"
    front = read(deck_root, "index.html")
    assert {a.get_text(): a["href"] for a in front.select("li.lecture-entry a")}["slides"] == \
        "slides/2-1-1-demo-lecture.html"


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
