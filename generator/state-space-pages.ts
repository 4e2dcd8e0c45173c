/**
 * The state-space exploration on the site: on the claims page, the law that checks a claim in every explored
 * state with the count of states its premise held in; on the invariants page, the exploration's figures, every
 * law and the behaviour ledger. Pure: the exploration report in, HTML text out, every piece of it escaped.
 */
import type { StateSpaceReport } from '../exploration/report';
import { htmlText } from './escape';

/** The laws that generalise `claimId`, as a block under the claim's covering scenarios ('' if none). */
export function claimLaws(stateSpace: StateSpaceReport | undefined, claimId: string): string {
  const laws = stateSpace?.laws.filter((law) => law.claims.includes(claimId)) ?? [];
  if (laws.length === 0) return '';
  return `<div class="cf-law">${laws
    .map(
      (law) =>
        `<div>${law.violations ? '<span class="cf-badge cf-badge-failed">broken</span>' : '<span class="cf-badge cf-badge-passed">holds</span>'} ${htmlText(
          `Law, checked in every explored state: ${law.name}.`,
        )} <span class="cf-muted">${htmlText(
          `Whenever ${law.premise}, ${law.conclusion}. Premise held in ${law.premiseHeld} of ${stateSpace!.transitions} explored transitions (${stateSpace!.distinctStates} distinct states).`,
        )}</span></div>`,
    )
    .join('')}</div>`;
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return `<table class="cf-table"><thead><tr>${head.map((h) => `<th>${htmlText(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((row) => `<tr>${row.map((cell) => `<td>${htmlText(cell)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

function entries(record: Readonly<Record<string, number>>): string[][] {
  return Object.keys(record)
    .sort()
    .map((key) => [key, String(record[key])]);
}

/** The invariants page's sections on the state space: figures, laws, ledger. */
export function stateSpaceSections(stateSpace: StateSpaceReport | undefined): string[] {
  if (!stateSpace) return [];
  const { ledger } = stateSpace;
  return [
    '## Every state within bounds {#every-state}',
    `<p>${htmlText(
      `Breadth-first, from an empty deployment, every state the model can reach within these bounds was visited once (equal states, told apart by a canonical encoding, are one), and every invariant and law was checked in each: ${stateSpace.distinctStates} distinct states, ${stateSpace.transitions} transitions, plans of up to ${stateSpace.depthReached} steps. npm run explore explores larger bounds; the nightly job deeper ones across machines.`,
    )}</p>`,
    `<ul>${stateSpace.bounds.map((line) => `<li>${htmlText(line)}</li>`).join('')}</ul>`,
    '## The source’s claims as laws {#laws}',
    table(
      ['Law', 'Claims', 'Whenever', 'then', 'Premise held (transitions)', 'Violations'],
      stateSpace.laws.map((law) => [
        law.name,
        law.claims.join(', '),
        law.premise,
        law.conclusion,
        String(law.premiseHeld),
        String(law.violations),
      ]),
    ),
    '## What the explored states covered {#behaviour-ledger}',
    `<p>${htmlText('Servers down together, and in how many distinct states:')}</p>`,
    table(['Servers down', 'States'], entries(ledger.serverStates)),
    `<p>${htmlText('Thresholds of the model that passed while servers were down, and in how many transitions:')}</p>`,
    table(['Servers down: threshold', 'Transitions'], entries(ledger.thresholds)),
    `<p>${htmlText('Logins, logouts, emails and tabs, by the servers down when they happened:')}</p>`,
    table(['Event, servers down', 'Transitions'], entries(ledger.eventsDuringOutages)),
    table(['Customers in a chat at once', 'States'], entries(ledger.concurrentCustomers)),
    `<p>${htmlText('The server instances that failed, and what each held when it did; the agents who acted:')}</p>`,
    table(['Instance failing, holding', 'Transitions'], entries(ledger.instancesFailed ?? {})),
    table(['Agent', 'Transitions in which they acted'], entries(ledger.agentsActing ?? {})),
    `<p>${htmlText('Every action the model refused, why, and in how many states:')}</p>`,
    table(
      ['Action', 'Refused because', 'States'],
      Object.keys(ledger.refusals)
        .sort()
        .flatMap((type) =>
          Object.keys(ledger.refusals[type]!)
            .sort()
            .map((reason) => [type, reason, String(ledger.refusals[type]![reason])]),
        ),
    ),
  ];
}
