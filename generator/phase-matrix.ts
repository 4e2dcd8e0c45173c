/**
 * The at-a-glance page's impact by chat phase: one row per runbook, one column per phase (a chat in progress, a
 * chat waiting for an agent, a customer starting a chat, an email), each cell what the customer and the agent
 * see while the servers are down, from running the model (generator/chat-phases.ts), and linking to the runbook's
 * table with what happens once they are back. generator/site.ts puts it under the hand-written matrix.
 */
import { CHAT_PHASES, PHASE_LABEL, phaseImpact, type PhaseMoment } from './chat-phases';
import { htmlAttribute, htmlText } from './escape';
import { phaseMark, runbookRoute } from './runbook-page';
import { RUNBOOKS } from './runbooks';

/** A cell, with the phase's mark (from the source, or assumed with a link to its own register entry). */
function cell(label: string, moment: PhaseMoment, mark: string): string {
  const said = [...moment.customer.map((c) => `customer: ${c}`), ...moment.agent.map((a) => `agent: ${a}`)];
  return `<td data-label="${htmlAttribute(label)}">${
    said.length
      ? `<ul class="cf-outage-list">${said.map((s) => `<li>${htmlText(s)}</li>`).join('')}</ul>`
      : `<span class="cf-muted">${htmlText('nothing changes')}</span>`
  } ${mark}</td>`;
}

/** The partial: a table whose column group is the four chat phases, while the servers are down. */
export function phaseMatrix(): string {
  const rows = RUNBOOKS.map((runbook) => {
    const cells = CHAT_PHASES.map((phase) =>
      cell(
        PHASE_LABEL[phase],
        phaseImpact(runbook.outage, phase).down,
        phaseMark(runbook, phase, undefined, { why: false }),
      ),
    );
    return `<tr><th scope="row"><a href="${htmlAttribute(`${runbookRoute(runbook)}#impact-by-phase`)}">${htmlText(
      runbook.failure,
    )}</a></th>${cells.join('')}</tr>`;
  });
  return `<div class="cf-outage cf-phase-matrix"><table><caption>${htmlText(
    'While the servers are down, by chat phase (from the model; what the source does not show is marked assumed, linking to its entry in the register)',
  )}</caption><thead><tr><th scope="col" rowspan="2">Failure</th><th scope="colgroup" colspan="${CHAT_PHASES.length}">${htmlText(
    'Impact by chat phase',
  )}</th></tr><tr>${CHAT_PHASES.map((p) => `<th scope="col">${htmlText(PHASE_LABEL[p])}</th>`).join('')}</tr></thead><tbody>${rows.join(
    '',
  )}</tbody></table></div>\n`;
}
