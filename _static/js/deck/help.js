/* The help overlay (?): every key this window answers to, written from the same list that binds
   them (#deck-keys). While it is open, it takes every key: ? or Esc closes it. */
import {here, list, on} from "./keys.js";

let dialog, before;

function build() {
  const where = here();
  dialog = document.createElement('div');
  dialog.className = 'deck-help';
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-labelledby', 'deck-help-title');
  dialog.tabIndex = -1;
  dialog.hidden = true;
  const title = document.createElement('h2');
  title.id = 'deck-help-title';
  title.textContent = where === 'console' ? 'Keys in the presenter console' : 'Keys in the deck';
  const table = document.createElement('table');
  list.forEach(function (key) {
    if (key.where !== 'both' && key.where !== where) return;
    const row = table.insertRow();
    const keys = row.insertCell();
    key.labels.forEach(function (name) {
      const kbd = document.createElement(name === '\u2026' ? 'span' : 'kbd');
      kbd.textContent = name;
      keys.appendChild(kbd);
      keys.appendChild(document.createTextNode(' '));
    });
    row.dataset.action = key.action;
    row.insertCell().textContent = key.text;
  });
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = 'Close (Esc)';
  close.addEventListener('click', hide);
  dialog.append(title, table, close);
  document.body.appendChild(dialog);
}

function show() {
  if (!dialog) build();
  before = document.activeElement;
  dialog.hidden = false;
  dialog.focus();
}

function hide() {
  dialog.hidden = true;
  if (before && before.focus) before.focus();
}

function isOpen() { return dialog && !dialog.hidden; }

on('help', function () { if (isOpen()) hide(); else show(); });

// Before keys.js: an open help swallows every key but Tab (to reach its button).
window.addEventListener('keydown', function (event) {
  if (!isOpen() || event.key === 'Tab') return;
  if (event.key === 'Escape' || event.key === '?') hide();
  if (event.key === 'Enter' && event.target.closest('button')) return;
  event.stopPropagation();
  event.preventDefault();
}, true);
