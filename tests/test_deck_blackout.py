"""Blackout (deck/blackout.js): b or . blacks out the slide and brings it back, as Esc does."""

import pytest

from browsing import DECK_BUNDLE, LECTURE_DECK, ONE_STACK, open_deck, remove_module

pytestmark = ONE_STACK


BLACK_AT_CENTRE = """() => { const e = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
  return !e.closest('section.slides') && getComputedStyle(e).backgroundColor === 'rgb(0, 0, 0)'; }"""


def check_blackout(browser, url):
    context, page, traffic = open_deck(browser, url)
    try:
        for key in ("b", "."):
            page.keyboard.press(key)
            assert page.evaluate(BLACK_AT_CENTRE), f"{key} does not black out the slide"
            page.keyboard.press(key)
            assert not page.evaluate(BLACK_AT_CENTRE), f"{key} again does not bring the slide back"
        page.keyboard.press("b")
        page.keyboard.press("Escape")
        assert not page.evaluate(BLACK_AT_CENTRE), "Esc does not bring the slide back"
    finally:
        context.close()


def test_blackout_hides_the_slide(chromium, server):
    check_blackout(chromium, server + LECTURE_DECK)


def test_a_deck_without_blackout_fails_the_blackout_check(chromium, site_copy):
    remove_module(site_copy, DECK_BUNDLE, "deck/blackout")
    with pytest.raises(AssertionError, match="does not black out"):
        check_blackout(chromium, (site_copy / LECTURE_DECK).as_uri())
