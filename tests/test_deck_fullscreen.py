"""Full screen (deck/fullscreen.js): f puts the deck in full screen, and f again takes it out."""

import pytest
from playwright.sync_api import Error as PlaywrightError

from browsing import DECK_BUNDLE, LECTURE_DECK, ONE_STACK, open_deck, remove_module

pytestmark = ONE_STACK


def check_fullscreen(browser, url):
    """f puts the deck in full screen, and f again takes it out."""
    context, page, _ = open_deck(browser, url)
    try:
        for pressed, wanted in [("f", "!!"), ("f again", "!")]:
            page.keyboard.press("f")
            try:
                page.wait_for_function(f"() => {wanted}document.fullscreenElement", timeout=2_000)
            except PlaywrightError:
                raise AssertionError(f"{pressed}: the deck is {'not ' * (wanted == '!!')}in full screen")
    finally:
        context.close()


def test_f_toggles_full_screen(chromium, server):
    check_fullscreen(chromium, server + LECTURE_DECK)


def test_a_deck_without_its_fullscreen_module_fails_the_fullscreen_check(chromium, site_copy):
    remove_module(site_copy, DECK_BUNDLE, "deck/fullscreen")
    with pytest.raises(AssertionError, match="not in full screen"):
        check_fullscreen(chromium, (site_copy / LECTURE_DECK).as_uri())
