"""The presenter's tools in Chromium: the console's clock, timer and pacing (with Playwright's
mocked clock), the rehearsal and `make rehearsal`, the console's layout from 1024x768 to
1920x1080 and after the deck reloads; on the deck the overview, blackout, the live region and
inert slides, reduced motion and the focusable § link; the handbook's dark palette; axe on every
deck and handbook page in both colour schemes. Each check has a break test that removes the
feature from a copy of the site (usually its one script) and sees the check fail."""

import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError

from browsing import (DECKS, LECTURE_DECKS, deck_state, expect_slide, inject, new_page, open_console,
                      open_deck)
from repo import make
from tools.browser import serve, wait_for_deck
from tools.rehearsal import compare

# The deck's behaviour in a browser: its pages are the same on both stacks (slides, ids, classes,
# notes, assets: test_hieroglyph_compat.py), so it is checked in the pinned stack's suite.
pytestmark = pytest.mark.stack("pinned", why="the deck is the same on both stacks")

LECTURE_DECK = LECTURE_DECKS[0]
CONSOLE = "slides/console.html"
START = "2026-03-02T09:00:00"
SERIOUS = ("serious", "critical")


def remove_script(page, name):
    """Take the script _static/js/<name>.js out of a built page."""
    text = page.read_text(encoding="utf-8")
    changed = re.sub(rf'\s*<script src="[^"]*_static/js/{re.escape(name)}\.js"></script>', "", text)
    assert changed != text, f"{page} does not load {name}.js"
    page.write_text(changed, encoding="utf-8")


def deck_and_console(browser, url, clock=False, viewport=None):
    context, page, traffic = new_page(browser, **({"viewport": viewport} if viewport else {}))
    if clock:
        context.clock.install(time=START)
    page.goto(url)
    wait_for_deck(page)
    page.add_style_tag(content="* { transition: none !important; }")
    return context, page, open_console(context, page), traffic


def text(page, selector):
    return page.inner_text(selector).strip()


# -- the console: clock, timer, pacing --

def check_clock_and_timer(browser, url):
    context, page, console, traffic = deck_and_console(browser, url, clock=True)
    try:
        assert text(console, "#console-clock") == "09:00", "the console shows no clock"
        assert text(console, "#console-elapsed") == "0:00"
        context.clock.run_for(90_000)
        assert text(console, "#console-clock") == "09:01", "the clock does not advance"
        assert text(console, "#console-elapsed") == "0:00", "the timer ran before the first move"
        page.keyboard.press("ArrowRight")
        context.clock.run_for(65_000)
        assert text(console, "#console-elapsed") in ("1:04", "1:05"), "the timer does not count from the first move"
        console.keyboard.press("p")
        context.clock.run_for(60_000)
        paused = text(console, "#console-elapsed")
        assert paused in ("1:04", "1:05"), "p does not pause the timer"
        console.keyboard.press("p")
        context.clock.run_for(5_000)
        assert text(console, "#console-elapsed") in ("1:09", "1:10"), "p does not resume the timer"
        console.keyboard.press("r")
        assert text(console, "#console-elapsed") == "0:00", "r does not reset the timer"
        assert traffic.page_errors == []
    finally:
        context.close()


def test_console_clock_and_timer(chromium, server):
    check_clock_and_timer(chromium, server + LECTURE_DECK)


def test_a_console_without_its_timer_fails_the_clock_check(chromium, site_copy):
    remove_script(site_copy / CONSOLE, "console-timer")
    with pytest.raises(AssertionError, match="no clock"):
        check_clock_and_timer(chromium, (site_copy / LECTURE_DECK).as_uri())


def check_pacing(browser, url):
    """Staying on slide 2 for 10 minutes is behind the plan; the last slide at 10 minutes is ahead."""
    context, page, console, traffic = deck_and_console(browser, url, clock=True)
    try:
        plan = text(console, "#console-plan")
        assert re.fullmatch(r"\d+ minutes, \d+ minutes left", plan), f"the console shows no plan: {plan!r}"
        page.keyboard.press("ArrowRight")
        context.clock.run_for(1_000)
        first = text(console, "#console-pacing")
        assert first.startswith("On time."), f"on slide 2 after a second: {first!r}"
        context.clock.run_for(10 * 60_000)
        behind = text(console, "#console-pacing")
        assert behind.startswith("Behind by "), f"on slide 2 after 10 minutes: {behind!r}"
        page.keyboard.press("End")
        console.wait_for_function("() => !document.querySelector('#console-pacing').textContent.startsWith('Behind')")
        ahead = text(console, "#console-pacing")
        assert ahead.startswith("Ahead by "), f"on the last slide after 10 minutes: {ahead!r}"
        assert "The plan is at \u201c" in ahead
        assert traffic.page_errors == []
    finally:
        context.close()


def test_pacing_follows_the_plan(chromium, server):
    check_pacing(chromium, server + LECTURE_DECK)


def test_a_deck_without_a_plan_fails_the_pacing_check(chromium, site_copy):
    page = site_copy / LECTURE_DECK
    page.write_text(re.sub(r'<script type="application/json" id="lecture-plan">.*?</script>', "",
                           page.read_text(encoding="utf-8"), flags=re.S), encoding="utf-8")
    with pytest.raises(AssertionError, match="no plan"):
        check_pacing(chromium, page.as_uri())


def test_a_deck_without_a_plan_shows_no_pacing_and_no_error(chromium, server):
    context, page, console, traffic = deck_and_console(chromium, server + DECKS[0])
    try:
        page.keyboard.press("ArrowRight")
        assert text(console, "#console-plan") == "no plan in this lecture"
        assert text(console, "#console-pacing") == ""
        assert traffic.page_errors == []
    finally:
        context.close()


# -- rehearsal --

def test_rehearsal_records_seconds_per_slide(chromium, server, tmp_path):
    context, page, console, traffic = deck_and_console(chromium, server + LECTURE_DECK, clock=True)
    try:
        for slide, seconds in [(2, 30), (3, 90), (4, 0)]:
            page.keyboard.press("ArrowRight")
            # the console takes the move before the clock runs on, as it does in class
            console.wait_for_function(
                f"() => document.querySelector('#cur_slide_num').textContent === '{slide}'")
            context.clock.run_for(seconds * 1000)
        with console.expect_download() as download:
            console.keyboard.press("d")
        path = tmp_path / "rehearsal.json"
        download.value.save_as(path)
    finally:
        context.close()
    rehearsal = json.loads(path.read_text())
    seconds = [slide["seconds"] for slide in rehearsal["slides"]]
    assert [round(s) for s in seconds[:4]] == [0, 30, 90, 0], seconds[:4]
    assert rehearsal["plan"]["sections"], "the rehearsal carries no plan"
    assert all(slide["section"] for slide in rehearsal["slides"])
    result = make("rehearsal", f"FILE={path}")
    assert "part" in result.stdout and "No part ran long." in result.stdout, result.stdout


def generated_rehearsal(minutes_on_first_part):
    plan = {"duration": 10, "sections": [{"id": "a", "title": "Part A", "minutes": 4},
                                         {"id": "b", "title": "Part B", "minutes": 6}]}
    slides = [{"number": 1, "id": "a", "title": "A", "section": "a", "seconds": minutes_on_first_part * 60},
              {"number": 2, "id": "b", "title": "B", "section": "b", "seconds": 300}]
    return {"lecture": "Test", "plan": plan, "slides": slides}


def test_make_rehearsal_says_where_it_ran_long(tmp_path):
    path = tmp_path / "long.json"
    path.write_text(json.dumps(generated_rehearsal(7)))
    result = make("rehearsal", f"FILE={path}")
    assert "Ran long: Part A (+3.0 min)" in result.stdout, result.stdout
    assert [long for *_, long in compare(generated_rehearsal(4.5))] == [False, False]


def test_make_rehearsal_without_a_file_says_so():
    result = make("rehearsal", check=False)
    assert result.returncode != 0 and "FILE=" in result.stderr


# -- the console's layout --

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


# -- the deck: overview, blackout --

def check_overview(browser, url):
    """t shows every slide in the window; arrows and Enter, or a click, open one."""
    context, page, traffic = open_deck(browser, url)
    try:
        count = deck_state(page)["count"]
        page.keyboard.press("t")
        boxes = page.eval_on_selector_all("section.slides > article", """slides => slides.map(s => {
            const r = s.getBoundingClientRect(); return r.width > 50 && r.left >= 0 && r.top >= 0
            && r.right <= innerWidth && r.bottom <= innerHeight; })""")
        assert len(boxes) == count and all(boxes), \
            f"{url}: the overview shows {sum(boxes)} of {count} slides whole in the window"
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowDown")
        page.keyboard.press("ArrowLeft")
        page.keyboard.press("ArrowUp")
        page.keyboard.press("ArrowRight")
        page.keyboard.press("Enter")
        expect_slide(page, 2, after="ArrowRight, Down, Left, Up, Right and Enter in the overview")
        page.keyboard.press("t")
        page.locator("section.slides > article").nth(count - 1).click()
        expect_slide(page, count, after="a click on the last slide in the overview")
        assert traffic.page_errors == []
    finally:
        context.close()


@pytest.mark.parametrize("deck", DECKS)
def test_overview_fits_the_window_and_opens_a_slide(chromium, server, deck):
    check_overview(chromium, server + deck)


def test_a_deck_without_its_overview_fails_the_overview_check(chromium, site_copy):
    remove_script(site_copy / LECTURE_DECK, "deck-overview")
    with pytest.raises(AssertionError, match="the overview shows"):
        check_overview(chromium, (site_copy / LECTURE_DECK).as_uri())


BLACK_AT_CENTRE = """() => { const e = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
  return !e.closest('section.slides') && getComputedStyle(e).backgroundColor === 'rgb(0, 0, 0)'; }"""


def check_blackout(browser, url):
    context, page, traffic = open_deck(browser, url)
    try:
        for key in ("b", "."):
            page.keyboard.press(key)
            assert page.evaluate(BLACK_AT_CENTRE), f"{key} does not black out the slide"
            page.keyboard.press(key)
            assert not page.evaluate(BLACK_AT_CENTRE), f"{key} again does not bring the slide back"
        page.keyboard.press("b")
        page.keyboard.press("Escape")
        assert not page.evaluate(BLACK_AT_CENTRE), "Esc does not bring the slide back"
    finally:
        context.close()


def test_blackout_hides_the_slide(chromium, server):
    check_blackout(chromium, server + LECTURE_DECK)


def test_a_deck_without_blackout_fails_the_blackout_check(chromium, site_copy):
    remove_script(site_copy / LECTURE_DECK, "deck-blackout")
    with pytest.raises(AssertionError, match="does not black out"):
        check_blackout(chromium, (site_copy / LECTURE_DECK).as_uri())


def check_fullscreen(browser, url):
    """f puts the deck in full screen, and f again takes it out."""
    context, page, _ = open_deck(browser, url)
    try:
        for pressed, wanted in [("f", "!!"), ("f again", "!")]:
            page.keyboard.press("f")
            try:
                page.wait_for_function(f"() => {wanted}document.fullscreenElement", timeout=2_000)
            except PlaywrightError:
                raise AssertionError(f"{pressed}: the deck is {'not ' * (wanted == '!!')}in full screen")
    finally:
        context.close()


def test_f_toggles_full_screen(chromium, server):
    check_fullscreen(chromium, server + LECTURE_DECK)


def test_a_deck_without_its_fullscreen_script_fails_the_fullscreen_check(chromium, site_copy):
    remove_script(site_copy / LECTURE_DECK, "fullscreen")
    with pytest.raises(AssertionError, match="not in full screen"):
        check_fullscreen(chromium, (site_copy / LECTURE_DECK).as_uri())


# -- the deck for screen readers, keyboards and motion --

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
        titles = page.evaluate("() => [...document.querySelectorAll('section.slides > article')]"
                               ".map(s => DeckTitle(s))")
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


def test_a_deck_without_its_accessibility_script_fails_the_aria_check(chromium, site_copy):
    remove_script(site_copy / LECTURE_DECK, "deck-a11y")
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


# -- the handbook in the dark --

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
    check_dark_handbook(chromium, server + "slides/" + LECTURE_DECK.split("/")[-1])


def test_a_handbook_without_its_dark_palette_fails_the_dark_check(chromium, site_copy):
    css = site_copy / "_static/css/handbook.css"
    text_ = css.read_text(encoding="utf-8")
    css.write_text(text_.split("/* ---------------------------------------------------------------- dark")[0])
    with pytest.raises(AssertionError, match="not dark"):
        check_dark_handbook(chromium, (site_copy / "slides" / LECTURE_DECK.split("/")[-1]).as_uri())


# -- axe on every deck and handbook page, light and dark --

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
    handbook = "slides/" + LECTURE_DECK.split("/")[-1]
    page = site_copy / handbook
    page.write_text(page.read_text(encoding="utf-8").replace(
        '<div itemprop="articleBody">',
        '<div itemprop="articleBody"><p style="color: #ddd; background: #fff">faint</p>', 1), encoding="utf-8")
    with serve(site_copy) as base:
        found = serious_violations(chromium, base, [handbook])
    assert any("color-contrast" in line for line in found), found


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
