/* The overview (t): every slide at once, in a grid that fits the window. Arrows choose a slide,
   Enter or a click shows it, t or Esc goes back. It uses hieroglyph's own overview state (the
   "table" class on the slides, which stops slides.js from moving) and lays the slides out itself;
   hieroglyph's toggleView is not used, as it needs jQuery. */
import {on, setMode} from "./keys.js";
import {container, currentIndex, indexOf, overviewOpen, slides, titleOf} from "./state.js";
import {announce} from "./a11y.js";

const GAP = 12;        // px between two slides, and around the grid
const MIN_WIDTH = 160; // px: below this a slide is unreadable, and the grid scrolls instead
const STEP = {ArrowLeft: -1, ArrowRight: 1, ArrowUp: 'up', ArrowDown: 'down'};
let chosen = 0;
let columns = 1;

function changed() { document.dispatchEvent(new Event('deckchange')); }

// The columns that give the largest slides, all of them in the window.
function layout() {
  const count = slides().length, width = innerWidth - 2 * GAP, height = innerHeight - 2 * GAP;
  let best = {size: 0, columns: 1};
  for (let cols = 1; cols <= count; cols++) {
    const rows = Math.ceil(count / cols);
    const size = Math.min(width / cols - GAP, (height / rows - GAP) * 16 / 9);
    if (size > best.size) best = {size: size, columns: cols};
  }
  const size = Math.max(best.size, MIN_WIDTH);
  columns = best.size >= MIN_WIDTH ? best.columns : Math.max(1, Math.floor(width / (MIN_WIDTH + GAP)));
  container().style.setProperty('--u', (size / 100) + 'px');
  container().style.setProperty('--overview-columns', columns);
}

function choose(index) {
  const all = slides();
  chosen = Math.max(0, Math.min(all.length - 1, index));
  all.forEach((slide, i) => slide.classList.toggle('overview-chosen', i === chosen));
  all[chosen].scrollIntoView({block: 'nearest'});
  announce('Slide ' + (chosen + 1) + ' of ' + all.length + ': ' + titleOf(all[chosen]) + '. Enter shows it.');
}

function open() {
  slides().forEach((slide) => slide.classList.remove.apply(slide.classList, SLIDE_CLASSES));
  container().classList.add('table');
  layout();
  setMode('overview');
  changed();
  choose(currentIndex());
}

// Leave the overview for slide index (0-based), or for the slide it was opened on.
export function close(index) {
  const box = container();
  box.classList.remove('table');
  box.style.removeProperty('--u');
  box.style.removeProperty('--overview-columns');
  slides().forEach((slide) => slide.classList.remove('overview-chosen'));
  setMode('slides');
  SlideDeck.setLocation(index === undefined ? currentIndex() : index);
  changed();
}

on('overview', () => { if (overviewOpen()) close(); else open(); });
on('close', () => { if (overviewOpen()) close(); });
on('select', (detail) => {
  let step = STEP[detail.key];
  if (step === 'up') step = -columns;
  if (step === 'down') step = columns;
  choose(chosen + step);
});
on('open', () => close(chosen));

window.addEventListener('resize', () => { if (overviewOpen()) layout(); });
document.addEventListener('DOMContentLoaded', () => {
  // Before slides.js's own click handler, which would leave the overview behind our back.
  container().addEventListener('click', (event) => {
    const index = overviewOpen() ? indexOf(event.target) : -1;
    if (index < 0) return;
    event.stopPropagation();
    event.preventDefault();
    close(index);
  }, true);
});
