"""The handbook as a whole page: its dark palette, its answers' fold button, and axe-core on
every page of the site (handbook, deck and console) in the light and the dark colour scheme.
Each check has a break test."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from browsing import LECTURE_DECK, inject, new_page
from tools.browser import serve, wait_for_deck


HANDBOOK_LECTURE = "slides/" + LECTURE_DECK.split("/")[-1]


CONSOLE = "slides/console.html"


SERIOUS = ("serious", "critical")


DARK = """() => {
  const lum = c => { const [r, g, b] = c.match(/\\d+/g).map(Number).map(v => v / 255)
      .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const content = document.querySelector('.wy-nav-content');
  const figure = document.querySelector('.rst-content img[src$=".svg"]');
  return {page: lum(getComputedStyle(content).backgroundColor),
          text: lum(getComputedStyle(document.querySelector('.rst-content p')).color),
          figure: figure ? lum(getComputedStyle(figure).backgroundColor) : null};
}"""


def check_dark_handbook(browser, url):
    context, page, _ = new_page(browser, color_scheme="dark")
    try:
        page.goto(url)
        dark = page.evaluate(DARK)
        assert dark["page"] < 0.05 and dark["text"] > 0.5, f"the handbook is not dark in dark mode: {dark}"
        assert dark["figure"] is None or dark["figure"] > 0.8, f"figures sit on a dark ground: {dark}"
    finally:
        context.close()


def test_handbook_follows_the_dark_colour_scheme(chromium, server):
    check_dark_handbook(chromium, server + HANDBOOK_LECTURE)


def test_a_handbook_without_its_dark_palette_fails_the_dark_check(chromium, site_copy):
    css = site_copy / "_static/css/handbook.css"
    text_ = css.read_text(encoding="utf-8")
    css.write_text(text_.split("/* ---------------------------------------------------------------- dark")[0])
    with pytest.raises(AssertionError, match="not dark"):
        check_dark_handbook(chromium, (site_copy / HANDBOOK_LECTURE).as_uri())


def site_pages(site):
    pages = sorted(str(p.relative_to(site)) for p in site.rglob("*.html")
                   if "_static" not in p.parts and p.name not in ("genindex.html", "search.html"))
    return pages


def serious_violations(browser, base, pages):
    """axe-core's serious and critical findings on the pages, in the light and the dark scheme."""
    found = []
    for scheme in ("light", "dark"):
        context, page, _ = new_page(browser, color_scheme=scheme)
        try:
            for name in pages:
                page.goto(base + name)
                if page.locator("section.slides").count() and name != CONSOLE:
                    wait_for_deck(page)
                results = Axe().run(page)
                found += [f"{scheme} {name}: {v['impact']} {v['id']}: "
                          + ", ".join(str(n["target"]) for n in v["nodes"][:3])
                          for v in results.response["violations"] if v["impact"] in SERIOUS]
        finally:
            context.close()
    return found


def test_no_serious_accessibility_violation_light_or_dark(chromium, course_build, server):
    pages = site_pages(course_build)
    assert CONSOLE in pages and LECTURE_DECK in pages
    found = serious_violations(chromium, server, pages)
    assert found == [], "\n".join(found)


def test_faint_text_is_a_serious_violation(chromium, site_copy):
    handbook = HANDBOOK_LECTURE
    page = site_copy / handbook
    page.write_text(page.read_text(encoding="utf-8").replace(
        '<div itemprop="articleBody">',
        '<div itemprop="articleBody"><p style="color: #ddd; background: #fff">faint</p>', 1), encoding="utf-8")
    with serve(site_copy) as base:
        found = serious_violations(chromium, base, [handbook])
    assert any("color-contrast" in line for line in found), found


# The fold button's hint ("Click to show") is drawn as ::before content, which axe does not read:
# its colour is compared with the bar's here, by WCAG's formula.


FOLD_BUTTON = """() => [...document.querySelectorAll('.admonition.dropdown > .admonition-title')].map(bar => {
  const lum = c => { const [r, g, b] = c.match(/\\d+/g).map(Number).map(v => v / 255)
      .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const button = bar.querySelector('button.toggle-button');
  const [fg, bg] = [lum(getComputedStyle(button).color), lum(getComputedStyle(bar).backgroundColor)];
  const b = button.getBoundingClientRect(), t = bar.getBoundingClientRect();
  return {contrast: (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05),
          inside: b.top >= t.top - 0.5 && b.bottom <= t.bottom + 0.5};
})"""


def check_fold_buttons(browser, url):
    """Every answer's fold button reads at WCAG AA (4.5:1) on its bar and stays inside the bar,
    in the light and the dark colour scheme."""
    for scheme in ("light", "dark"):
        context, page, _ = new_page(browser, color_scheme=scheme)
        try:
            page.goto(url)
            page.wait_for_load_state("load")
            buttons = page.evaluate(FOLD_BUTTON)
            assert buttons, f"{url}: no answer to fold"
            for i, button in enumerate(buttons, 1):
                assert button["contrast"] >= 4.5, f"{scheme}: fold button {i} has contrast {button['contrast']:.2f}"
                assert button["inside"], f"{scheme}: fold button {i} hangs off its bar"
        finally:
            context.close()


def test_answers_fold_buttons_meet_aa_inside_their_bar(chromium, server):
    check_fold_buttons(chromium, server + HANDBOOK_LECTURE)


@pytest.mark.parametrize("style, said", [
    (".rst-content .admonition.dropdown button.toggle-button { color: #000 !important; }", "contrast"),
    (".rst-content .admonition.dropdown button.toggle-button { top: 6px !important; bottom: auto !important; }",
     "hangs off"),
], ids=["black on teal", "below the bar"])
def test_a_faint_or_hanging_fold_button_fails_the_check(chromium, site_copy, style, said):
    inject(site_copy / HANDBOOK_LECTURE, f"<style>{style}</style>")
    with pytest.raises(AssertionError, match=said):
        check_fold_buttons(chromium, (site_copy / HANDBOOK_LECTURE).as_uri())
