"""The presenter console's clock, timer and pacing (console/timer.js), with Playwright's mocked
clock; each check has a break test."""

import re

import pytest

from browsing import (CONSOLE_BUNDLE, DECKS, LECTURE_DECK, ONE_STACK,
                      deck_and_console, remove_module, text)

pytestmark = ONE_STACK


def check_clock_and_timer(browser, url):
    context, page, console, traffic = deck_and_console(browser, url, clock=True)
    try:
        assert text(console, "#console-clock") == "09:00", "the console shows no clock"
        assert text(console, "#console-elapsed") == "0:00"
        context.clock.run_for(90_000)
        assert text(console, "#console-clock") == "09:01", "the clock does not advance"
        assert text(console, "#console-elapsed") == "0:00", "the timer ran before the first move"
        page.keyboard.press("ArrowRight")
        context.clock.run_for(65_000)
        assert text(console, "#console-elapsed") in ("1:04", "1:05"), "the timer does not count from the first move"
        console.keyboard.press("p")
        context.clock.run_for(60_000)
        paused = text(console, "#console-elapsed")
        assert paused in ("1:04", "1:05"), "p does not pause the timer"
        console.keyboard.press("p")
        context.clock.run_for(5_000)
        assert text(console, "#console-elapsed") in ("1:09", "1:10"), "p does not resume the timer"
        console.keyboard.press("r")
        assert text(console, "#console-elapsed") == "0:00", "r does not reset the timer"
        assert traffic.page_errors == []
    finally:
        context.close()


def test_console_clock_and_timer(chromium, server):
    check_clock_and_timer(chromium, server + LECTURE_DECK)


def test_a_console_without_its_timer_fails_the_clock_check(chromium, site_copy):
    remove_module(site_copy, CONSOLE_BUNDLE, "console/timer")
    with pytest.raises(AssertionError, match="no clock"):
        check_clock_and_timer(chromium, (site_copy / LECTURE_DECK).as_uri())


def check_pacing(browser, url):
    """Staying on slide 2 for 10 minutes is behind the plan; the last slide at 10 minutes is ahead."""
    context, page, console, traffic = deck_and_console(browser, url, clock=True)
    try:
        plan = text(console, "#console-plan")
        assert re.fullmatch(r"\d+ minutes, \d+ minutes left", plan), f"the console shows no plan: {plan!r}"
        page.keyboard.press("ArrowRight")
        context.clock.run_for(1_000)
        first = text(console, "#console-pacing")
        assert first.startswith("On time."), f"on slide 2 after a second: {first!r}"
        context.clock.run_for(10 * 60_000)
        behind = text(console, "#console-pacing")
        assert behind.startswith("Behind by "), f"on slide 2 after 10 minutes: {behind!r}"
        page.keyboard.press("End")
        console.wait_for_function("() => !document.querySelector('#console-pacing').textContent.startsWith('Behind')")
        ahead = text(console, "#console-pacing")
        assert ahead.startswith("Ahead by "), f"on the last slide after 10 minutes: {ahead!r}"
        assert "The plan is at \u201c" in ahead
        assert traffic.page_errors == []
    finally:
        context.close()


def test_pacing_follows_the_plan(chromium, server):
    check_pacing(chromium, server + LECTURE_DECK)


def test_a_deck_without_a_plan_fails_the_pacing_check(chromium, site_copy):
    page = site_copy / LECTURE_DECK
    page.write_text(re.sub(r'<script type="application/json" id="lecture-plan">.*?</script>', "",
                           page.read_text(encoding="utf-8"), flags=re.S), encoding="utf-8")
    with pytest.raises(AssertionError, match="no plan"):
        check_pacing(chromium, page.as_uri())


def test_a_deck_without_a_plan_shows_no_pacing_and_no_error(chromium, server):
    context, page, console, traffic = deck_and_console(chromium, server + DECKS[0])
    try:
        page.keyboard.press("ArrowRight")
        assert text(console, "#console-plan") == "no plan in this lecture"
        assert text(console, "#console-pacing") == ""
        assert traffic.page_errors == []
    finally:
        context.close()
