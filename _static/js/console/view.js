/* The presenter console's view of the deck: the current slide, large, the next one and the
   current slide's speaker notes. It registers with the deck window (window.opener) at once and
   every second after, so it finds the deck again when that reloads; the deck's keys pressed here
   go to the deck. The other console modules import currentDeck(), currentState() and sectionOf(),
   and listen to "consolestate". */
import {forwardTo} from "../deck/keys.js";

let deck = {slides: [], plan: null, title: ''};
let state = {index: 0, count: 0, blackout: false, overview: false};

function send(message) {
  if (window.opener && !window.opener.closed) window.opener.postMessage(message, '*');
}

function show(box, slide) {
  box.innerHTML = slide ? slide.html : '<p class="console-end">End of the deck</p>';
  const article = box.querySelector('article');
  if (article) {
    article.classList.remove('far-past', 'past', 'next', 'far-next');
    article.classList.add('current');
    article.inert = true;
    article.querySelectorAll('[id]').forEach(function (el) { el.removeAttribute('id'); });
  }
  return article;
}

function render() {
  const current = deck.slides[state.index];
  document.getElementById('cur_slide_num').textContent = state.index + 1;
  document.getElementById('num_slides').textContent = deck.slides.length;
  document.getElementById('console-deck-state').textContent =
    state.blackout ? '(the deck is blacked out)' : state.overview ? '(the deck shows the overview)' : '';
  const article = show(document.getElementById('console-current'), current);
  show(document.getElementById('console-next'), deck.slides[state.index + 1]);
  const notes = document.getElementById('presenter_notes');
  notes.innerHTML = '';
  (article ? article.querySelectorAll('div.admonition.note') : []).forEach(function (note) {
    notes.insertAdjacentHTML('beforeend', note.innerHTML);
  });
  if (!notes.innerHTML) notes.innerHTML = '<p class="console-no-notes">No notes on this slide.</p>';
}

export function currentDeck() {
  return deck;
}

export function currentState() {
  return state;
}

// The index of the plan's part that a slide is in (the slides before the first part count as
// the first part's), or -1 without a plan.
export function sectionOf(index) {
  const sections = deck.plan ? deck.plan.sections : [];
  let found = sections.length ? 0 : -1;
  sections.forEach(function (section, i) { if (section.slide <= index) found = i; });
  return found;
}

window.addEventListener('message', function (event) {
  const data = event.data || {};
  if (event.source !== window.opener) return;
  if (data.command === 'deck') {
    deck = data;
    document.title = 'Presenter console: ' + data.title;
    render();
    document.dispatchEvent(new CustomEvent('consoledeck'));
  } else if (data.command === 'state') {
    const moved = data.index !== state.index;
    state = data;
    render();
    document.dispatchEvent(new CustomEvent('consolestate', {detail: {moved: moved}}));
  }
});

// Until the deck has sent its slides, each registration asks for them again.
function register() { send({command: 'register', fresh: !deck.slides.length}); }

forwardTo(function (name) { send({command: 'key', key: name}); });
document.addEventListener('DOMContentLoaded', function () {
  register();
  setInterval(register, 1000);
});
