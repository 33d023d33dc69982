"""The presenter console's view (console/view.js): the current slide, the next one and the notes
fit every laptop screen from 1024x768 to 1920x1080, and the console finds the deck again after
the deck reloads; each check has a break test."""

import pytest

from browsing import LECTURE_DECK, ONE_STACK, deck_and_console, expect_slide, inject
from tools.browser import wait_for_deck

pytestmark = ONE_STACK


CONSOLE = "slides/console.html"


CONSOLE_FITS = """() => {
  const box = sel => document.querySelector(sel).getBoundingClientRect();
  const inside = r => r.left >= -1 && r.top >= -1 && r.right <= innerWidth + 1 && r.bottom <= innerHeight + 1;
  const current = box('#console-current article'), next = box('#console-next article');
  const notes = box('#presenter_notes');
  return {inside: [current, next, notes].every(inside), current: current.width, next: next.width,
          notesHeight: notes.height,
          notesFont: parseFloat(getComputedStyle(document.querySelector('#presenter_notes')).fontSize),
          scrolls: document.documentElement.scrollHeight > innerHeight + 1};
}"""


CONSOLE_SIZES = [(1024, 768), (1280, 720), (1920, 1080)]


def check_console_layout(browser, url):
    context, page, console, traffic = deck_and_console(browser, url)
    try:
        page.keyboard.press("ArrowRight")
        for width, height in CONSOLE_SIZES:
            console.set_viewport_size({"width": width, "height": height})
            console.wait_for_timeout(50)
            fit = console.evaluate(CONSOLE_FITS)
            where = f"at {width}x{height}"
            assert fit["inside"] and not fit["scrolls"], f"{where} the console does not fit: {fit}"
            assert fit["current"] >= 0.45 * width, f"{where} the current slide is {fit['current']}px wide"
            assert fit["next"] >= 0.3 * width, f"{where} the next slide is {fit['next']}px wide"
            assert fit["notesFont"] >= 14 and fit["notesHeight"] >= 0.3 * height, f"{where} notes: {fit}"
        # the deck reloads: the console finds it again, and its keys still move it
        page.reload()
        wait_for_deck(page)
        console.wait_for_timeout(1_500)
        console.keyboard.press("ArrowRight")
        expect_slide(page, 3, after="ArrowRight in the console after the deck reloaded")
        console.wait_for_function("() => document.querySelector('#cur_slide_num').textContent === '3'")
        assert traffic.page_errors == []
    finally:
        context.close()


def test_console_fits_every_screen_and_survives_a_deck_reload(chromium, server):
    check_console_layout(chromium, server + LECTURE_DECK)


def test_a_console_that_registers_once_fails_the_layout_check(chromium, site_copy):
    inject(site_copy / CONSOLE, "<script>window.setInterval = () => 0;</script>")
    with pytest.raises(AssertionError, match="after the deck reloaded"):
        check_console_layout(chromium, (site_copy / LECTURE_DECK).as_uri())
