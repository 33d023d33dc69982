/* The handbook's navigation without jQuery (90 kB a page), in place of sphinx-rtd-theme's
   js/theme.js: _ext/deck_bundle.py writes this module into the handbook's _static/js/theme.js,
   the path the theme's page template loads. It does what the theme's script does for the course:
   the menu button on a narrow screen, the open/close buttons of the side menu, the side menu's
   current entry following the address, and wide tables that scroll sideways. (_ext/lean_output.py
   leaves jQuery out of the handbook's pages.) Its two globals are the ones that template calls. */

const all = (selector, root = document) => [...root.querySelectorAll(selector)];

function setCurrent(item, on) {
  item.classList.toggle("current", on);
  item.setAttribute("aria-expanded", on ? "true" : "false");
}

// An entry of the side menu opens and closes its sub-entries; opening it closes its siblings.
function toggleEntry(link) {
  const item = link.closest("li");
  for (const sibling of item.parentElement.children) {
    if (sibling === item) continue;
    all("li.current", sibling).concat(sibling.matches("li.current") ? [sibling] : [])
      .forEach((other) => setCurrent(other, false));
  }
  if (item.querySelector(":scope > ul li")) {
    all(":scope > ul li", item).forEach((child) => setCurrent(child, false));
    setCurrent(item, !item.classList.contains("current"));
  }
}

// The side menu shows where the address points: that entry and the entries above it.
function markCurrent() {
  const menu = document.querySelector(".wy-menu-vertical");
  if (!menu) return;
  const hash = encodeURI(window.location.hash) || "#";
  let link = menu.querySelector(`[href="${CSS.escape(hash)}"]`);
  if (!link && hash.length > 1) {
    const section = document.getElementById(decodeURI(hash.slice(1)))?.closest("section, div.section");
    if (section?.id) link = menu.querySelector(`[href="#${CSS.escape(section.id)}"]`);
  }
  link = link || menu.querySelector('[href="#"]');
  if (!link) return;
  all(".current", menu).forEach((other) => setCurrent(other, false));
  setCurrent(link, true);
  for (let level = 1; level <= 10; level++) {
    const item = link.closest(`li.toctree-l${level}`);
    if (item) setCurrent(item, true);
    if (item && level === 1) setCurrent(item.parentElement, true);
  }
  link.scrollIntoView({ block: "nearest" });
}

function wrapWideTables() {
  const wrap = (table, kind) => {
    const box = document.createElement("div");
    box.className = kind ? `wy-table-responsive ${kind}` : "wy-table-responsive";
    table.replaceWith(box);
    box.append(table);
  };
  all("table.docutils:not(.field-list, .footnote, .citation)").forEach((table) => wrap(table, ""));
  all("table.docutils.footnote").forEach((table) => wrap(table, "footnote"));
  all("table.docutils.citation").forEach((table) => wrap(table, "citation"));
}

function addOpenCloseButtons() {
  for (const list of all(".wy-menu-vertical ul:not(.simple)")) {
    const link = [...list.parentElement.children].find((element) => element.matches("a"));
    if (!link) continue;
    const button = document.createElement("button");
    button.className = "toctree-expand";
    button.title = "Open/close menu";
    button.addEventListener("click", (event) => {
      event.preventDefault();
      event.stopPropagation();
      toggleEntry(link);
    });
    link.prepend(button);
  }
}

function start() {
  const shifted = () => all("[data-toggle='wy-nav-shift'], [data-toggle='rst-versions']");
  document.addEventListener("click", (event) => {
    if (event.target.closest("[data-toggle='wy-nav-top']")) {
      shifted().forEach((element) => element.classList.toggle("shift"));
    }
    const link = event.target.closest(".wy-menu-vertical .current ul li a");
    if (link) {
      // a link of the open page's menu: the narrow-screen menu closes on the chosen section
      shifted().forEach((element) => element.classList.remove("shift"));
      toggleEntry(link);
    }
  });
  wrapWideTables();
  addOpenCloseButtons();
  markCurrent();
  window.addEventListener("hashchange", markCurrent);
}

let started = false;
window.SphinxRtdTheme = {
  Navigation: {
    enable() {
      if (started) return;
      started = true;
      if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
      else start();
    },
  },
};

// The theme's page template starts the navigation with `jQuery(function () {...})`, its one use
// of jQuery outside theme.js: run that function once the page is parsed, and nothing more.
if (!window.jQuery) {
  window.jQuery = (ready) => (document.readyState === "loading"
    ? document.addEventListener("DOMContentLoaded", ready) : ready());
}
