/* The deck's and the console's keys, from the one list in _ext/deck_keys.py (each page carries it
   as JSON in #deck-keys). A key press becomes an action name; the page's other scripts say what an
   action does with DeckKeys.on(action, handler). A key whose action has no handler on this page
   does nothing, except in the console, which sends the deck's keys on to the deck. */
var DeckKeys = (function () {
  'use strict';
  var list = JSON.parse(document.getElementById('deck-keys').textContent);
  var handlers = {};
  var digits = '';
  var mode = 'slides';  // "overview" while the overview grid is open (deck-overview.js)
  var forward = null;   // the console's way to the deck window (console.js)

  // The console's template has a section.console-slides; every other page is a deck.
  function here() {
    return document.querySelector('section.console-slides') ? 'console' : 'deck';
  }

  function keyName(event) {
    var key = event.key === ' ' ? 'Space' : event.key;
    return (event.shiftKey && key.length > 1 ? 'Shift+' : '') + key;
  }

  // The action of a key name in a window: the mode's binding first, then the slides' one.
  function actionOf(name, where, inMode) {
    var modes = inMode === 'slides' ? ['slides'] : [inMode, 'slides'];
    for (var m = 0; m < modes.length; m++) {
      for (var i = 0; i < list.length; i++) {
        var key = list[i];
        if ((key.where === 'both' || key.where === where) && key.mode === modes[m]
            && key.keys.indexOf(name) >= 0) return key.action;
      }
    }
    return null;
  }

  function run(action, detail) {
    var todo = handlers[action] || [];
    todo.forEach(function (handler) { handler(detail || {}); });
    return todo.length > 0;
  }

  // Do what a key name does here; true when something did it.
  function press(name) {
    var action = actionOf(name, here(), mode);
    if (forward && !(action && handlers[action])) {
      if (!/^[0-9]$/.test(name) && actionOf(name, 'deck', 'overview') === null) return false;
      forward(name);
      return true;
    }
    if (/^[0-9]$/.test(name) && actionOf('Digit', here(), 'slides') === 'goto') {
      digits = (digits + name).slice(-4);
      return true;
    }
    if (name === 'Enter' && digits) {
      var number = Number(digits);
      digits = '';
      return run('goto', {number: number});
    }
    digits = '';
    return action ? run(action, {key: name}) : false;
  }

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) return;
    var target = event.target;
    if (target.closest && target.closest('input, textarea, select, [contenteditable]')) return;
    var name = keyName(event);
    // Enter and Space on a focused link or button do what they do there.
    if ((name === 'Enter' || name === 'Space') && target.closest && target.closest('a, button')) return;
    if (press(name)) event.preventDefault();
  });

  return {
    list: list,
    here: here,
    on: function (action, handler) { (handlers[action] = handlers[action] || []).push(handler); },
    press: press,
    run: run,
    setMode: function (name) { mode = name; },
    mode: function () { return mode; },
    forwardTo: function (send) { forward = send; },
  };
})();
