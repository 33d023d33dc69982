/* The presenter console's view of the deck: the current slide, large, the next one and the
   current slide's speaker notes. It registers with the deck window (window.opener) at once and
   every second after, so it finds the deck again when that reloads; the deck's keys pressed here
   go to the deck. Other console scripts read ConsoleDeck and listen to "consolestate". */
var ConsoleDeck = (function () {
  'use strict';
  var deck = {slides: [], plan: null, title: ''};
  var state = {index: 0, count: 0, blackout: false, overview: false};

  function send(message) {
    if (window.opener && !window.opener.closed) window.opener.postMessage(message, '*');
  }

  function show(box, slide) {
    box.innerHTML = slide ? slide.html : '<p class="console-end">End of the deck</p>';
    var article = box.querySelector('article');
    if (article) {
      article.classList.remove('far-past', 'past', 'next', 'far-next');
      article.classList.add('current');
      article.inert = true;
      article.querySelectorAll('[id]').forEach(function (el) { el.removeAttribute('id'); });
    }
    return article;
  }

  function render() {
    var current = deck.slides[state.index];
    document.getElementById('cur_slide_num').textContent = state.index + 1;
    document.getElementById('num_slides').textContent = deck.slides.length;
    document.getElementById('console-deck-state').textContent =
      state.blackout ? '(the deck is blacked out)' : state.overview ? '(the deck shows the overview)' : '';
    var article = show(document.getElementById('console-current'), current);
    show(document.getElementById('console-next'), deck.slides[state.index + 1]);
    var notes = document.getElementById('presenter_notes');
    notes.innerHTML = '';
    (article ? article.querySelectorAll('div.admonition.note') : []).forEach(function (note) {
      notes.insertAdjacentHTML('beforeend', note.innerHTML);
    });
    if (!notes.innerHTML) notes.innerHTML = '<p class="console-no-notes">No notes on this slide.</p>';
  }

  // The index of the plan's part that a slide is in (the slides before the first part count as
  // the first part's), or -1 without a plan.
  function sectionOf(index) {
    var sections = deck.plan ? deck.plan.sections : [];
    var found = sections.length ? 0 : -1;
    sections.forEach(function (section, i) { if (section.slide <= index) found = i; });
    return found;
  }

  window.addEventListener('message', function (event) {
    var data = event.data || {};
    if (event.source !== window.opener) return;
    if (data.command === 'deck') {
      deck = data;
      document.title = 'Presenter console: ' + data.title;
      render();
      document.dispatchEvent(new CustomEvent('consoledeck'));
    } else if (data.command === 'state') {
      var moved = data.index !== state.index;
      state = data;
      render();
      document.dispatchEvent(new CustomEvent('consolestate', {detail: {moved: moved}}));
    }
  });

  // Until the deck has sent its slides, each registration asks for them again.
  function register() { send({command: 'register', fresh: !deck.slides.length}); }

  DeckKeys.forwardTo(function (name) { send({command: 'key', key: name}); });
  document.addEventListener('DOMContentLoaded', function () {
    register();
    setInterval(register, 1000);
  });

  return {
    deck: function () { return deck; },
    state: function () { return state; },
    sectionOf: sectionOf,
  };
})();
