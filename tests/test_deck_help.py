"""The help (deck/help.js): ? lists every key that does something in the deck, from the one list
in _ext/deck_keys.py; a key that acts but is not listed fails, as does a missing row."""

import pytest

from browsing import LECTURE_DECK, ONE_STACK, inject, no_errors, open_deck
from course.deck_keys import label

pytestmark = ONE_STACK


# Keys a presenter or a clicker could press: letters, punctuation, named keys.


PROBES = ([chr(c) for c in range(ord("a"), ord("z") + 1)] + list(".,;/?-=[]#'!")
          + ["ArrowRight", "ArrowLeft", "ArrowUp", "ArrowDown", "Space", "Shift+Space", "PageDown",
             "PageUp", "Home", "End", "Enter", "Escape", "Backspace", "F5", "Delete"])


SIGNATURE = """() => ({
  slide: location.hash,
  overview: document.querySelector('section.slides').classList.contains('table'),
  blackout: !!document.querySelector('.deck-blackout:not([hidden])'),
  help: !!document.querySelector('.deck-help:not([hidden])'),
  fullscreen: !!document.fullscreenElement,
})"""


def help_labels(page):
    page.keyboard.press("?")
    page.wait_for_selector(".deck-help", state="visible", timeout=1_000)
    rows = page.eval_on_selector_all(
        ".deck-help tr", "rows => rows.map(r => [...r.querySelectorAll('kbd')].map(k => k.textContent))")
    page.keyboard.press("Escape")
    return {name for row in rows for name in row}


def check_help_lists_every_bound_key(browser, url):
    """Every probed key that changes the deck (or opens a window) is listed in the help."""
    context, page, traffic = open_deck(browser, url + "#2")
    try:
        listed = help_labels(page)
        assert listed, f"{url}: the help lists no key"
        unlisted = []
        for key in PROBES:
            before = page.evaluate(SIGNATURE)
            pages = len(context.pages)
            page.keyboard.press(key)
            page.wait_for_timeout(20)
            acted = page.evaluate(SIGNATURE) != before or len(context.pages) != pages
            if acted:
                if label(key) not in listed:
                    unlisted.append(key)
                for extra in context.pages[1:]:
                    extra.close()
                page.goto("about:blank")
                page.goto(url + "#2")
                page.wait_for_selector("body.loaded", state="attached")
        assert unlisted == [], f"{url}: keys that act but are not in the help: {unlisted}"
        no_errors(traffic, url)
    finally:
        context.close()


def test_help_lists_every_key_the_deck_binds(chromium, server):
    check_help_lists_every_bound_key(chromium, server + LECTURE_DECK)


def test_an_unlisted_key_fails_the_help_check(chromium, site_copy):
    inject(site_copy / LECTURE_DECK, "<script>document.addEventListener('keydown', e => { "
           "if (e.key === 'x') SlideDeck.nextSlide(); });</script>")
    with pytest.raises(AssertionError, match=r"not in the help: \['x'\]"):
        check_help_lists_every_bound_key(chromium, (site_copy / LECTURE_DECK).as_uri())


def test_a_row_missing_from_the_help_fails_the_help_check(chromium, site_copy):
    inject(site_copy / LECTURE_DECK, "<script>new MutationObserver(() => document.querySelectorAll("
           "'.deck-help tr[data-action=blackout]').forEach(r => r.remove()))"
           ".observe(document.documentElement, {childList: true, subtree: true});</script>")
    with pytest.raises(AssertionError, match=r"not in the help: \['b', '\.'\]"):
        check_help_lists_every_bound_key(chromium, (site_copy / LECTURE_DECK).as_uri())
