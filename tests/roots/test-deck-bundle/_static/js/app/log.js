/* What ran, in order: the page shows it. */
const ran = [];

export function record(name) {
  ran.push(name);
  document.documentElement.dataset.ran = ran.join(' ');
}

export function count() {
  return ran.length;
}
