"""The progress bar (deck/progress.js): a thin bar along the deck's bottom edge that grows as the
deck moves on and spans the window on the last slide, from the disk and from a server. Page
errors are failures; each check has a break test."""

import pytest

from browsing import (DECKS, DECK_BUNDLE, LECTURE_DECK, ONE_STACK, deck_state,
                      expect_slide, go_to_slide, inject, no_errors, open_deck, remove_module)

pytestmark = ONE_STACK


# The bar as the audience sees it: its drawn width, and whether it sits on the window's bottom edge.
BAR = """() => {
  const bars = [...document.querySelectorAll('.deck-progress > div')].filter(b => b.checkVisibility());
  if (bars.length !== 1) return {shown: bars.length};
  const r = bars[0].getBoundingClientRect();
  return {shown: 1, width: r.width, window: innerWidth, atBottom: Math.abs(r.bottom - innerHeight) < 1};
}"""


def bar_width(page, where):
    """The bar's width as a share of the window's (0 to 1) on the slide the deck shows."""
    bar = page.evaluate(BAR)
    assert bar["shown"] == 1, f"{where}: {bar['shown']} progress bars are shown, not one"
    assert bar["atBottom"], f"{where}: the progress bar is not on the window's bottom edge"
    return bar["width"] / bar["window"]


def check_progress(browser, url):
    """The bar grows with every slide forward, spans the window on the last slide, and shrinks
    back when the deck returns to its start."""
    context, page, traffic = open_deck(browser, url)
    try:
        count = deck_state(page)["count"]
        widths = [bar_width(page, "on slide 1")]
        for n in range(2, min(count, 4) + 1):
            go_to_slide(page, n)
            widths.append(bar_width(page, f"on slide {n}"))
        assert all(a < b for a, b in zip(widths, widths[1:])), \
            f"the progress bar does not grow as the deck moves on: {widths}"
        page.keyboard.press("End")
        expect_slide(page, count, after="End")
        last = bar_width(page, "on the last slide")
        assert last > 0.99, f"on the last slide the progress bar spans {last:.0%} of the window"
        page.keyboard.press("Home")
        expect_slide(page, 1, after="Home")
        assert bar_width(page, "back on slide 1") == widths[0], "the bar does not go back with the deck"
        no_errors(traffic, url)
    finally:
        context.close()


@pytest.mark.parametrize("deck", DECKS)
def test_the_bar_grows_with_the_deck_and_ends_on_the_last_slide(chromium, site_url, deck):
    check_progress(chromium, site_url(deck))


def test_a_deck_without_its_progress_module_fails_the_progress_check(chromium, site_copy):
    remove_module(site_copy, DECK_BUNDLE, "deck/progress")
    with pytest.raises(AssertionError, match="0 progress bars are shown"):
        check_progress(chromium, (site_copy / LECTURE_DECK).as_uri())


def test_a_bar_that_stops_short_fails_the_progress_check(chromium, site_copy):
    """A bar that moves but never reaches the end: the last slide's check sees it."""
    inject(site_copy / LECTURE_DECK, "<style>.deck-progress > div { max-width: 90%; }</style>")
    with pytest.raises(AssertionError, match="on the last slide the progress bar spans 90%"):
        check_progress(chromium, (site_copy / LECTURE_DECK).as_uri())


def test_a_bar_that_stands_still_fails_the_progress_check(chromium, site_copy):
    inject(site_copy / LECTURE_DECK, "<style>.deck-progress > div { width: 50% !important; }</style>")
    with pytest.raises(AssertionError, match="does not grow"):
        check_progress(chromium, (site_copy / LECTURE_DECK).as_uri())
