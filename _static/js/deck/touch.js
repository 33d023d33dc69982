/* The deck on a touch screen: a tap on the right third of the screen shows the next slide, on the
   left third the previous one, as a reader expects from a phone; a tap on a link or a button, or
   in the middle, does what it does there, and slides.js's strips at the edges move the deck
   themselves. A swipe left or right moves the deck as well: that is slides.js's own
   (handleTouchStart). A mouse click is left alone: on a laptop the keys move the deck. */
import {run} from "./keys.js";
import {container, overviewOpen} from "./state.js";

document.addEventListener('DOMContentLoaded', () => {
  container().addEventListener('click', (event) => {
    if (event.pointerType !== 'touch' || overviewOpen() || event.target.closest('a, button, .slide-area')) return;
    const third = event.clientX / innerWidth;
    if (third > 2 / 3) run('next');
    else if (third < 1 / 3) run('previous');
  });
});
