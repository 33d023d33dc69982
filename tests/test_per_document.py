"""_ext/course/helpers/per_document.py: what a directive notes about a document goes when the
document is read again, and comes back from the processes of a parallel read (tests/roots/
test-course: the lecture's update notes and key points, on the instructor guide and the key
points page)."""

import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from course.helpers.per_document import PerDocument
from pages import read

LECTURE = "slides/2-1-1-demo-lecture.rst"


def test_purge_forgets_one_document_and_merge_takes_only_the_worker_s_documents():
    facts = PerDocument("course_facts")
    main, worker = SimpleNamespace(), SimpleNamespace()
    facts(main).update({"a": 1, "b": 2})
    facts(worker).update({"c": 3, "d": 4})
    facts.purge(None, main, "a")
    facts.purge(None, main, "never-read")  # no error: the document had nothing noted
    facts.merge(None, main, ["c"], worker)  # d was the worker's before: not this read's
    assert facts(main) == {"b": 2, "c": 3}


@pytest.fixture
def course(rootdir, tmp_path):
    """A writable copy of tests/roots/test-course, and a function making an app on it."""
    source = tmp_path / "course"
    shutil.copytree(Path(str(rootdir)) / "test-course", source)
    return source


def app_on(make_app, rootdir, source, **options):
    return make_app("html", srcdir=type(rootdir)(str(source)), **options)


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    later = path.stat().st_mtime + 5  # newer than the first build, however fast the machine
    os.utime(path, (later, later))


def test_a_document_read_again_replaces_what_it_noted(make_app, rootdir, course):
    app = app_on(make_app, rootdir, course)
    app.build()
    edit(course / LECTURE, "- Demos demonstrate.", "- Edited demos demonstrate.")
    app.build()
    # a second `.. lecture::` of the same document would be reported, an update note doubled
    assert app._warning.getvalue() == ""
    assert read(app.outdir, "instructor.html").text().count("a new fact") == 1
    keypoints = read(app.outdir, "keypoints.html").text()
    assert "Edited demos demonstrate." in keypoints
    assert "- Demos demonstrate." not in keypoints and keypoints.count("emos demonstrate.") == 1


def test_a_parallel_read_brings_every_document_s_notes_back(make_app, rootdir, course, monkeypatch):
    lecture = (course / LECTURE).read_text(encoding="utf-8")
    for n in range(2, 6):  # Sphinx reads in parallel above 5 documents
        copy = lecture.replace("2.1.1 Demo lecture", f"2.1.{n} Demo lecture")
        copy = copy.replace("- Demos demonstrate.", f"- Copy {n} demonstrates.")
        (course / f"slides/2-1-{n}-demo-lecture.rst").write_text(copy, encoding="utf-8")
    merged = []
    merge = PerDocument.merge
    monkeypatch.setattr(PerDocument, "merge", lambda self, app, env, docnames, other: (
        merged.append(self.attribute), merge(self, app, env, docnames, other)))
    app = app_on(make_app, rootdir, course, parallel=2)
    app.build()
    assert app._warning.getvalue() == ""
    assert "course_keypoints" in merged  # the worker processes' notes did come back by merge
    keypoints = read(app.outdir, "keypoints.html").text()
    assert "Demos demonstrate." in keypoints
    assert all(f"Copy {n} demonstrates." in keypoints for n in range(2, 6)), keypoints
    assert read(app.outdir, "instructor.html").text().count("a new fact") == 5
