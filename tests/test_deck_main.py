"""The deck's entry module (deck/main.js, bundled into js/deck.js): every concern it starts is at
work once the deck has loaded, and once only. On a tablet: the page is as wide as the screen, one
progress bar and one live region are there, one key press or one tap moves one slide, and t, b, ?,
f and c each do their thing, one press on, one press off (a concern started twice would undo its
own press). Page errors are failures; the break tests take each concern out, or start one twice."""

import pytest
from playwright.sync_api import Error as PlaywrightError

from browsing import (DECK_BUNDLE, LECTURE_DECK, ONE_STACK, deck_state,
                      expect_slide, module_span, no_errors, remove_module, until)
from test_deck_viewport import open_handheld

pytestmark = ONE_STACK

TABLET = {"width": 768, "height": 1024}
# Slides drawn inside the window: the current one, or all of them in the overview.
SLIDES_SHOWN = """() => [...document.querySelectorAll('section.slides > article')].map(s => s.getBoundingClientRect())
  .filter(r => r.width > 50 && r.left >= -1 && r.top >= -1 && r.right <= innerWidth + 1 && r.bottom <= innerHeight + 1).length"""


def shown(page, selector):
    return sum(page.locator(selector).nth(i).is_visible() for i in range(page.locator(selector).count()))


def check_every_concern_once(browser, url):
    context, page, traffic = open_handheld(browser, url, TABLET)
    try:
        width, count = page.evaluate("innerWidth"), deck_state(page)["count"]
        assert width == TABLET["width"], f"the deck is laid out {width}px wide on a {TABLET['width']}px screen"
        assert shown(page, ".deck-progress") == 1, f"{shown(page, '.deck-progress')} progress bars, not one"
        regions = page.locator("[role=status][aria-live=polite]").count()
        assert regions == 1, f"{regions} live regions announce the slides, not one"

        page.keyboard.press("ArrowRight")
        expect_slide(page, 2, after="one ArrowRight")
        page.touchscreen.tap(0.85 * TABLET["width"], TABLET["height"] / 2)
        expect_slide(page, 3, after="one tap on the right third")
        page.keyboard.press("End")
        expect_slide(page, count, after="End")

        page.keyboard.press("t")
        assert page.evaluate(SLIDES_SHOWN) == count, "t does not show every slide in the overview"
        page.keyboard.press("t")
        assert page.evaluate(SLIDES_SHOWN) == 1, "t again does not leave the overview"

        page.keyboard.press("b")
        assert shown(page, ".deck-blackout") == 1, "b does not black the screen out"
        page.keyboard.press("b")
        assert shown(page, ".deck-blackout") == 0, "b again does not bring the deck back"

        page.keyboard.press("?")
        assert shown(page, "[role=dialog]") == 1, "? does not show the keys"
        page.keyboard.press("Escape")
        assert shown(page, "[role=dialog]") == 0, "Esc does not close the keys"

        page.keyboard.press("f")
        until(page, "() => document.fullscreenElement", "f does not put the deck in full screen")
        page.keyboard.press("f")
        until(page, "() => !document.fullscreenElement", "f again does not leave full screen")

        try:
            with context.expect_page(timeout=2_000):
                page.keyboard.press("c")
        except PlaywrightError:
            pass  # no window opened: counted below
        pages = len(context.pages)
        assert pages == 2, f"c opens {pages - 1} presenter consoles, not one"
        no_errors(traffic, url)
    finally:
        context.close()


def test_every_concern_is_at_work_once(chromium, site_url):
    check_every_concern_once(chromium, site_url(LECTURE_DECK))


# What the check says when the entry module does not start a concern.
MISSING = {
    "deck/viewport": "laid out 1100px wide",
    "deck/keys": "after one ArrowRight",
    "deck/nav": "after one ArrowRight",  # keys.js sends the arrows to nav.js alone
    "deck/a11y": "0 live regions",
    "deck/progress": "0 progress bars",
    "deck/overview": "t does not show every slide",
    "deck/blackout": "b does not black",
    "deck/fullscreen": "f does not put",
    "deck/help": r"\? does not show",
    "deck/console": "c opens 0 presenter consoles",
    "deck/touch": "after one tap",
}


@pytest.mark.parametrize("module", MISSING)
def test_a_deck_without_a_concern_fails_the_check(chromium, site_copy, module):
    remove_module(site_copy, DECK_BUNDLE, module)
    with pytest.raises(AssertionError, match=MISSING[module]):
        check_every_concern_once(chromium, (site_copy / LECTURE_DECK).as_uri())


def start_twice(site, module):
    """Run a module's part of the deck's bundle a second time, as a second entry would."""
    path = site / DECK_BUNDLE
    text = path.read_text(encoding="utf-8")
    start, end = module_span(text, module)
    path.write_text(text[:end] + "\n" + text[start:end] + text[end:], encoding="utf-8")


@pytest.mark.parametrize("module, message", [("deck/progress", "2 progress bars"),
                                             ("deck/blackout", "b again does not bring the deck back")])
def test_a_concern_started_twice_fails_the_check(chromium, site_copy, module, message):
    start_twice(site_copy, module)
    with pytest.raises(AssertionError, match=message):
        check_every_concern_once(chromium, (site_copy / LECTURE_DECK).as_uri())
