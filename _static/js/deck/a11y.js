/* The deck for screen readers: only the current slide is in the accessibility tree (the others
   are inert: hidden from assistive technology, not focusable, not clickable), and each move is
   announced in a polite live region ("Slide 4 of 25: Title"), as is the slide chosen in the
   overview (announce), where every slide is there to be chosen. */
import {container, indexOf, overviewOpen, slides, titleOf} from "./state.js";

let announcer;

// Say text in the live region, once the page has one.
export function announce(text) {
  if (announcer) announcer.textContent = text;
}

function update(event) {
  const current = container().querySelector(':scope > article.current');
  slides().forEach((slide) => { slide.inert = !overviewOpen() && slide !== current; });
  if (event.type === 'slideenter' && current) {
    announce('Slide ' + (indexOf(current) + 1) + ' of ' + slides().length + ': ' + titleOf(current));
  }
}

document.addEventListener('slideenter', update);
document.addEventListener('deckchange', update);
document.addEventListener('DOMContentLoaded', () => {
  // After slides.js has shown the first slide: the opening slide is not announced.
  announcer = document.createElement('div');
  announcer.className = 'deck-sr-only';
  announcer.setAttribute('role', 'status');
  announcer.setAttribute('aria-live', 'polite');
  document.body.appendChild(announcer);
});
