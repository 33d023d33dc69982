"""The deck on touch screens (a phone both ways, a tablet): a swipe left or right moves it (sent
through Chromium's DevTools as touch events), and so does a tap on the right or left third of the
screen (_static/js/deck/touch.js); a tap in the middle leaves it. Page errors and console errors
are failures; each check has a break test."""

import pytest

from browsing import (LECTURE_DECK, ONE_STACK, expect_slide, inject, no_errors,
                      remove_module)
from test_deck_viewport import HANDHELDS, open_handheld

pytestmark = ONE_STACK


def swipe(cdp, from_x, to_x, y):
    """A finger drawn across the screen, in steps, as a hand does."""
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": from_x, "y": y}]})
    for step in range(1, 6):
        x = from_x + (to_x - from_x) * step / 5
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y}]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def check_touch(browser, url):
    for viewport in HANDHELDS:
        w, h = viewport["width"], viewport["height"]
        size = f"{w}x{h}"
        context, page, traffic = open_handheld(browser, url, viewport)
        cdp = context.new_cdp_session(page)
        try:
            expect_slide(page, 1, after=f"opening the deck at {size}")
            swipe(cdp, 0.8 * w, 0.2 * w, h / 2)
            expect_slide(page, 2, after=f"a swipe left at {size}")
            swipe(cdp, 0.2 * w, 0.8 * w, h / 2)
            expect_slide(page, 1, after=f"a swipe right at {size}")
            page.touchscreen.tap(0.85 * w, h / 2)
            expect_slide(page, 2, after=f"a tap on the right third at {size}")
            page.touchscreen.tap(0.5 * w, h / 2)
            expect_slide(page, 2, after=f"a tap in the middle at {size}")
            page.touchscreen.tap(0.15 * w, h / 2)
            expect_slide(page, 1, after=f"a tap on the left third at {size}")
            no_errors(traffic, url)
        finally:
            cdp.detach()
            context.close()


def test_swipes_and_taps_move_the_deck(chromium, site_url):
    check_touch(chromium, site_url(LECTURE_DECK))


def test_a_deck_without_its_touch_module_fails_the_tap_check(chromium, site_copy):
    remove_module(site_copy, "slides/_static/js/deck.js", "deck/touch")
    with pytest.raises(AssertionError, match="a tap on the right third"):
        check_touch(chromium, (site_copy / LECTURE_DECK).as_uri())


def test_a_deck_deaf_to_swipes_fails_the_swipe_check(chromium, site_copy):
    inject(site_copy / LECTURE_DECK, "<script>window.addEventListener('touchstart', "
                                       "e => e.stopPropagation(), true);</script>")
    with pytest.raises(AssertionError, match="a swipe left"):
        check_touch(chromium, (site_copy / LECTURE_DECK).as_uri())
