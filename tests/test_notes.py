"""_ext/course/notes.py: speaker notes, update notes and answers (tests/roots/test-course)."""

import pytest

from pages import read


@pytest.mark.sphinx("html", testroot="course")
def test_notes_updates_and_answers_in_the_handbook(app, warning):
    app.build()
    assert warning.getvalue() == ""
    lecture = read(app.outdir, "slides/2-1-1-demo-lecture.html")
    assert lecture.boxes("speaker-notes") == ["Welcome everyone."]
    update = lecture.select_one("div.admonition.note.update")
    assert update.select_one(".admonition-title").get_text() == "Update (2026): a new fact"
    assert update.select_one("p.update-source").get_text() == \
        "Source: https://example.org/news, checked 2026-11-02."
    assert lecture.boxes("dropdown") == ["Yes."]


@pytest.mark.sphinx("slides", testroot="course")
def test_in_the_deck_notes_are_notes(app, warning):
    app.build()
    assert warning.getvalue() == ""
    deck = read(app.outdir, "slides/2-1-1-demo-lecture.html")
    assert deck.slide("2.1.1 Demo lecture").notes == ["Welcome everyone."]
