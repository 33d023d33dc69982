"""The deck on a phone (390x844 and 844x390) and a tablet (768x1024), touch screens: the page is
laid out at the screen's width (_static/js/deck/viewport.js), every slide is scaled to fit the
screen and centred on it (deck.css), and no other slide shows. Page errors and console errors
are failures; each check has a break test."""

import pytest

from browsing import (DECKS, LECTURE_DECK, ONE_STACK, deck_state, go_to_slide,
                      inject, new_page, no_errors, remove_module)
from tools.browser import wait_for_deck

pytestmark = ONE_STACK

HANDHELDS = [{"width": 390, "height": 844}, {"width": 844, "height": 390}, {"width": 768, "height": 1024}]

PLACE = """() => {
  const current = document.querySelector('section.slides > article.current');
  const r = current.getBoundingClientRect();
  const shown = [...document.querySelectorAll('section.slides > article')].filter(s => s !== current)
    .map(s => s.getBoundingClientRect())
    .filter(o => o.width && o.right > 0.5 && o.left < innerWidth - 0.5 && o.bottom > 0.5 && o.top < innerHeight - 0.5);
  return {width: innerWidth, height: innerHeight, left: r.left, top: r.top, right: r.right,
          bottom: r.bottom, others: shown.length};
}"""


def open_handheld(browser, url, viewport):
    context, page, traffic = new_page(browser, viewport, is_mobile=True, has_touch=True)
    page.goto(url)
    wait_for_deck(page)
    page.add_style_tag(content="* { transition: none !important; }")
    return context, page, traffic


def slide_problems(place, viewport):
    """What is wrong with where the current slide is: [] when it fills the screen, centred."""
    w, h = viewport["width"], viewport["height"]
    if (place["width"], place["height"]) != (w, h):
        return [f"the page is laid out {place['width']}x{place['height']}, not at the screen's size"]
    problems = []
    if place["left"] < -0.5 or place["top"] < -0.5 or place["right"] > w + 0.5 or place["bottom"] > h + 0.5:
        problems.append(f"the slide ({place['left']:.0f},{place['top']:.0f})-({place['right']:.0f},"
                        f"{place['bottom']:.0f}) is not inside the screen")
    if abs(place["left"] - (w - place["right"])) > 1 or abs(place["top"] - (h - place["bottom"])) > 1:
        problems.append(f"the slide is not centred: {place}")
    if max((place["right"] - place["left"]) / w, (place["bottom"] - place["top"]) / h) < 0.99:
        problems.append(f"the slide does not fill the screen's width or height: {place}")
    if place["others"]:
        problems.append(f"{place['others']} other slide(s) show on the screen")
    return problems


def check_fits_handhelds(browser, url):
    for viewport in HANDHELDS:
        context, page, traffic = open_handheld(browser, url, viewport)
        try:
            size = f"{viewport['width']}x{viewport['height']}"
            problems = []
            for n in range(1, deck_state(page)["count"] + 1):
                go_to_slide(page, n)
                problems += [f"slide {n}: {p}" for p in slide_problems(page.evaluate(PLACE), viewport)]
            assert problems == [], f"{url} at {size}:\n" + "\n".join(problems)
            no_errors(traffic, url)
        finally:
            context.close()


@pytest.mark.parametrize("deck", DECKS)
def test_every_slide_fits_a_phone_and_a_tablet(chromium, site_url, deck):
    check_fits_handhelds(chromium, site_url(deck))


def test_the_engines_viewport_fails_the_handheld_check(chromium, site_copy):
    """hieroglyph's 1100px viewport, left in place: the phone shows the page zoomed out."""
    remove_module(site_copy, "slides/_static/js/deck.js", "deck/viewport")
    with pytest.raises(AssertionError, match="not at the screen's size"):
        check_fits_handhelds(chromium, (site_copy / LECTURE_DECK).as_uri())


def test_a_peeking_next_slide_fails_the_handheld_check(chromium, site_copy):
    inject(site_copy / LECTURE_DECK,
           "<style>.slides.layout-regular > article.next { transform: translateX(90vw) !important; }</style>")
    with pytest.raises(AssertionError, match="other slide"):
        check_fits_handhelds(chromium, (site_copy / LECTURE_DECK).as_uri())


def test_a_slide_at_the_top_fails_the_handheld_check(chromium, site_copy):
    inject(site_copy / LECTURE_DECK, "<style>.slides.layout-regular > article { top: 0 !important;"
                                       " margin-top: 0 !important; }</style>")
    with pytest.raises(AssertionError, match="not centred"):
        check_fits_handhelds(chromium, (site_copy / LECTURE_DECK).as_uri())
