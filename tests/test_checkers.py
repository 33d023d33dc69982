"""_ext/course/checkers.py: the exercise page's download commands, and the checker copied beside
its page with the links of its hints written in."""

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pages import read
from repo import REPO, SITE, clean_env, clone_repository
from tools.sitemap import exercises


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


def download_commands(page):
    return [block.get_text() for block in page.select("div.highlight pre")
            if "curl -O" in block.get_text() or "Invoke-WebRequest" in block.get_text()]


def built_with_address(tmp_path, **address):
    """`make html slides` in a copy of the course, with the build environment a publishing
    service gives; the site folder."""
    clone = clone_repository(tmp_path / "course")
    result = subprocess.run(["make", "html", "slides"], cwd=clone, env=clean_env(**address),
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return clone / "_build" / "html"


def checker_links(copy):
    """The LINKS the build wrote into a checker's copy ({} for a checker without lessons)."""
    tree = ast.parse(copy.read_text(encoding="utf-8"))
    return next((ast.literal_eval(node.value) for node in tree.body if isinstance(node, ast.Assign)
                 and any(getattr(target, "id", "") == "LINKS" for target in node.targets)), {})


@pytest.mark.parametrize("variable", ["READTHEDOCS_CANONICAL_URL", "COURSE_SITE_URL"])
def test_a_published_site_names_its_address_in_commands_and_links(tmp_path, variable):
    site = built_with_address(tmp_path, **{variable: "https://example.org/course/"})
    for exercise in exercises(REPO):
        page = read(site, SITE.handbook_page(exercise.docname))
        address = "https://example.org/course/" + SITE.checker(exercise)
        assert f"curl -O {address}" in "\n".join(download_commands(page))
        links = checker_links(site / SITE.checker(exercise))
        assert links or exercise.name != "practice_env", "the practice checker lost its learn: links"
        for link in (url for step in links.values() for url in step.values()):
            assert link.startswith("https://example.org/course/"), link


def test_a_local_build_keeps_relative_links_and_says_so(course_build):
    for exercise in exercises(REPO):
        page = read(course_build, SITE.handbook_page(exercise.docname))
        assert "curl -O <course-site>/" + SITE.checker(exercise) in "\n".join(download_commands(page))
        assert "this copy was built without it, so its links are relative" in page.text()
        for link in (url for step in checker_links(course_build / SITE.checker(exercise)).values()
                     for url in step.values()):
            assert not link.startswith(("http:", "https:", "/")), link
