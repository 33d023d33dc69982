/* Rehearsal: while the timer runs, the console counts the seconds spent on each slide; d (or the
 button) downloads them as JSON, with the lecture's plan, for `make rehearsal FILE=...`. */
import {on} from "../deck/keys.js";
import {running} from "./timer.js";
import {currentDeck, currentState, sectionOf} from "./view.js";

let seconds = [];
let mark = null;  // since when the current slide's time is counted
let at = 0;       // the slide being counted

// Add the time since the mark to the slide it was spent on; start a new mark.
function settle() {
  var now = Date.now();
  if (mark !== null) seconds[at] = (seconds[at] || 0) + (now - mark) / 1000;
  mark = running() ? now : null;
  at = currentState().index;
}

function report() {
  settle();
  var deck = currentDeck();
  return {
    lecture: deck.title,
    recorded: new Date().toISOString(),
    plan: deck.plan,
    slides: deck.slides.map(function (slide, i) {
      var section = sectionOf(i);
      return {number: i + 1, id: slide.id, title: slide.title,
              section: section >= 0 ? deck.plan.sections[section].id : null,
              seconds: Math.round((seconds[i] || 0) * 10) / 10};
    }),
  };
}

function download() {
  var blob = new Blob([JSON.stringify(report(), null, 2)], {type: 'application/json'});
  var link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = 'rehearsal.json';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
}

document.addEventListener('consolestate', settle);
document.addEventListener('consoletimer', settle);
document.addEventListener('consoledeck', function () { seconds = []; mark = null; settle(); });
on('rehearsal', download);
document.addEventListener('DOMContentLoaded', function () {
  document.getElementById('console-download').addEventListener('click', download);
});
