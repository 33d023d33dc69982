"""The deck for screen readers, keyboards and eyes (deck/a11y.js and deck.css): only the current
slide is in the accessibility tree, each move is announced, the section link is reached with
Tab, reduced motion turns transitions off, and every slide meets axe's contrast. Each check has
a break test."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from browsing import (DECKS, DECK_BUNDLE, LECTURE_DECK, ONE_STACK, expect_slide,
                      inject, new_page, open_deck, remove_module)
from tools.browser import serve, wait_for_deck

pytestmark = ONE_STACK


# Each slide's title as a reader sees it: its heading without the section link (§).


TITLES = """() => [...document.querySelectorAll('section.slides > article')].map(slide => {
  const heading = slide.querySelector('h1, h2, h3, h4, h5, h6').cloneNode(true);
  heading.querySelectorAll('a.headerlink').forEach(link => link.remove());
  return heading.textContent.trim();
})"""


def exposed_headings(page):
    """The headings in Chromium's accessibility tree (what a screen reader can reach)."""
    cdp = page.context.new_cdp_session(page)
    try:
        nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        cdp.detach()
    return [node["name"]["value"] for node in nodes if not node.get("ignored")
            and node.get("role", {}).get("value") == "heading" and node.get("name")]


def check_aria(browser, url):
    """Only the current slide is in the accessibility tree; a move is announced."""
    context, page, _ = open_deck(browser, url)
    try:
        titles = page.evaluate(TITLES)
        page.keyboard.press("ArrowRight")
        expect_slide(page, 2, after="ArrowRight")
        headings = exposed_headings(page)
        assert any(h.startswith(titles[1]) for h in headings), \
            f"slide 2's title is not in the accessibility tree: {headings}"
        shown = [h for h in headings if not h.startswith(titles[1])]
        assert shown == [], f"other slides are exposed to assistive technology: {shown[:3]}"
        status = page.locator("[role=status][aria-live=polite]")
        assert status.count() == 1, "no polite live region"
        assert status.text_content() == f"Slide 2 of {len(titles)}: {titles[1]}"
        # the § link of the current slide is reached with Tab, and shown while focused
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => { const a = document.activeElement;
            return {link: a.matches('section.slides > article.current a.headerlink'),
                    opacity: getComputedStyle(a).opacity, visible: a.checkVisibility({visibilityProperty: true})}; }""")
        assert focused["link"], "Tab does not reach the current slide's \u00a7 link"
        assert focused["opacity"] == "1" and focused["visible"], f"the focused \u00a7 link is not shown: {focused}"
    finally:
        context.close()


@pytest.mark.parametrize("deck", DECKS)
def test_only_the_current_slide_is_exposed_and_moves_are_announced(chromium, server, deck):
    check_aria(chromium, server + deck)


def test_a_deck_without_its_accessibility_module_fails_the_aria_check(chromium, site_copy):
    remove_module(site_copy, DECK_BUNDLE, "deck/a11y")
    with pytest.raises(AssertionError, match="other slides are exposed"):
        check_aria(chromium, (site_copy / LECTURE_DECK).as_uri())


def test_a_hidden_section_link_fails_the_aria_check(chromium, site_copy):
    inject(site_copy / LECTURE_DECK, "<style>.slides a.headerlink { visibility: hidden !important; }</style>")
    with pytest.raises(AssertionError, match="Tab does not reach"):
        check_aria(chromium, (site_copy / LECTURE_DECK).as_uri())


TRANSITION = ("() => getComputedStyle(document.querySelector('section.slides > article.current'))"
              ".transitionDuration")


def check_reduced_motion(browser, url):
    context, page, _ = new_page(browser, reduced_motion="reduce")
    try:
        page.goto(url)
        wait_for_deck(page)
        assert page.evaluate(TRANSITION) in ("0s", ""), \
            f"with reduced motion the slides still move: transition {page.evaluate(TRANSITION)}"
    finally:
        context.close()
    context, page, _ = new_page(browser)
    try:
        page.goto(url)
        wait_for_deck(page)
        assert page.evaluate(TRANSITION) not in ("0s", ""), "without reduced motion, no transition at all"
    finally:
        context.close()


def test_reduced_motion_turns_transitions_off(chromium, server):
    check_reduced_motion(chromium, server + LECTURE_DECK)


def test_transitions_under_reduced_motion_fail_the_motion_check(chromium, site_copy):
    inject(site_copy / LECTURE_DECK,
           "<style>.slides.layout-regular > article { transition: transform .3s !important; }</style>")
    with pytest.raises(AssertionError, match="still move"):
        check_reduced_motion(chromium, (site_copy / LECTURE_DECK).as_uri())


def contrast_failures(browser, base, decks):
    """axe's colour-contrast findings on every slide of the decks at once (printed: all slides shown)."""
    found = []
    context, page, _ = new_page(browser)
    try:
        page.emulate_media(media="print")
        for deck in decks:
            page.goto(base + deck)
            wait_for_deck(page)
            page.evaluate("() => document.querySelectorAll('[inert]').forEach(e => e.inert = false)")
            results = Axe().run(page, options={"runOnly": ["color-contrast"]})
            found += [f"{deck}: {n['target']}: {n['failureSummary'][:160]}"
                      for v in results.response["violations"] for n in v["nodes"]]
    finally:
        context.close()
    return found


def test_every_slide_meets_contrast(chromium, server):
    found = contrast_failures(chromium, server, DECKS)
    assert found == [], "\n".join(found)


def test_faint_text_on_a_later_slide_fails_the_contrast_sweep(chromium, site_copy):
    """The sweep sees every slide, not only the one on the screen: faint text on the last one."""
    deck = site_copy / LECTURE_DECK
    text = deck.read_text(encoding="utf-8")
    last = text.rindex("<article")
    end = text.index(">", last) + 1
    deck.write_text(text[:end] + '<p style="color: #ddd; background: #fff">faint</p>' + text[end:], encoding="utf-8")
    with serve(site_copy) as base:
        found = contrast_failures(chromium, base, [LECTURE_DECK])
    assert found, "faint text on the last slide passed the contrast sweep"
