"""_ext/course/lesson.py: questions, objectives and key points, and the key points page
(tests/roots/test-course)."""

import pytest

from pages import read


@pytest.mark.sphinx("html", testroot="course")
def test_boxes_and_key_points_page(app, warning):
    app.build()
    assert warning.getvalue() == ""
    lecture = read(app.outdir, "slides/2-1-1-demo-lecture.html")
    assert [box["class"][1] for box in lecture.select("div.lesson")] == [
        "lesson-questions", "lesson-objectives", "lesson-keypoints"]
    assert "Demos demonstrate." in read(app.outdir, "keypoints.html").text()


@pytest.mark.sphinx("slides", testroot="course")
def test_the_lesson_slide_is_marked(app, warning):
    app.build()
    assert "lesson-slide" in read(app.outdir, "slides/2-1-1-demo-lecture.html").slide("Start").classes
