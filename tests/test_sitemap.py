"""tools/sitemap.py: the one map of the course, on disk (lectures, exercises) and on the built
site (where the handbook, the deck, the PDFs and the checkers are)."""

import sys

import pytest

from repo import REPO
from tools.sitemap import SiteMap, exercises, lecture_id, lectures


def project_with_deck_in(tmp_path, monkeypatch, folder):
    """A copy of the course's conf.py that puts the deck in folder."""
    text = (REPO / "conf.py").read_text(encoding="utf-8")
    assert 'slide_relative_path = "slides/"' in text  # the line this copy changes
    (tmp_path / "conf.py").write_text(text.replace('slide_relative_path = "slides/"',
                                                   f'slide_relative_path = "{folder}"'), encoding="utf-8")
    monkeypatch.setattr(sys, "path", list(sys.path))  # conf.py puts its folder on sys.path
    return tmp_path


def test_the_project_map_reads_the_deck_folder_from_conf_py(tmp_path, monkeypatch):
    moved = SiteMap.of_project(project_with_deck_in(tmp_path, monkeypatch, "deck/2026/"))
    assert moved.deck_page("slides/1-1-1-x") == "deck/2026/slides/1-1-1-x.html"
    assert moved.deck_to_handbook == "../../"
    assert moved.output_folders(tmp_path / "site") == {"html": tmp_path / "site",
                                                       "slides": tmp_path / "site" / "deck" / "2026"}
    # what does not belong to the deck stays where it was
    assert moved.handbook_page("slides/1-1-1-x") == "slides/1-1-1-x.html"
    lecture = lectures(REPO)[0]
    assert moved.pdfs(lecture) == SiteMap.of_project(REPO).pdfs(lecture)


def test_the_course_s_own_map_puts_the_deck_in_slides():
    site = SiteMap.of_project(REPO)
    assert site.deck_page("index") == "slides/index.html"
    assert site.deck_to_handbook == "../"


def make_lectures(root, *names):
    (root / "slides").mkdir()
    for name in names:
        (root / "slides" / name).write_text("A lecture\n=========\n", encoding="utf-8")


def test_lectures_are_in_the_order_of_their_numbers_not_of_their_names(tmp_path):
    make_lectures(tmp_path, "1-1-10-ten.rst", "1-1-9-nine.rst", "1-2-1-part-two.rst", "2-1-1-next.md",
                  "1-1-1-first.rst")
    assert [lecture.number for lecture in lectures(tmp_path)] == ["1.1.1", "1.1.9", "1.1.10", "1.2.1", "2.1.1"]


def test_a_markdown_lecture_is_a_lecture_with_its_source_and_figures(tmp_path):
    make_lectures(tmp_path, "3-1-1-in-markdown.md")
    lecture, = lectures(tmp_path)
    assert lecture.source == tmp_path / "slides" / "3-1-1-in-markdown.md"
    assert lecture.docname == "slides/3-1-1-in-markdown"
    assert lecture.figures == tmp_path / "_static" / "3-1-1"


def test_files_that_are_not_lectures_are_left_out(tmp_path):
    make_lectures(tmp_path, "index.rst", "1-1-1-Capital.rst", "1-1-2-notes.txt", "1-1-3-ok.rst")
    assert [lecture.name for lecture in lectures(tmp_path)] == ["1-1-3-ok"]


@pytest.mark.parametrize("docname, expected", [
    ("slides/1-1-1-environment-management", "1-1-1"),
    ("slides/12-3-data", "12-3"),
    ("index", None),
    ("slides/index", None),
    ("exercises/1-1-1-environment-management", None),  # not in the lectures' folder
    ("slides/old/1-1-1-environment-management", None),  # not directly in it
])
def test_lecture_id(docname, expected):
    assert lecture_id(docname) == expected


def test_exercises_are_the_folders_with_a_page(tmp_path):
    for name, page in [("b_md", "index.md"), ("a_rst", "index.rst"), ("no_page", "README.md")]:
        (tmp_path / "exercises" / name).mkdir(parents=True)
        (tmp_path / "exercises" / name / page).write_text("An exercise\n", encoding="utf-8")
    (tmp_path / "exercises" / "index.rst").write_text("Exercises\n", encoding="utf-8")
    found = exercises(tmp_path)
    assert [exercise.name for exercise in found] == ["a_rst", "b_md"]
    assert found[0].docname == "exercises/a_rst/index"
    assert found[0].checker == tmp_path / "exercises" / "a_rst" / "check_a_rst.py"
    assert SiteMap("slides/").checker(found[0]) == "exercises/a_rst/check_a_rst.py"


def test_the_course_has_its_lecture_and_exercise():
    assert "1-1-1" in [lecture.id for lecture in lectures(REPO)]
    assert "practice_env" in [exercise.name for exercise in exercises(REPO)]
