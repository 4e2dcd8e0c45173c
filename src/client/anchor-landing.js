/**
 * Links that land: when the address names an anchor, open the folds that belong to it (the scenario's diagram,
 * end state and SQL, generator/page-layout.ts) and any fold around it, put it at the top of the window, and keep
 * it there while diagrams draw and the page settles, until the reader scrolls, clicks or types.
 */
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';

/** How long a landing is kept in place at most: mermaid draws a long page's diagrams within a few seconds. */
const KEEP_MS = 15000;
const STOP_ON = ['wheel', 'touchstart', 'keydown', 'mousedown'];

let stopKeeping = () => {};

function targetOf(hash) {
  if (!hash || hash.length < 2) return null;
  let id;
  try {
    id = decodeURIComponent(hash.slice(1));
  } catch {
    return null;
  }
  return document.getElementById(id) ? { id, element: document.getElementById(id) } : null;
}

function openFolds({ id, element }) {
  for (const fold of document.querySelectorAll('details[data-fold-for]')) {
    if (fold.getAttribute('data-fold-for') === id) fold.open = true;
  }
  for (let node = element.parentElement; node; node = node.parentElement) {
    if (node.tagName === 'DETAILS') node.open = true;
  }
}

/**
 * A target near the end of a short page (the last claims, the last assumption) cannot reach the top of the window:
 * room is made after the page (outside React's root, so that it adds to the document's height), and taken away
 * when the reader goes to a page without an anchor.
 */
function makeRoom(element) {
  const room =
    document.getElementById('cf-landing-room') ??
    document.body.appendChild(Object.assign(document.createElement('div'), { id: 'cf-landing-room' }));
  room.setAttribute('aria-hidden', 'true');
  room.style.height = '0px';
  const margin = parseFloat(getComputedStyle(element).scrollMarginTop) || 0;
  const top = element.getBoundingClientRect().top + window.scrollY - margin;
  const missing = top + window.innerHeight - document.documentElement.scrollHeight;
  if (missing > 0) room.style.height = `${Math.ceil(missing)}px`;
}

function land(hash) {
  stopKeeping();
  const target = targetOf(hash);
  if (!target) return;
  openFolds(target);
  const place = () => {
    makeRoom(target.element);
    target.element.scrollIntoView({ block: 'start' });
  };
  place();
  // Which anchor the page last landed on (the browser tests wait for it before they measure).
  document.documentElement.setAttribute('data-landed', target.id);
  const observer = new ResizeObserver(place);
  observer.observe(document.body);
  const timer = window.setTimeout(() => stopKeeping(), KEEP_MS);
  const stop = () => stopKeeping();
  stopKeeping = () => {
    observer.disconnect();
    window.clearTimeout(timer);
    for (const type of STOP_ON) window.removeEventListener(type, stop, true);
    stopKeeping = () => {};
  };
  for (const type of STOP_ON) window.addEventListener(type, stop, { capture: true, passive: true });
}

if (ExecutionEnvironment.canUseDOM) {
  window.addEventListener('hashchange', () => land(window.location.hash));
}

export function onRouteDidUpdate({ location, previousLocation }) {
  if (!location.hash) {
    document.getElementById('cf-landing-room')?.remove();
    return;
  }
  if (previousLocation && previousLocation.pathname === location.pathname && previousLocation.hash === location.hash) {
    return;
  }
  // After React has committed the new page, so its anchors exist.
  window.requestAnimationFrame(() => land(location.hash));
}
