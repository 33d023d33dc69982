/* Black out the projected screen (b or .), and bring it back (the same key, or Esc): the room
   looks at the speaker. The console shows that the deck is black (console.js reads the body's
   class). */
import {on} from "./keys.js";

let screen;

function blackedOut() {
  return document.body.classList.contains('deck-blacked-out');
}

function set(black) {
  if (!screen) {
    screen = document.createElement('div');
    screen.className = 'deck-blackout';
    screen.setAttribute('aria-hidden', 'true');
    document.body.appendChild(screen);
  }
  screen.hidden = !black;
  document.body.classList.toggle('deck-blacked-out', black);
  document.dispatchEvent(new Event('deckchange'));
}

on('blackout', () => set(!blackedOut()));
on('close', () => { if (blackedOut()) set(false); });
