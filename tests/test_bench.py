"""tools/bench.py (`make bench`, minutes of builds, which CI runs): the pieces that can go wrong
cheaply, the course grown with copies of its first lecture, the --stack option and the table."""

import argparse

import pytest

from tools.bench import grown_course, parse_stack, rows_of
from tools.sitemap import lectures


def test_the_grown_course_has_renumbered_copies_with_their_own_figures(tmp_path):
    own = lectures()
    root = grown_course(tmp_path, len(own) + 2)
    first, copies = lectures(root)[0], lectures(root)[len(own):]
    assert [lecture.number for lecture in lectures(root)] == [lecture.number for lecture in own] + ["9.1.1", "9.1.2"]
    for lecture in copies:
        text = lecture.source.read_text(encoding="utf-8")
        assert f"\n{lecture.number} Environment management\n" in text  # its title carries its own number
        assert f"\n{first.number} " not in text
        assert f"/_static/{first.id}/" not in text and f"/_static/{lecture.id}/" in text
        assert sorted(p.name for p in lecture.figures.iterdir()) == sorted(p.name for p in first.figures.iterdir())
    assert not (root / ".git").exists() and not (root / "_build").exists()


def test_a_course_grown_to_its_own_size_is_the_course_itself(tmp_path):
    assert [lecture.name for lecture in lectures(grown_course(tmp_path, len(lectures())))] == \
        [lecture.name for lecture in lectures()]


@pytest.mark.parametrize("text, python", [("pinned=.venv", ".venv/bin/python"),
                                          ("current=/opt/venv/bin/python3.12", "/opt/venv/bin/python3.12")])
def test_a_stack_is_a_name_and_a_venv_or_its_python(text, python):
    name, path = parse_stack(text)
    assert name == text.split("=")[0] and str(path) == python


@pytest.mark.parametrize("text", ["pinned", "=.venv", "pinned="])
def test_a_stack_without_a_name_or_a_venv_is_refused(text):
    with pytest.raises(argparse.ArgumentTypeError):
        parse_stack(text)


def figures(clean):
    """One stack's figures: builds taking 2 s bare, clean s clean, a tenth of that to rebuild;
    at 60 lectures the bare build takes 3 s and the clean one twice as long as at 30."""
    times = {"bare": 2.0, "clean": clean, "again": clean / 10, "edit": clean / 4}
    large = {**times, "serve": clean / 5}
    return {"sphinx": "6.2.1", "builds": {1: times, 10: times, 30: large,
                                          60: {**large, "bare": 3.0, "clean": clean * 2}},
            "weights": [(120_000, 9), (350_000, 14)], "site": 3_500_000}


def test_the_table_has_a_column_a_stack_and_says_which_goals_are_met():
    rows = dict(rows_of({"pinned": figures(2.4), "current": figures(3.4)}, runs=3, runs_large=1))
    assert rows["Sphinx"] == {"pinned": "6.2.1", "current": "6.2.1"}
    assert rows["10 lectures (median of 3)"] is None and rows["60 lectures (median of 1)"] is None
    # a label repeats for each size: the row kept is the last size's, 60 lectures
    assert rows["  clean build, handbook + deck / bare"]["pinned"] == "1.60x (4.80 s)"
    assert rows["  clean build / bare build <= 1.6"] == {"pinned": "1.20 met", "current": "1.70 not met"}
    assert rows["  make serve, save to both served / bare build <= 0.25"]["pinned"] == "0.24 met"
    # from 30 to 60 lectures: the bare build 1 s more, 33 ms a lecture; the clean build 2.4 s more
    assert rows["  bare html build, a lecture"]["pinned"] == "33 ms"
    assert rows["  clean build, a lecture"]["pinned"] == "80 ms"
    assert rows["  clean build at 60 / at 30 <= 2"] == {"pinned": "2.00 met", "current": "2.00 met"}
    assert rows["  deck's first slide <= 150 kB"]["pinned"] == "120 kB, 9 requests met"
    assert rows["  lecture's handbook page <= 300 kB"]["pinned"] == "350 kB, 14 requests not met"
    assert rows["  whole site, PDFs included <= 4 MB"]["current"] == "3.50 MB met"
