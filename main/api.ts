import { appHandlers } from './services/app';
import { auditHandlers, poolHandlers } from './services/audit';
import { sessionHandlers } from './services/sessions';
import { createRegistry, type Registry } from './registry';

/** The application's registry: every domain's handlers, merged once. */
export function createAppRegistry(log?: (msg: string) => void): Registry {
  return createRegistry([appHandlers, sessionHandlers, auditHandlers, poolHandlers], log);
}
