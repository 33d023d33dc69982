"""tools/class_report.py: one offline page from a folder of checker reports (`make class-report
DIR=reports`): each step's pass rate, and the step where most of the room is stuck, with the
hint and the slide to revisit. (That the checker writes such reports is the exercise's own test,
exercises/practice_env/tests/test_practice_env_loop.py.)"""

import json

import pytest

from pages import read
from repo import clone_repository, make
from tools import class_report

STEPS = ["env", "packages", "export"]


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    """A copy of the repository, where the tests type make as a user does."""
    return clone_repository(tmp_path_factory.mktemp("clone"))


def write_report(folder, name, statuses, hint=""):
    """A student's report: the steps with their statuses, failing ones with the hint and links."""
    steps = [{"id": step, "status": status, "message": "...", "hint": hint if status == "fail" else "",
              "slide": f"../slides/l.html#{step}", "handbook": f"../l.html#{step}"}
             for step, status in zip(STEPS, statuses)]
    ok = all(status != "fail" for status in statuses)
    (folder / f"{name}.json").write_text(json.dumps({"ok": ok, "steps": steps}), encoding="utf-8")


@pytest.fixture
def room(tmp_path):
    """Five students: three stuck at packages (one of them failing export too), one at export, one
    done; and a file that is not a report."""
    write_report(tmp_path, "ann", ["pass", "fail", "fail"], hint="pin the versions")
    write_report(tmp_path, "bob", ["pass", "fail", "skip"], hint="pin the versions")
    write_report(tmp_path, "cy", ["pass", "fail", "pass"], hint="install pandas")
    write_report(tmp_path, "dee", ["pass", "pass", "fail"], hint="export again")
    write_report(tmp_path, "eve", ["pass", "pass", "pass"])
    (tmp_path / "notes.json").write_text("not a report", encoding="utf-8")
    return tmp_path


def rows(page):
    return [[cell.get_text(" ", strip=True) for cell in row.select("td")] for row in page.select("table tr")[1:]]


def test_the_page_shows_where_the_room_is_stuck_and_each_step_s_pass_rate(room):
    assert class_report.main([str(room)]) == 0
    page = read(room, "class-report.html")
    stuck = page.select_one(".stuck").get_text(" ", strip=True)
    assert "packages , the first failing step of 3 students" in stuck
    assert "The checker's hint: pin the versions" in stuck  # the commonest of the three
    assert [a["href"] for a in page.select(".stuck a")] == ["../slides/l.html#packages", "../l.html#packages"]
    # step, pass rate, passed, failed, not checked, stuck here, revisit
    assert [row[:6] for row in rows(page)] == [["env", "100%", "5", "0", "0", "0"],
                                               ["packages", "40%", "2", "3", "0", "3"],
                                               ["export", "50%", "2", "2", "1", "1"]]
    assert "1 of 5 students pass every step" in page.text()
    assert "Not reports, left out: notes.json" in page.text()


def test_the_page_fetches_nothing(room):
    class_report.main([str(room)])
    text = (room / "class-report.html").read_text(encoding="utf-8")
    assert "<script" not in text and "http" not in text and "<link" not in text


def test_a_room_where_nobody_is_stuck_has_no_stuck_step(tmp_path):
    write_report(tmp_path, "eve", ["pass", "pass", "skip"])
    class_report.main([str(tmp_path)])
    page = read(tmp_path, "class-report.html")
    assert page.select_one(".stuck") is None
    assert rows(page)[2][1] == "–"  # export: checked by nobody, no rate


def test_reports_with_the_wrong_shape_are_left_out(tmp_path):
    write_report(tmp_path, "good", ["pass", "pass", "pass"])
    for name, text in [("list", "[]"), ("no_steps", "{}"), ("status", '{"steps": [{"id": "env", "status": "ok"}]}'),
                       ("id", '{"steps": [{"id": 1, "status": "pass"}]}')]:
        (tmp_path / f"{name}.json").write_text(text, encoding="utf-8")
    (tmp_path / "latin1.json").write_bytes(b'{"steps": [], "name": "\xe9"}')
    reports, skipped = class_report.read_reports(tmp_path)
    assert len(reports) == 1
    assert skipped == ["id.json", "latin1.json", "list.json", "no_steps.json", "status.json"]


def test_an_empty_folder_is_refused(tmp_path, capsys):
    (tmp_path / "notes.json").write_text("not a report", encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        class_report.main([str(tmp_path)])
    assert stop.value.code == 2 and "holds no checker reports" in capsys.readouterr().err
    assert not (tmp_path / "class-report.html").exists()


def test_make_class_report_writes_the_page_in_the_folder(clone, room):
    result = make("class-report", f"DIR={room}", check=False, cwd=clone)
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(f"\n{room / 'class-report.html'}: 5 reports, 1 other files left out\n")
    assert read(room, "class-report.html").select_one(".stuck")


def test_make_class_report_without_a_folder_asks_for_one(clone):
    result = make("class-report", check=False, cwd=clone)
    assert result.returncode != 0 and "make class-report DIR=reports" in result.stderr
