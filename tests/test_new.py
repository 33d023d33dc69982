"""tools/new.py: adding to the course, as an author does it in a clone: `make lecture`, `make exercise`, and a
copy of lecture 1.1.1 under a new number with its own figure folder. With no other file touched,
the site builds without a warning, and the front page, the instructor guide, the key points and
the generic tests pick the new lecture and exercise up."""

import re
import shutil
import subprocess
import sys

import pytest

from repo import REPO, SITE, STACK, clean_env, clone_repository, make
from tools.sitemap import Lecture, lectures
from pages import read

COPY = "9-9-8-copy-of-environment-management"


def copy_lecture(root, source="1-1-1-environment-management", number="9.9.8"):
    """Lecture 1.1.1 under another number, its figures in the new number's folder."""
    text = (root / "slides" / f"{source}.rst").read_text(encoding="utf-8")
    new_id = number.replace(".", "-")
    text = text.replace("1.1.1 Environment management", f"{number} Environment management")
    text = text.replace("/_static/1-1-1/", f"/_static/{new_id}/")
    (root / "slides" / f"{COPY}.rst").write_text(text, encoding="utf-8")
    shutil.copytree(root / "_static" / "1-1-1", root / "_static" / new_id)


@pytest.fixture(scope="module")
def grown_course(tmp_path_factory):
    root = clone_repository(tmp_path_factory.mktemp("grown"))
    for targets in (["lecture", "ID=9.9.9", "TITLE=A throwaway lecture"],
                    ["lecture", "ID=9.9.7", "TITLE=A Markdown lecture", "FORMAT=md"],
                    ["exercise", "NAME=throwaway"]):
        result = make(*targets, cwd=root, check=False)
        assert result.returncode == 0, result.stdout + result.stderr
    copy_lecture(root)
    result = make("html", "slides", cwd=root, check=False)
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stdout + result.stderr
    return root


NEW = [COPY, "9-9-9-a-throwaway-lecture", "9-9-7-a-markdown-lecture"]


def test_new_lectures_are_on_the_front_page_with_their_pages(grown_course):
    site = grown_course / "_build" / "html"
    front = read(site, "index.html")
    entries = [entry.get_text(" ", strip=True) for entry in front.select("li.lecture-entry")]
    assert [entry.split(" ")[0] for entry in entries] == [lecture.number for lecture in lectures(grown_course)]
    assert (grown_course / "slides/9-9-7-a-markdown-lecture.md").is_file()
    for name in NEW:
        targets = {front.target(a["href"]) for a in front.select("li.lecture-entry a")}
        lecture = Lecture(grown_course, name)
        for page in (SITE.handbook_page(lecture.docname), SITE.deck_page(lecture.docname)):
            assert (site / page).resolve() in targets, page
        assert (site / SITE.handbook_page(lecture.docname)).is_file()
        assert (site / SITE.deck_page(lecture.docname)).is_file()
    guide = read(site, "instructor.html")
    assert all(guide.select_one(f"section#guide-{Lecture(grown_course, name).id}") for name in NEW)
    assert "What a student should remember." in read(site, "keypoints.html").text()
    assert read(site, "exercises/throwaway/index.html").select("a[href='check_throwaway.py']")


def test_the_generic_tests_collect_them_and_the_new_exercise_passes(grown_course):
    result = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q",
                             "tests/test_lectures.py", "tests/test_exercises.py"],
                            cwd=grown_course, capture_output=True, text=True)
    collected = result.stdout
    for lecture in NEW:
        assert re.search(rf"test_lectures\.py::\w+\[{lecture}\]", collected), lecture
    assert "test_exercises.py::test_checker_fails_the_start_and_passes_the_solution[throwaway-start]" in collected
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                             "tests/test_exercises.py", "-k", "throwaway"],
                            cwd=grown_course, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("targets, said", [
    (["lecture", "ID=9.9.9", "TITLE=Again"], "lecture: 9.9.9 exists already"),
    (["lecture", "ID=9.x", "TITLE=A lecture"], "lecture: ID is a number like 1.1.2"),
    (["lecture", "ID=9.9.7", "TITLE=?!"], "TITLE has words"),
    (["exercise", "NAME=throwaway"], "exercise: throwaway exists already"),
    (["exercise", "NAME=Version-Data"], "exercise: NAME is lower case letters, digits and _"),
])
def test_a_lecture_or_exercise_that_cannot_be_made_is_refused_and_nothing_written(grown_course, targets, said):
    before = sorted(path for path in grown_course.rglob("*") if "_build" not in path.parts and ".venv" not in path.name)
    result = make(*targets, cwd=grown_course, check=False)
    assert result.returncode != 0 and said in result.stderr, result.stdout + result.stderr
    assert sorted(path for path in grown_course.rglob("*")
                  if "_build" not in path.parts and ".venv" not in path.name) == before


def test_a_markdown_lecture_with_every_directive_passes_the_generic_lecture_tests(tmp_path):
    """make lecture FORMAT=md, filled in with every course directive (the MyST twin of the demo
    lecture in tests/data), in a repository of its own: tests/test_lectures.py, run there as
    `make test` runs it, passes on it."""
    course = clone_repository(tmp_path / "course")
    make("lecture", "ID=9.9.7", "TITLE=A Markdown lecture", "FORMAT=md", cwd=course)
    filled = (REPO / "tests/data/2-1-1-demo-lecture.md").read_text(encoding="utf-8")
    filled = filled.replace("2.1.1 Demo lecture", "9.9.7 A Markdown lecture").replace(
        "{practice} demo", "{practice} practice_env")
    (course / "slides/9-9-7-a-markdown-lecture.md").write_text(filled, encoding="utf-8")
    for command in (["git", "init", "-q"], ["sh", "-c", "echo '.venv*' >> .git/info/exclude"], ["git", "add", "-A"],
                    ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "md"]):
        subprocess.run(command, cwd=course, check=True, capture_output=True)
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                             "tests/test_lectures.py", "-k", "9-9-7"],
                            cwd=course, capture_output=True, text=True, env=clean_env(STACK=STACK))
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert re.search(r"\b[1-9]\d* passed", result.stdout), result.stdout[-500:]
