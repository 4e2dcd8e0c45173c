/**
 * Diagrams stay within what mermaid draws: a long text is cut short in its label and given in full beside the
 * diagram, and a diagram over mermaid's text limit is left out with a sentence saying why, never handed to mermaid
 * to be replaced by "Maximum text size in diagram exceeded".
 */
import { test } from 'node:test';
import { equal, match, ok } from 'node:assert/strict';
import type { TraceEvent } from '../../../model/trace';
import { diagramBlock, MERMAID_MAX_TEXT } from '../../../generator/diagram-block';
import { LABEL_MAX, sequenceDiagramParts } from '../../../generator/sequence-diagram';

const hop = (what: string, at = 0): TraceEvent => ({
  at,
  type: 'hop',
  from: 'Customer',
  to: 'Web',
  what,
  delivered: true,
});

test('a long text is cut short in the diagram and kept whole beside it', () => {
  const long = `${'a very long customer message '.repeat(200)}<the end>`;
  const parts = sequenceDiagramParts([hop('short'), hop(long), { at: 0, type: 'shown', on: 'Customer', what: long }]);
  equal(parts.notes.length, 2);
  equal(parts.notes[0], long);
  ok(!parts.diagram.includes('the end'), 'the whole text is not in the diagram');
  match(parts.diagram, /… \[1\]/);
  for (const line of parts.diagram.split('\n')) ok(line.length < LABEL_MAX * 2, line.slice(0, 80));
  const block = diagramBlock(parts);
  match(block, /^```mermaid\n/);
  ok(block.includes('&lt;the end&gt;</li>'), 'the whole text, escaped, beside the diagram');
});

test('a diagram over mermaid’s limit is left out, saying so', () => {
  const events = Array.from({ length: 3000 }, (_, i) => hop(`message number ${i} of a long chat`, i));
  const parts = sequenceDiagramParts(events);
  ok(parts.diagram.length > MERMAID_MAX_TEXT);
  const block = diagramBlock(parts);
  ok(!block.includes('```mermaid'));
  match(block, /more than the 50,000 mermaid draws, so it is left out/);
});

test('an Application server instance failing and restored is drawn in the Application lane, named', () => {
  const events = [
    { type: 'step', at: 0, actor: 'Operator', text: 'Application 2 joins' },
    { type: 'server-failed', at: 5, server: 'Application 2' },
    { type: 'server-failed', at: 5, server: 'Messaging' },
    { type: 'server-restored', at: 65, server: 'Application 2' },
  ] as unknown as TraceEvent[];
  const { diagram: code } = sequenceDiagramParts(events);
  equal(/undefined/.test(code), false, code);
  match(code, /Note over Application,Messaging: .*Application 2.*fail/);
  match(code, /Note over Application,Messaging: Application 2, Messaging(<br\/>| )down/);
  match(code, /Note over Application,Application: .*Application 2.*restored/);
  match(code, /Note over Messaging,Messaging: Messaging down/);
});
