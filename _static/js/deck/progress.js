/* A thin bar along the deck's bottom edge: how far through the deck the current slide is. It is
   decoration (the live region says the slide number), so it is hidden from assistive technology. */
import {currentIndex, slides} from "./state.js";

let bar;

function update() {
  if (!bar) return;
  const count = slides().length;
  bar.style.width = (count > 1 ? currentIndex() / (count - 1) * 100 : 100) + '%';
}

document.addEventListener('DOMContentLoaded', () => {
  const track = document.createElement('div');
  track.className = 'deck-progress';
  track.setAttribute('aria-hidden', 'true');
  bar = document.createElement('div');
  track.appendChild(bar);
  document.body.appendChild(track);
  update();
});
document.addEventListener('slideenter', update);
