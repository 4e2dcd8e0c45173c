/** An email arrives for the agent's queue, as in the source's Services server scenarios. */
import type fc from 'fast-check';
import type { Action } from '../../model/actions';
import type { Exploration } from '../exploration';

export const EMAIL_SUBJECTS: readonly string[] = ['test2', 'test3'];

export function emailArrives(subjectIndex: number): Action {
  return {
    type: 'email-arrives',
    from: 'testcust@dslab.cisco.com',
    to: 'eim@dslab.cisco.com',
    subject: EMAIL_SUBJECTS[subjectIndex % EMAIL_SUBJECTS.length]!,
    sent: '7/11/2011 2:03:58 PM',
  };
}

export class EmailArrives implements fc.Command<Exploration, Exploration> {
  constructor(readonly subjectIndex: number) {}

  check(): boolean {
    return true;
  }

  run(_model: Exploration, exploration: Exploration): void {
    exploration.step(emailArrives(this.subjectIndex));
  }

  toString(): string {
    return `an email "${EMAIL_SUBJECTS[this.subjectIndex % EMAIL_SUBJECTS.length]}" arrives`;
  }
}
