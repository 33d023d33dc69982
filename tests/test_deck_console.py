"""The deck's side of the presenter console (deck/console.js): c opens the console, which shows
the current slide's number and notes, follows the deck and moves it."""

import pytest

from browsing import (DECK_BUNDLE, LECTURE_DECK, LECTURE_DECKS, ONE_STACK, QUOTE, deck_state, expect_slide,
                      go_to_slide, normalize, notes_of_current_slide, open_deck, remove_module,
                      slides_with_notes)

pytestmark = ONE_STACK


def check_presenter_view(browser, url):
    """Pressing c opens the presenter console; it shows the current slide's number and speaker
    notes, follows the deck, and moves it."""
    context, page, _ = open_deck(browser, url)
    try:
        with_notes = slides_with_notes(page)
        assert with_notes, f"{url}: no slide has speaker notes (div.admonition.note)"
        n = with_notes[0]
        go_to_slide(page, n)
        expected = [normalize(note) for note in notes_of_current_slide(page)]
        with context.expect_page() as opened:
            page.keyboard.press("c")
        console = opened.value
        console.wait_for_load_state()
        console.wait_for_function(
            f"() => document.querySelector('#cur_slide_num').textContent.trim() === '{n}'")
        count = deck_state(page)["count"]
        assert console.inner_text("#num_slides").strip() == str(count)
        notes = normalize(console.inner_text("#presenter_notes"))
        for note in expected:
            assert note in notes, f"the presenter console shows {notes[:QUOTE]!r}, not the note {note!r}"
        # the console follows the deck ...
        target = n + 1 if n < count else n - 1
        page.keyboard.press("ArrowRight" if target > n else "ArrowLeft")
        console.wait_for_function(
            f"() => document.querySelector('#cur_slide_num').textContent.trim() === '{target}'")
        # ... and the deck follows the console
        console.keyboard.press("ArrowLeft" if target > n else "ArrowRight")
        expect_slide(page, n, after="a key pressed in the presenter console")
    finally:
        context.close()


@pytest.mark.parametrize("deck", LECTURE_DECKS)
def test_presenter_view_shows_the_current_notes(chromium, site_url, deck):
    check_presenter_view(chromium, site_url(deck))


def test_a_deck_without_its_console_module_fails_the_presenter_check(chromium, site_copy):
    remove_module(site_copy, DECK_BUNDLE, "deck/console")
    with pytest.raises(Exception, match="Timeout"):
        check_presenter_view(chromium, (site_copy / LECTURE_DECK).as_uri())
