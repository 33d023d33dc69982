"""The rehearsal (console/rehearsal.js): d in the console downloads the seconds spent on each slide,
and `make rehearsal` says where a rehearsal ran long."""

import json


from browsing import LECTURE_DECK, ONE_STACK, deck_and_console
from repo import make
from tools.rehearsal import compare

pytestmark = ONE_STACK


def test_rehearsal_records_seconds_per_slide(chromium, server, tmp_path):
    context, page, console, traffic = deck_and_console(chromium, server + LECTURE_DECK, clock=True)
    try:
        for slide, seconds in [(2, 30), (3, 90), (4, 0)]:
            page.keyboard.press("ArrowRight")
            # the console takes the move before the clock runs on, as it does in class
            console.wait_for_function(
                f"() => document.querySelector('#cur_slide_num').textContent === '{slide}'")
            context.clock.run_for(seconds * 1000)
        with console.expect_download() as download:
            console.keyboard.press("d")
        path = tmp_path / "rehearsal.json"
        download.value.save_as(path)
    finally:
        context.close()
    rehearsal = json.loads(path.read_text())
    seconds = [slide["seconds"] for slide in rehearsal["slides"]]
    assert [round(s) for s in seconds[:4]] == [0, 30, 90, 0], seconds[:4]
    assert rehearsal["plan"]["sections"], "the rehearsal carries no plan"
    assert all(slide["section"] for slide in rehearsal["slides"])
    result = make("rehearsal", f"FILE={path}")
    assert "part" in result.stdout and "No part ran long." in result.stdout, result.stdout


def generated_rehearsal(minutes_on_first_part):
    plan = {"duration": 10, "sections": [{"id": "a", "title": "Part A", "minutes": 4},
                                         {"id": "b", "title": "Part B", "minutes": 6}]}
    slides = [{"number": 1, "id": "a", "title": "A", "section": "a", "seconds": minutes_on_first_part * 60},
              {"number": 2, "id": "b", "title": "B", "section": "b", "seconds": 300}]
    return {"lecture": "Test", "plan": plan, "slides": slides}


def test_make_rehearsal_says_where_it_ran_long(tmp_path):
    path = tmp_path / "long.json"
    path.write_text(json.dumps(generated_rehearsal(7)))
    result = make("rehearsal", f"FILE={path}")
    assert "Ran long: Part A (+3.0 min)" in result.stdout, result.stdout
    assert [long for *_, long in compare(generated_rehearsal(4.5))] == [False, False]


def test_make_rehearsal_without_a_file_says_so():
    result = make("rehearsal", check=False)
    assert result.returncode != 0 and "FILE=" in result.stderr
