/** The Services server retrieves waiting emails from the mail server into the database, each as a new case. */
import { ActivityType, STATUS } from '../database';
import { addActivity, hop } from '../effects';
import { emailsAreRetrieved } from '../servers';
import type { Rule } from './rule';

export const emailRetrieval: Rule = {
  name: 'email retrieval',
  settle(rt) {
    const { state } = rt;
    const { db } = state;
    if (state.mailbox.length === 0 || !emailsAreRetrieved(state.servers)) return;
    for (const email of state.mailbox) {
      const id = db.nextActivityId++;
      const caseId = email.caseId ?? db.nextCaseId;
      db.nextCaseId = Math.max(db.nextCaseId, caseId + 1);
      addActivity(rt, {
        activity_id: id,
        case_id: caseId,
        activity_type: ActivityType.Email,
        activity_status: STATUS.waitingInQueue.status,
        activity_sub_status: STATUS.waitingInQueue.subStatus,
        queue_id: db.queues[0]!.queue_id,
        assigned_to: null,
        when_created: rt.timestamp(),
        contact_point_data: email.from,
      });
      state.emails[id] = email;
      hop(rt, 'Services', 'Database', `retrieve email "${email.subject}" as case ${caseId}`, true);
    }
    state.mailbox = [];
  },
};
