/** Who acts in the explored plans: the source's agents (egpl_user's reference rows) and two customers. */
export { AGENT, CUSTOMERS } from '../exploration';

/** The agents the explorer logs in: JDoe of the screenshots first, then DMarino of the database rows. */
export const AGENTS = ['JDoe', 'DMarino'] as const;
