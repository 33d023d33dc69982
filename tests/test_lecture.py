"""_ext/course/lecture.py: a lecture's number, length and plan (tests/roots/test-course)."""

import json

import pytest

from pages import read


@pytest.mark.sphinx("html", testroot="course")
def test_lecture_line_and_plan(app, warning):
    app.build()
    assert warning.getvalue() == ""
    lecture = read(app.outdir, "slides/2-1-1-demo-lecture.html")
    assert lecture.select_one("p.lecture-meta").get_text() == "Demo course \u00b7 Lecture 2.1.1 \u00b7 20 minutes"
    plan = json.loads(lecture.select_one("script#lecture-plan").string)
    assert plan == {"number": "2.1.1", "duration": 20, "sections": [
        {"id": "part-one", "title": "Part one", "minutes": 15},
        {"id": "part-two", "title": "Part two", "minutes": 5}]}
