/* Black out the projected screen (b or .), and bring it back (the same key, or Esc): the room
   looks at the speaker. The console shows that the deck is black. */
(function () {
  'use strict';
  var screen;

  function set(on) {
    if (!screen) {
      screen = document.createElement('div');
      screen.className = 'deck-blackout';
      screen.setAttribute('aria-hidden', 'true');
      document.body.appendChild(screen);
    }
    screen.hidden = !on;
    document.body.classList.toggle('deck-blacked-out', on);
    document.dispatchEvent(new Event('deckchange'));
  }

  DeckKeys.on('blackout', function () { set(!document.body.classList.contains('deck-blacked-out')); });
  DeckKeys.on('close', function () {
    if (document.body.classList.contains('deck-blacked-out')) set(false);
  });
})();
