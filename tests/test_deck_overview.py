"""The overview (deck/overview.js): t shows every slide in the window; arrows and Enter, or a
click, open one. The break test takes the module out of the deck's bundle."""

import pytest

from browsing import (DECKS, DECK_BUNDLE, LECTURE_DECK, ONE_STACK, deck_state,
                      expect_slide, open_deck, remove_module)

pytestmark = ONE_STACK


def check_overview(browser, url):
    """t shows every slide in the window; arrows and Enter, or a click, open one."""
    context, page, traffic = open_deck(browser, url)
    try:
        count = deck_state(page)["count"]
        page.keyboard.press("t")
        boxes = page.eval_on_selector_all("section.slides > article", """slides => slides.map(s => {
            const r = s.getBoundingClientRect(); return r.width > 50 && r.left >= 0 && r.top >= 0
            && r.right <= innerWidth && r.bottom <= innerHeight; })""")
        assert len(boxes) == count and all(boxes), \
            f"{url}: the overview shows {sum(boxes)} of {count} slides whole in the window"
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowDown")
        page.keyboard.press("ArrowLeft")
        page.keyboard.press("ArrowUp")
        page.keyboard.press("ArrowRight")
        page.keyboard.press("Enter")
        expect_slide(page, 2, after="ArrowRight, Down, Left, Up, Right and Enter in the overview")
        page.keyboard.press("t")
        page.locator("section.slides > article").nth(count - 1).click()
        expect_slide(page, count, after="a click on the last slide in the overview")
        assert traffic.page_errors == []
    finally:
        context.close()


@pytest.mark.parametrize("deck", DECKS)
def test_overview_fits_the_window_and_opens_a_slide(chromium, server, deck):
    check_overview(chromium, server + deck)


def test_a_deck_without_its_overview_fails_the_overview_check(chromium, site_copy):
    remove_module(site_copy, DECK_BUNDLE, "deck/overview")
    with pytest.raises(AssertionError, match="the overview shows"):
        check_overview(chromium, (site_copy / LECTURE_DECK).as_uri())
