"""The deck's shared state (deck/state.js): the concerns that ask it which slide is current and
whether the overview is open see the same answer as the screen. The presenter's console and the
screen reader's announcement name the slide the deck shows; with the overview open the console
says so and every slide can be reached, and after it closes only the current one. Page errors
are failures; the break tests give one concern a state of its own that drifts from the deck."""

import pytest
from playwright.sync_api import Error as PlaywrightError

from browsing import (DECK_BUNDLE, LECTURE_DECK, ONE_STACK, deck_and_console, deck_state,
                      go_to_slide, inject, module_span, no_errors, open_deck)

pytestmark = ONE_STACK

OVERVIEW_NOTE = "(the deck shows the overview)"
# Slides out of a reader's reach: hidden from assistive technology, not focusable, not clickable.
UNREACHABLE = "() => [...document.querySelectorAll('section.slides > article')].filter(s => s.closest('[inert]')).length"


def console_says(console, selector, wanted, where):
    """The console's element comes to hold the wanted text (the deck posts its state to it)."""
    try:
        console.wait_for_function("([s, w]) => document.querySelector(s).textContent.trim() === w",
                                  arg=[selector, wanted], timeout=2_000)
    except PlaywrightError:
        shown = console.inner_text(selector).strip()
        raise AssertionError(f"{where} the console shows {shown!r} in {selector}, not {wanted!r}") from None


def check_shared_state(browser, url):
    context, page, console, traffic = deck_and_console(browser, url)
    try:
        count = deck_state(page)["count"]
        go_to_slide(page, 3)
        console_says(console, "#cur_slide_num", "3", "on slide 3")
        announced = page.text_content("[role=status][aria-live=polite]")
        assert announced.startswith(f"Slide 3 of {count}:"), f"on slide 3 the reader hears {announced!r}"

        page.keyboard.press("t")
        console_says(console, "#console-deck-state", OVERVIEW_NOTE, "with the overview open")
        hidden = page.evaluate(UNREACHABLE)
        assert hidden == 0, f"with the overview open {hidden} of {count} slides are out of reach"

        page.keyboard.press("t")
        console_says(console, "#console-deck-state", "", "after the overview closed")
        hidden = page.evaluate(UNREACHABLE)
        assert hidden == count - 1, f"after the overview closed {count - hidden} slides are in reach, not 1"
        console_says(console, "#cur_slide_num", "3", "after the overview closed")
        no_errors(traffic, url)
    finally:
        context.close()


def test_the_console_and_the_reader_see_the_slide_and_the_overview_the_deck_shows(chromium, site_url):
    check_shared_state(chromium, site_url(LECTURE_DECK))


def give_own_state(site, module, answers):
    """Give one module of the deck's bundle a state of its own: state.js's answers with some
    replaced (JavaScript properties), as a concern that keeps its own copy would drift."""
    path = site / DECK_BUNDLE
    text = path.read_text(encoding="utf-8")
    start, end = module_span(text, module)
    shared = "modules['js/deck/state.js']"
    own = f"Object.assign({{}}, {shared}, {{{answers}}})"
    assert shared in text[start:end], f"{module} does not use the shared state"
    path.write_text(text[:start] + text[start:end].replace(shared, own) + text[end:], encoding="utf-8")


def test_a_reader_who_never_sees_the_overview_fails_the_state_check(chromium, site_copy):
    give_own_state(site_copy, "deck/a11y", "overviewOpen: () => false")
    with pytest.raises(AssertionError, match="with the overview open .* slides are out of reach"):
        check_shared_state(chromium, (site_copy / LECTURE_DECK).as_uri())


def test_a_console_stuck_on_the_first_slide_fails_the_state_check(chromium, site_copy):
    give_own_state(site_copy, "deck/console", "currentIndex: () => 0")
    with pytest.raises(AssertionError, match="on slide 3 the console shows '1'"):
        check_shared_state(chromium, (site_copy / LECTURE_DECK).as_uri())


def check_early_resize(browser, deck):
    """A window resized while the deck's page is still read (a phone turned, its viewport set) is
    no error: the deck's scripts run in <head>, before the slides exist."""
    inject(deck, "<script>window.dispatchEvent(new Event('resize'));</script>")
    context, _, traffic = open_deck(browser, deck.as_uri())
    try:
        no_errors(traffic, deck.as_uri())
    finally:
        context.close()


def test_a_resize_before_the_slides_exist_is_no_error(chromium, site_copy):
    check_early_resize(chromium, site_copy / LECTURE_DECK)


def test_a_state_that_assumes_the_slides_exist_fails_the_early_resize_check(chromium, site_copy):
    bundle = site_copy / DECK_BUNDLE
    text = bundle.read_text(encoding="utf-8")
    assert "box !== null && box.classList" in text
    bundle.write_text(text.replace("box !== null && box.classList", "box.classList"), encoding="utf-8")
    with pytest.raises(AssertionError, match="uncaught script errors"):
        check_early_resize(chromium, site_copy / LECTURE_DECK)
