import { z } from 'zod';
import { listAudit } from '../../db/audit';
import { poolSummary } from '../../db/pool';
import { handlers } from '../registry';
import { empty, text } from './schemas';

export const auditHandlers = handlers({
  'audit.list': {
    args: z.strictObject({
      entity: text(50).optional(),
      entityId: text(64).optional(),
      limit: z.number().int().min(1).max(10_000).optional(),
    }),
    run: (filter, ctx) => listAudit(ctx.requireDb(), filter),
  },
});

export const poolHandlers = handlers({
  'pool.summary': {
    args: empty,
    run: (_args, ctx) => poolSummary(ctx.requireDb()),
  },
});
