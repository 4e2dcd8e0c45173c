/**
 * What the icons and colours of the pages and the playground mean, in the source's words where it has them
 * ("Note the triangle next to chat status", "a red square", "the green circle"). Fixed text: nothing from a run.
 */
import { connectionIcon } from './end-state';

const ITEMS: readonly string[] = [
  `${connectionIcon('green circle')} green circle: the customer is connected`,
  `${connectionIcon('yellow triangle')} yellow triangle: messages may not be getting through`,
  `${connectionIcon('red square')} red square: “Customer not connected”`,
  '<span class="cf-legend-red">red chat status</span>: waiting for the agent, or the customer is gone',
  '<span class="cf-legend-green">green chat status</span>: waiting for the customer',
  '<span class="cf-swatch cf-swatch-outage" aria-hidden="true"></span> shaded band in a diagram: servers down',
  '<span aria-hidden="true">—x</span> arrow ending in a cross: a message lost on the way',
  '<span class="cf-server cf-down">down</span> / <span class="cf-server cf-up">up</span>: a server’s state',
];

export function legend(): string {
  return `<div class="cf-legend" role="note" aria-label="Legend"><span class="cf-legend-title">What the icons and colours mean</span>${ITEMS.map(
    (item) => `<span class="cf-legend-item">${item}</span>`,
  ).join('')}</div>`;
}
