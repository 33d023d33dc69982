"""tools/rehearsal.py: a rehearsal the presenter console downloaded, against the lecture's plan,
part by part, and `make rehearsal FILE=...` as the presenter types it. (The download itself, from
the console in Chromium, is tests/test_presenter.py's.)"""

import json
import re

import pytest

from repo import clone_repository, make
from tools.rehearsal import compare


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    """A copy of the repository, where the tests type make as a user does."""
    return clone_repository(tmp_path_factory.mktemp("clone"))


def rehearsal(*parts, duration=None):
    """A rehearsal of parts given as (title, planned minutes, [seconds of each of its slides])."""
    sections = [{"id": f"part-{n}", "title": title, "minutes": planned}
                for n, (title, planned, _) in enumerate(parts)]
    slides = [{"id": f"s{n}-{i}", "title": f"{title}, slide {i + 1}", "section": f"part-{n}", "seconds": seconds}
              for n, (title, _, spent) in enumerate(parts) for i, seconds in enumerate(spent)]
    for number, slide in enumerate(slides, start=1):
        slide["number"] = number
    plan = {"sections": sections}
    if duration is not None:
        plan["duration"] = duration
    return {"lecture": "1.1.1 Environment management", "plan": plan, "slides": slides}


def test_each_part_sums_its_slides_in_the_plan_s_order():
    rows = compare(rehearsal(("Why", 5, [60, 120]), ("How", 10, [300, 0, 240])))
    assert [(title, planned, round(minutes, 2)) for title, planned, minutes, _ in rows] == [
        ("Why", 5, 3.0), ("How", 10, 9.0)]


def test_a_part_runs_long_past_a_minute_or_a_tenth_of_its_plan_whichever_is_more():
    def ran_long(planned, spent_minutes):
        (_, _, _, long), = compare(rehearsal(("Part", planned, [spent_minutes * 60])))
        return long
    assert not ran_long(5, 6) and ran_long(5, 6.1)       # a short part: a minute of slack
    assert not ran_long(30, 33) and ran_long(30, 33.1)   # a long one: a tenth of it


def test_slides_outside_every_part_count_for_no_part():
    data = rehearsal(("Only part", 2, [60]))
    data["slides"].append({"number": 9, "id": "end", "title": "Questions?", "section": None, "seconds": 900})
    assert [(minutes, long) for _, _, minutes, long in compare(data)] == [(1.0, False)]


def test_a_rehearsal_without_a_plan_has_nothing_to_compare():
    assert compare({"slides": [{"number": 1, "title": "A", "section": None, "seconds": 10}]}) == []


def run_make(clone, tmp_path, data):
    path = tmp_path / "rehearsal.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return make("rehearsal", f"FILE={path}", check=False, cwd=clone)


def printed(result):
    """What the tool printed, after the command make echoes."""
    echo, *lines = result.stdout.splitlines()
    assert re.match(r"\.venv(-current)?/bin/python -m tools\.rehearsal ", echo), echo
    return lines


def test_make_rehearsal_prints_the_table_and_where_it_ran_long(clone, tmp_path):
    result = run_make(clone, tmp_path, rehearsal(("Why", 5, [60, 120]), ("How to pin", 10, [700, 300]), duration=15))
    assert result.returncode == 0, result.stderr
    lines = printed(result)
    assert lines[0].split() == ["part", "planned", "rehearsed"]
    assert lines[1].split() == ["Why", "5", "min", "3.0", "min"]
    assert lines[2].split() == ["How", "to", "pin", "10", "min", "16.7", "min", "ran", "long"]
    assert lines[3].split() == ["total", "15", "min", "19.7", "min"]
    assert "Ran long: How to pin (+6.7 min)" in lines
    # the slowest slide first
    assert lines[-1] == ("Longest slides: 3 'How to pin, slide 1' (11.7 min), 4 'How to pin, slide 2' (5.0 min), "
                         "2 'Why, slide 2' (2.0 min)")


def test_make_rehearsal_on_time_says_so(clone, tmp_path):
    result = run_make(clone, tmp_path, rehearsal(("Why", 5, [290])))
    assert "No part ran long." in printed(result), result.stdout


def test_make_rehearsal_without_a_plan_says_so(clone, tmp_path):
    result = run_make(clone, tmp_path, {"lecture": "1.1.1", "slides": [{"number": 1, "title": "A", "seconds": 5}]})
    assert result.returncode == 0 and printed(result) == ["1.1.1: no plan (minutes per part) to compare with."]


def test_make_rehearsal_on_a_file_that_is_not_json_fails_naming_it(clone, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("not json", encoding="utf-8")
    result = make("rehearsal", f"FILE={path}", check=False, cwd=clone)
    assert result.returncode != 0 and f"rehearsal: cannot read {path}" in result.stderr


def test_make_rehearsal_without_a_file_asks_for_one(clone):
    result = make("rehearsal", check=False, cwd=clone)
    assert result.returncode != 0 and "make rehearsal FILE=rehearsal.json" in result.stderr
