"""The course's own Sphinx extensions, each on a small fixture project under tests/roots."""

import sys
import subprocess
import shutil
from pathlib import Path

import pytest

from pages import Page


@pytest.mark.sphinx("html", testroot="slide-links")
def test_every_handbook_section_links_to_its_slide(app, warning):
    app.build()
    assert warning.getvalue() == ""
    links = [a["href"] for a in Page(app.outdir, "index.html").select("a.headerlink.slide-link")]
    assert links == [
        "slides/index.html#deck",
        "slides/index.html#first-section",
        "slides/index.html#second-section",
    ]


@pytest.mark.sphinx("html", testroot="slide-links", confoverrides={"slide_link_html_to_slides": False})
def test_no_slide_links_when_linking_is_off(app, warning):
    app.build()
    assert warning.getvalue() == ""
    assert Page(app.outdir, "index.html").select("a.slide-link") == []


def run_copy(path):
    """What the built copy of check_demo.py prints: its LINKS."""
    return subprocess.run([sys.executable, path], capture_output=True, text=True, check=True).stdout


@pytest.mark.sphinx("html", testroot="exercise-downloads")
def test_checker_is_copied_beside_its_page_with_its_hint_links(app, warning):
    app.build()
    assert warning.getvalue() == ""
    outdir = Path(app.outdir)
    assert (outdir / "exercises/demo/index.html").is_file()
    assert run_copy(outdir / "exercises/demo/check_demo.py") == str({"demo": {
        "slide": "../../slides/lecture.html#first-topic",
        "handbook": "../../lecture.html#first-topic"}}) + "\n"
    assert 'id="first-topic"' in (outdir / "lecture.html").read_text()


@pytest.mark.sphinx("html", testroot="exercise-downloads",
                    confoverrides={"html_baseurl": "https://course.example.org/ml/"})
def test_hint_links_are_absolute_under_html_baseurl(app, warning):
    app.build()
    assert warning.getvalue() == ""
    assert run_copy(Path(app.outdir) / "exercises/demo/check_demo.py") == str({"demo": {
        "slide": "https://course.example.org/ml/slides/lecture.html#first-topic",
        "handbook": "https://course.example.org/ml/lecture.html#first-topic"}}) + "\n"


@pytest.mark.sphinx("slides", testroot="exercise-downloads")
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
    shutil.copytree(Path(str(rootdir)) / "test-exercise-downloads", source)
    checker = source / "exercises/demo/check_demo.py"
    checker.write_text(checker.read_text().replace('"lecture#first-topic"', entry))
    app = make_app("html", srcdir=type(rootdir)(str(source)))
    app.build()
    assert "check_demo.py:2: WARNING: " + said in app._warning.getvalue()


@pytest.mark.sphinx("text", testroot="exercise-downloads")
def test_no_checker_copy_outside_html(app, warning):
    app.build()
    assert not (Path(app.outdir) / "exercises/demo/check_demo.py").exists()


@pytest.mark.sphinx("slides", testroot="deck-scripts")
def test_deck_prints_inline_scripts_and_loads_only_files_its_layout_can_use(app, warning):
    app.build()
    assert warning.getvalue() == ""
    page = (Path(app.outdir) / "index.html").read_text()
    assert "<script>var courseFlag = 1;</script>" in page
    assert 'src="_static/course.js"' in page
    assert 'src="None"' not in page
    assert "documentation_options.js" not in page
    assert "var DOCUMENTATION_OPTIONS" in page


@pytest.mark.sphinx("slides", testroot="continuation-slides")
def test_continuation_slides_are_named_after_their_section(app, warning):
    app.build()
    assert warning.getvalue() == ""
    page = Page(app.outdir, "index.html")
    assert [slide.id for slide in page.slides] == ["deck", "long-slide", "long-slide-2", "long-slide-3"]
    assert page.select("a[href='../html/index.html#long-slide-2']")


@pytest.mark.sphinx("html", testroot="continuation-slides")
def test_handbook_has_an_anchor_where_each_continuation_starts(app, warning):
    app.build()
    assert warning.getvalue() == ""
    page = (Path(app.outdir) / "index.html").read_text()
    assert page.index('id="long-slide-2"') < page.index("Second part.") < page.index('id="long-slide-3"')


@pytest.mark.sphinx("slides", testroot="deck-html-lang")
def test_every_deck_page_declares_its_language(app, warning):
    app.build()
    for page in Path(app.outdir).rglob("*.html"):
        assert '<html lang="en">' in page.read_text(), page.name
