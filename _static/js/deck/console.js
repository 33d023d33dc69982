/* The deck's side of the presenter console (c opens it): replaces hieroglyph's sync.js. The
   console registers by postMessage (which works between file:// windows too) and keeps doing so
   every second, so that it finds the deck again after the deck window reloads. The deck sends it
   every slide and the lecture's plan once, then its state after every change; the console sends
   back the deck's keys it is pressed. */
import {on, press} from "./keys.js";
import {currentIndex, indexOf, overviewOpen, slides, titleOf} from "./state.js";

let consoles = [];

function state() {
  return {command: 'state', index: currentIndex(), count: slides().length,
          blackout: document.body.classList.contains('deck-blacked-out'), overview: overviewOpen()};
}

// The lecture's plan (#lecture-plan, written by _ext/lecture.py), each part with the index of
// its first slide; null when the lecture has none.
function plan() {
  const data = document.getElementById('lecture-plan');
  if (!data) return null;
  const parsed = JSON.parse(data.textContent);
  parsed.sections.forEach((section) => { section.slide = indexOf(document.getElementById(section.id)); });
  parsed.sections = parsed.sections.filter((section) => section.slide >= 0);
  return parsed;
}

// Every slide, with its images' addresses made absolute: the console is another page.
function deck() {
  return {
    command: 'deck', title: document.title, plan: plan(),
    slides: Array.prototype.map.call(slides(), (slide) => {
      const copy = slide.cloneNode(true);
      copy.querySelectorAll('img[src]').forEach((img) => img.setAttribute('src', img.src));
      return {html: copy.outerHTML, id: slide.id, title: titleOf(slide)};
    }),
  };
}

function send(message, to) {
  consoles = consoles.filter((w) => !w.closed);
  (to ? [to] : consoles).forEach((w) => w.postMessage(message, '*'));
}

window.addEventListener('message', (event) => {
  const data = event.data || {};
  if (!document.body.classList.contains('loaded')) return;  // the console asks again
  const known = consoles.indexOf(event.source) >= 0;
  if (data.command === 'register' && (!known || data.fresh)) {
    if (!known) consoles.push(event.source);
    send(deck(), event.source);
    send(state(), event.source);
  } else if (data.command === 'key' && known) {
    press(data.key);
  }
});

['slideenter', 'deckchange'].forEach((type) => {
  document.addEventListener(type, () => { if (consoles.length) send(state()); });
});

on('console', () => {
  window.open(DOCUMENTATION_OPTIONS.URL_ROOT + 'console.html', 'console',
              'menubar=no,location=no,resizable=yes,scrollbars=yes,status=yes');
});
