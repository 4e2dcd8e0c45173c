/** Time passes on the model's clock; deadlines on the way fire in order. */
import { formatDuration } from '../clock';
import { count, define, type ControlOf } from './definition';

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
  tries: {
    reads: [],
    weight: 4,
    budget: { count: 'waits', otherwise: 2 },
    candidates: (_state, cast) => cast.waits.map((seconds) => ({ type: 'wait', seconds })),
  },
  controls: (_state, fields) => {
    const clock = (id: string, label: string, seconds: number | string): ControlOf<Wait> => ({
      id,
      group: 'clock',
      label,
      made: typeof seconds === 'string' ? seconds : { type: 'wait', seconds },
    });
    return [
      clock('wait-5s', '+5 seconds', 5),
      clock('wait-1min', '+1 minute', 60),
      clock('wait-amount', 'Let the time pass', fields.seconds),
      clock('wait-until', 'Move the clock', fields.secondsUntil),
    ];
  },
});
