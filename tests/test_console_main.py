"""The presenter console's entry module (console/main.js, bundled into js/console.js): c on the
deck opens the console, which shows the deck's slide and follows it, sends its keys back to the
deck, runs its clock, downloads a rehearsal (d), and answers ? and f, from the disk and from a
server. Page errors are failures; the break tests take each of its modules out of the bundle."""

import pytest
from playwright.sync_api import Error as PlaywrightError

from browsing import (CONSOLE_BUNDLE, LECTURE_DECK, ONE_STACK, deck_state,
                      expect_slide, no_errors, open_deck, remove_module, until)

pytestmark = ONE_STACK


def slide_number_is(console, n, where):
    until(console, f"() => document.querySelector('#cur_slide_num').textContent === '{n}'",
          f"{where} the console does not show slide {n}")


def check_console(browser, url):
    context, page, traffic = open_deck(browser, url)
    try:
        count = deck_state(page)["count"]
        with context.expect_page() as opened:
            page.keyboard.press("c")
        console = opened.value
        console.wait_for_load_state()
        until(console, f"() => document.querySelector('#num_slides').textContent === '{count}'",
              "the console does not know the deck")
        slide_number_is(console, 1, "on opening")
        page.keyboard.press("ArrowRight")
        slide_number_is(console, 2, "after the deck moved")
        console.keyboard.press("ArrowRight")
        expect_slide(page, 3, after="ArrowRight in the console")
        until(console, "() => /^\\d\\d:\\d\\d$/.test(document.querySelector('#console-clock').textContent)",
              "the console shows no clock")
        try:
            with console.expect_download(timeout=3_000):
                console.keyboard.press("d")
        except PlaywrightError:
            raise AssertionError("d in the console downloads no rehearsal") from None
        console.keyboard.press("?")
        until(console, "() => document.querySelector('[role=dialog]:not([hidden])')",
              "? in the console does not show its keys")
        console.keyboard.press("Escape")
        console.keyboard.press("f")
        until(console, "() => document.fullscreenElement", "f does not put the console in full screen")
        no_errors(traffic, url)
    finally:
        context.close()


def test_the_console_opens_and_follows_the_deck(chromium, site_url):
    check_console(chromium, site_url(LECTURE_DECK))


# What the check says when the entry module does not start one of the console's modules.
MISSING = {
    "deck/keys": "ArrowRight in the console",
    "console/view": "the console does not know the deck",
    "console/timer": "no clock",
    "console/rehearsal": "no rehearsal",
    "deck/help": r"\? in the console",
    "deck/fullscreen": "full screen",
}


@pytest.mark.parametrize("module", MISSING)
def test_a_console_without_one_of_its_modules_fails_the_check(chromium, site_copy, module):
    remove_module(site_copy, CONSOLE_BUNDLE, module)
    with pytest.raises(AssertionError, match=MISSING[module]):
        check_console(chromium, (site_copy / LECTURE_DECK).as_uri())
