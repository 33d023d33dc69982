/* The deck's and the console's keys, from the one list in _ext/deck_keys.py (each page carries it
   as JSON in #deck-keys). A key press becomes an action name; the page's other modules say what an
   action does with on(action, handler). A key whose action has no handler on this page does
   nothing, except in the console, which sends the deck's keys on to the deck. */

export const list = JSON.parse(document.getElementById('deck-keys').textContent);
const handlers = {};
let digits = '';
let mode = 'slides';  // "overview" while the overview grid is open (overview.js)
let forward = null;   // the console's way to the deck window (console/view.js)

// The console's template has a section.console-slides; every other page is a deck.
export function here() {
  return document.querySelector('section.console-slides') ? 'console' : 'deck';
}

function keyName(event) {
  const key = event.key === ' ' ? 'Space' : event.key;
  return (event.shiftKey && key.length > 1 ? 'Shift+' : '') + key;
}

// The action of a key name in a window: the mode's binding first, then the slides' one.
function actionOf(name, where, inMode) {
  const modes = inMode === 'slides' ? ['slides'] : [inMode, 'slides'];
  for (const m of modes) {
    const key = list.find((k) => (k.where === 'both' || k.where === where) && k.mode === m
                                 && k.keys.indexOf(name) >= 0);
    if (key) return key.action;
  }
  return null;
}

export function on(action, handler) {
  (handlers[action] = handlers[action] || []).push(handler);
}

export function run(action, detail) {
  const todo = handlers[action] || [];
  todo.forEach((handler) => handler(detail || {}));
  return todo.length > 0;
}

export function setMode(name) {
  mode = name;
}

export function forwardTo(send) {
  forward = send;
}

// Do what a key name does here; true when something did it.
export function press(name) {
  const action = actionOf(name, here(), mode);
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
    const number = Number(digits);
    digits = '';
    return run('goto', {number: number});
  }
  digits = '';
  return action ? run(action, {key: name}) : false;
}

document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) return;
  const target = event.target;
  if (target.closest && target.closest('input, textarea, select, [contenteditable]')) return;
  const name = keyName(event);
  // Enter and Space on a focused link or button do what they do there.
  if ((name === 'Enter' || name === 'Space') && target.closest && target.closest('a, button')) return;
  if (press(name)) event.preventDefault();
});
