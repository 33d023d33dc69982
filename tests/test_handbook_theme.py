"""The handbook's navigation (_static/js/handbook/theme.js, bundled into the theme's
js/theme.js): on a phone the menu button brings in the side menu, the lecture's button closes
and opens its sections, choosing a section marks it, with no jQuery on the page. The break test
puts the theme's own script, which needs jQuery, back."""

import re
import shutil

import pytest
from playwright.sync_api import expect

from browsing import HANDBOOK_LECTURES, new_page
from tools.browser import serve
from tools.icon_font import THEME


SIDE_MENU_LEFT = "() => document.querySelector('.wy-nav-side').getBoundingClientRect().left"


OPEN_ENTRIES = "() => [...document.querySelectorAll('.wy-menu-vertical li.current > a')].map(a => a.getAttribute('href'))"


def check_handbook_navigation(browser, url):
    """On a phone the menu button brings in the side menu; the lecture's open/close button closes
    and opens its sections; choosing a section marks it; no script fails (the page has no jQuery)."""
    context, page, traffic = new_page(browser, viewport={"width": 400, "height": 800})
    try:
        page.goto(url)
        page.wait_for_load_state("load")
        assert traffic.page_errors == [], f"{url}: uncaught script errors: {traffic.page_errors}"
        assert page.evaluate(SIDE_MENU_LEFT) < 0, "the side menu covers the page before the menu button"
        page.click("[data-toggle='wy-nav-top']")
        page.wait_for_function(f"() => ({SIDE_MENU_LEFT})() >= 0")
        lectures = page.locator(".wy-menu-vertical li.toctree-l1")
        open_lecture = lectures.evaluate_all("items => items.findIndex(li => li.matches('.current'))")
        assert open_lecture >= 0, "the side menu does not open the page's own entry"
        lecture = lectures.nth(open_lecture)
        lecture.locator("> a > button.toctree-expand").click()
        expect(lecture).not_to_have_class(re.compile(r"\bcurrent\b"))
        lecture.locator("> a > button.toctree-expand").click()
        expect(lecture).to_have_class(re.compile(r"\bcurrent\b"))
        section = lecture.locator("> ul > li > a").last
        target = section.get_attribute("href")
        section.click()
        page.wait_for_function(f"() => location.hash === {target!r}")
        assert target in page.evaluate(OPEN_ENTRIES), f"{target} is not marked open in the side menu"
        assert page.evaluate(SIDE_MENU_LEFT) < 0, "the side menu stays over the chosen section"
        assert traffic.page_errors == [], f"{url}: uncaught script errors: {traffic.page_errors}"
    finally:
        context.close()


def test_handbook_navigation_works_without_jquery(chromium, server):
    check_handbook_navigation(chromium, server + HANDBOOK_LECTURES[0])


def test_the_themes_own_navigation_script_fails_the_navigation_check(chromium, site_copy):
    """The theme's script needs jQuery, which the handbook no longer loads."""
    shutil.copy(THEME / "static/js/theme.js", site_copy / "_static/js/theme.js")
    with serve(site_copy) as base, pytest.raises(AssertionError, match="jQuery"):
        check_handbook_navigation(chromium, base + HANDBOOK_LECTURES[0])
