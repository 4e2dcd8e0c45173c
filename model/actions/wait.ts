/** Time passes on the model's clock; deadlines on the way fire in order. */
import { formatDuration } from '../clock';
import { count, define } from './definition';

export interface Wait {
  readonly type: 'wait';
  readonly seconds: number;
}

const valid = (seconds: number): boolean => Number.isInteger(seconds) && seconds > 0;

function sentence(seconds: number): string {
  return seconds % 60 === 0
    ? `${seconds / 60} minute${seconds === 60 ? '' : 's'} pass`
    : `${seconds} second${seconds === 1 ? '' : 's'} pass`;
}

export const wait = define<Wait>({
  type: 'wait',
  actor: 'Clock',
  fields: { seconds: count },
  words: ({ seconds }, style) =>
    valid(seconds)
      ? style.pick(`${formatDuration(seconds)} passes`, sentence(seconds))
      : `${String(seconds)} seconds pass`,
  cannot: () => 'time cannot pass',
  refusal: (_rt, { seconds }) =>
    valid(seconds) ? null : `time can only move forward by a whole number of seconds, not ${String(seconds)}`,
  perform: (rt, { seconds }) => rt.advance(seconds),
  example: { action: { type: 'wait', seconds: 65 } },
});
