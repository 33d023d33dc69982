"""Moving through the deck (deck/nav.js): walking it with the right arrow ends on its last slide,
and the last slide's address opens it. (Every key: test_deck_keys.py.)"""

import pytest

from browsing import (DECKS, DECK_BUNDLE, LECTURE_DECK, ONE_STACK, deck_state,
                      expect_slide, go_to_slide, open_deck, remove_module)
from tools.browser import wait_for_deck

pytestmark = ONE_STACK


def check_last_slide_reachable(browser, url):
    """Walking the deck with the right arrow ends on its last slide, and stays there."""
    context, page, _ = open_deck(browser, url)
    try:
        count = deck_state(page)["count"]
        go_to_slide(page, count)
        page.keyboard.press("ArrowRight")
        expect_slide(page, count, after="ArrowRight on the last slide")
        # and the address of the last slide opens it
        page.goto(url.split("#")[0] + f"#{count}")
        page.reload()
        wait_for_deck(page)
        expect_slide(page, count, after=f"opening #{count}")
    finally:
        context.close()


@pytest.mark.parametrize("deck", DECKS)
def test_last_slide_is_reachable(chromium, site_url, deck):
    check_last_slide_reachable(chromium, site_url(deck))


def test_a_deck_without_its_nav_module_fails_the_last_slide_check(chromium, site_copy):
    """slides.js still walks the deck, but End and a changed address no longer move it."""
    remove_module(site_copy, DECK_BUNDLE, "deck/nav")
    with pytest.raises(AssertionError, match="the deck shows slide"):
        check_last_slide_reachable(chromium, (site_copy / LECTURE_DECK).as_uri())
