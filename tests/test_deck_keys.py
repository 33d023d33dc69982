"""The deck's keys (_static/js/deck/keys.js), pressed in Chromium on the deck and in the presenter
console: each key of the one list in _ext/deck_keys.py moves the deck where it says, the address
moves an open deck, and the README and the front page list the same keys. Page errors and console
errors fail every check; each check has a break test. (The help: test_deck_help.py.)"""


import pytest

from browsing import (DECKS, LECTURE_DECK, ONE_STACK, deck_state, expect_slide,
                      inject, no_errors, open_console, open_deck)
from course.deck_keys import KEYS, key_labels, markdown_table
from pages import read
from repo import REPO

# The deck's behaviour in a browser: its pages are the same on both stacks (slides, ids, classes,
# notes, assets: test_hieroglyph_compat.py), so it is checked in the pinned stack's suite.
pytestmark = ONE_STACK


def keys_of(action):
    return next(key.keys for key in KEYS if key.action == action and key.mode == "slides")


def walk_keys(press, page, where):
    """Press every navigation key of the list once, checking where the deck is after each."""
    count = deck_state(page)["count"]
    assert count >= 3, f"a deck of {count} slides cannot show every key"
    expect_slide(page, 1, after=f"opening the deck ({where})")
    n = 1
    for key in keys_of("next"):
        press(key)
        n = min(n + 1, count)
        expect_slide(page, n, after=f"{key} in the {where}")
    for key in keys_of("previous"):
        press(key)
        n = max(n - 1, 1)
        expect_slide(page, n, after=f"{key} in the {where}")
    press("End")
    expect_slide(page, count, after=f"End in the {where}")
    press("Home")
    expect_slide(page, 1, after=f"Home in the {where}")
    target = count - 1  # two digits on a lecture deck
    for digit in str(target):
        press(digit)
    press("Enter")
    expect_slide(page, target, after=f"{target} then Enter in the {where}")
    # t opens the overview and leaves the deck usable: t again, then a move
    press("t")
    page.wait_for_timeout(50)
    assert page.evaluate("() => document.querySelector('section.slides').classList.contains('table')"), \
        f"t in the {where} does not open the overview"
    press("t")
    expect_slide(page, target, after=f"t twice in the {where}")
    press("ArrowRight")
    expect_slide(page, target + 1, after=f"ArrowRight after the overview in the {where}")


def check_deck_keys(browser, url):
    context, page, traffic = open_deck(browser, url)
    try:
        page.add_style_tag(content="* { transition: none !important; }")
        walk_keys(page.keyboard.press, page, "deck")
        # the address moves the open deck: a new #N, then Back
        page.evaluate("location.hash = '#3'")
        expect_slide(page, 3, after="changing the address to #3")
        page.go_back()
        count = deck_state(page)["count"]
        expect_slide(page, count, after="Back after #3")
        no_errors(traffic, url)
    finally:
        context.close()


def check_console_keys(browser, url):
    context, page, traffic = open_deck(browser, url)
    try:
        page.add_style_tag(content="* { transition: none !important; }")
        console = open_console(context, page)
        walk_keys(console.keyboard.press, page, "console")
        no_errors(traffic, url)
    finally:
        context.close()


@pytest.mark.parametrize("deck", DECKS)
def test_every_key_moves_the_deck(chromium, server, deck):
    check_deck_keys(chromium, server + deck)


def test_every_key_moves_the_deck_from_the_console(chromium, site_url):
    check_console_keys(chromium, site_url(LECTURE_DECK))


DEAD_KEY = ("<script>window.addEventListener('keydown', e => { if (e.key === %r) "
            "e.stopImmediatePropagation(); }, true);</script>")


@pytest.mark.parametrize("key", ["ArrowDown", " ", "PageUp", "Home", "End", "Enter", "t"])
def test_a_dead_key_fails_the_keys_check(chromium, site_copy, key):
    inject(site_copy / LECTURE_DECK, DEAD_KEY % key)
    with pytest.raises(AssertionError, match="the deck shows slide|does not open the overview"):
        check_deck_keys(chromium, (site_copy / LECTURE_DECK).as_uri())


def test_a_throwing_key_fails_the_keys_check(chromium, site_copy):
    inject(site_copy / LECTURE_DECK, "<script>document.addEventListener('keydown', e => { "
           "if (e.key === 'ArrowUp') isChromeVoxActive(); });</script>")
    with pytest.raises(AssertionError, match="uncaught script errors"):
        check_deck_keys(chromium, (site_copy / LECTURE_DECK).as_uri())


def test_a_deaf_address_fails_the_keys_check(chromium, site_copy):
    page = site_copy / LECTURE_DECK  # first in <head>, before the deck's own listener
    page.write_text(page.read_text(encoding="utf-8").replace("<head>", "<head><script>window."
                    "addEventListener('hashchange', e => e.stopImmediatePropagation());</script>", 1),
                    encoding="utf-8")
    with pytest.raises(AssertionError, match="changing the address"):
        check_deck_keys(chromium, (site_copy / LECTURE_DECK).as_uri())


def test_a_console_that_keeps_its_keys_fails_the_console_check(chromium, site_copy):
    inject(site_copy / "slides/console.html", DEAD_KEY % "PageDown")
    with pytest.raises(AssertionError, match="PageDown in the console"):
        check_console_keys(chromium, (site_copy / LECTURE_DECK).as_uri())


# -- the help lists every key that does something --


def readme_table(text):
    section = text.split("## Presenting", 1)[1].split("\n## ", 1)[0]
    return "\n".join(line for line in section.splitlines() if line.startswith("|"))


def test_readme_key_table_is_the_list():
    assert readme_table((REPO / "README.md").read_text(encoding="utf-8")) == markdown_table(), \
        "README's 'Presenting' key table differs from _ext/deck_keys.py; paste:\n" + markdown_table()


def test_a_changed_readme_table_fails_the_readme_check():
    changed = "## Presenting\n\n" + markdown_table().replace("Next slide", "Next") + "\n\n## Next\n"
    assert readme_table(changed) != markdown_table()


def check_front_page_lists_every_key(site):
    table = read(site, "index.html").select_one("table.deck-keys")
    assert table, "the front page has no table of the deck's keys"
    # Sphinx writes Shift+Space as a compound <kbd>: the outer one's text is the key
    cells = [kbd.get_text() for kbd in table.select("td > p > kbd")]
    for key in KEYS:
        for shown in key_labels(key):
            assert shown == "\u2026" or shown in cells, \
                f"the front page's key table lacks {shown!r} ({key.does})"


def test_front_page_lists_every_key(course_build):
    check_front_page_lists_every_key(course_build)


def test_a_front_page_without_the_home_key_fails_the_key_table_check(site_copy):
    page = site_copy / "index.html"
    text = page.read_text(encoding="utf-8")
    assert text.count(">Home</kbd>") == 1
    page.write_text(text.replace(">Home</kbd>", ">Hom</kbd>"), encoding="utf-8")
    with pytest.raises(AssertionError, match="lacks 'Home'"):
        check_front_page_lists_every_key(site_copy)
