"""Driving the built site in Debian's chromium: pages of the site, new pages with their traffic
recorded, and where a deck is. Shared by the browser test modules; the fixtures (chromium, the
local server, a copy of the site to break) are in conftest.py."""

from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError

from tools.browser import Traffic, wait_for_deck
from repo import SITE
from tools.sitemap import exercises, lectures

PROJECTOR = {"width": 1280, "height": 720}
# How much of a text a failure message quotes: enough to find it in the source.
QUOTE = 80
# How long a page may take to load or a state to come (ms): a bound, not a pace. 10 s ran out
# once for a handbook page on a 2-core machine running two suites at once.
PAGE_LIMIT = 30_000
SCREENS = [PROJECTOR, {"width": 1024, "height": 768}]

# Pages of the site, relative to its folder.
LECTURE_DECKS = [SITE.deck_page(lecture.docname) for lecture in lectures()]
DECKS = [SITE.deck_page("index")] + LECTURE_DECKS
LECTURE_DECK = LECTURE_DECKS[0]  # the deck a break test breaks a copy of
# The scripts each deck window loads (_ext/course/deck_bundle.py), in the site.
DECK_BUNDLE = SITE.deck_folder + "_static/js/deck.js"
CONSOLE_BUNDLE = SITE.deck_folder + "_static/js/console.js"
# The deck does not depend on Sphinx's version: its browser tests run in the pinned stack's suite.
ONE_STACK = pytest.mark.stack("pinned", why="the deck is the same on both stacks")
HANDBOOK_LECTURES = [SITE.handbook_page(lecture.docname) for lecture in lectures()]
EXERCISES = [SITE.handbook_page(exercise.docname) for exercise in exercises()]


def inject(page: Path, html: str):
    """Put html at the end of a page's <head>."""
    text = page.read_text(encoding="utf-8")
    assert "</head>" in text
    page.write_text(text.replace("</head>", html + "\n</head>", 1), encoding="utf-8")


def new_page(browser, viewport=PROJECTOR, **options):
    """A new context (fresh cache and storage) with its traffic recorded, and a page in it."""
    context = browser.new_context(viewport=viewport, **options)
    context.set_default_timeout(PAGE_LIMIT)
    traffic = Traffic(context)
    return context, context.new_page(), traffic


def open_deck(browser, url, viewport=PROJECTOR):
    context, page, traffic = new_page(browser, viewport)
    page.goto(url)
    wait_for_deck(page)
    return context, page, traffic


def normalize(text):
    return " ".join(text.split())


DECK_STATE = """() => {
  const slides = [...document.querySelectorAll('section.slides > article')];
  const current = document.querySelector('section.slides > article.current');
  const number = current && current.querySelector('.slide-no');
  return {index: slides.indexOf(current) + 1, count: slides.length, hash: location.hash,
          number: number ? number.textContent.trim() : null, id: current ? current.id : null};
}"""


def deck_state(page):
    return page.evaluate(DECK_STATE)


def expect_slide(page, n, after):
    """The deck shows slide n: the current slide, its visible number and the URL's #n agree."""
    try:
        page.wait_for_function(f"() => ({DECK_STATE})().index === {n}", timeout=1_000)
    except PlaywrightError:
        pass
    state = deck_state(page)
    assert state["index"] == n, f"after {after} the deck shows slide {state['index']}, not {n}"
    assert state["number"] == str(n), f"after {after} slide {n} is numbered {state['number']!r}"
    assert state["hash"] == f"#{n}", f"after {after} the address ends in {state['hash']!r}, not #{n}"
    assert page.locator("section.slides > article.current .slide-no").is_visible(), \
        f"after {after} slide {n}'s number is not shown"


def go_to_slide(page, n):
    """Walk the deck from its first slide to slide n with the right arrow key."""
    for _ in range(n * 10):  # a slide can hold items that build one key press at a time
        if deck_state(page)["index"] >= n:
            break
        page.keyboard.press("ArrowRight")
    expect_slide(page, n, after=f"walking to slide {n}")


def slides_with_notes(page):
    """1-based numbers of the slides that carry speaker notes."""
    return page.evaluate("""() => [...document.querySelectorAll('section.slides > article')]
        .map((slide, i) => slide.querySelector('div.admonition.note') ? i + 1 : 0)
        .filter(Boolean)""")


def notes_of_current_slide(page):
    """The text of the current slide's speaker notes, without their "Note" titles."""
    return page.evaluate("""() => [...document.querySelectorAll(
            'section.slides > article.current div.admonition.note')]
        .map(note => [...note.children].filter(c => !c.classList.contains('admonition-title'))
                     .map(c => c.textContent).join(' '))""")


def open_console(context, page):
    """Press c on the deck: the presenter console, once it knows the deck."""
    with context.expect_page() as opened:
        page.keyboard.press("c")
    console = opened.value
    console.wait_for_load_state()
    console.wait_for_function("() => document.querySelector('#num_slides').textContent !== '-'")
    return console


def module_span(text, module):
    """Where a module's part of a bundle's text starts and ends (its comment line to the next one)."""
    start = text.index(f"// js/{module}.js\n")
    end = text.find("\n// js/", start + 1)
    return start, text.rindex("\n})();") if end < 0 else end


def remove_module(site, bundle, module):
    """Take a module out of a built bundle (site/bundle, written by _ext/deck_bundle.py): the
    modules that import it get functions that do nothing, so only its own feature goes."""
    path = site / bundle
    text = path.read_text(encoding="utf-8")
    start, end = module_span(text, module)
    stub = f"modules['js/{module}.js'] = new Proxy({{}}, {{get: () => () => {{}}}});"
    path.write_text(text[:start] + stub + text[end:], encoding="utf-8")


def until(page, condition, message, timeout=3_000):
    """Wait for a JavaScript condition on a page; a failure of the check says message."""
    try:
        page.wait_for_function(condition, timeout=timeout)
    except PlaywrightError:
        raise AssertionError(message) from None


def no_errors(traffic, url):
    """No uncaught script error and no console error on the page (chromium asks an HTTP server
    for /favicon.ico by itself; the site does not link one)."""
    assert traffic.page_errors == [], f"{url}: uncaught script errors: {traffic.page_errors}"
    errors = [e for e in traffic.console_errors if "/favicon.ico" not in e]
    assert errors == [], f"{url}: console errors: {errors}"


# The wall clock of the console's tests (Playwright's mocked clock).
START = "2026-03-02T09:00:00"


def deck_and_console(browser, url, clock=False, viewport=None):
    """A deck without transitions and its presenter console; with clock, on Playwright's clock."""
    context, page, traffic = new_page(browser, **({"viewport": viewport} if viewport else {}))
    if clock:
        context.clock.install(time=START)
    page.goto(url)
    wait_for_deck(page)
    page.add_style_tag(content="* { transition: none !important; }")
    return context, page, open_console(context, page), traffic


def text(page, selector):
    return page.inner_text(selector).strip()
