/** Who acts in the explored plans: the source's agents (egpl_user's reference rows) and two customers. */
export { AGENT, AGENTS, CUSTOMERS } from '../exploration';
