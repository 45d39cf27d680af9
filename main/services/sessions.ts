import { z } from 'zod';
import { SESSION_KINDS, type SessionKind } from '../../preload/vocabulary';
import type { Session, SessionInput } from '../domain/sessions/types';
import { findLiveSessionByNameKey, findSession, insertSession, listSessions, updateSessionRow } from '../../db/sessions';
import type { Db } from '../../db/connection';
import { sessionTimeProblems } from '../domain/sessionRules';
import { searchKey } from '../domain/text';
import { AppError } from '../errors';
import { handlers } from '../registry';
import { id, requiredText, text } from './schemas';

const kind = z.enum(SESSION_KINDS as [SessionKind, ...SessionKind[]], { message: 'must be plenary, online or other' });
const fields = {
  name: requiredText(120),
  date: z.string().max(10, 'is not a date (use YYYY-MM-DD)'),
  startTime: z.string().max(5, 'is not a time (use HH:MM)'),
  endTime: z.string().max(5, 'is not a time (use HH:MM)'),
  location: text(200).optional(),
  kind,
};

/** Refuses impossible times and duplicate names with field-level details the form can show. */
function checkSession(db: Db, s: SessionInput, exceptId: string | null): string {
  const problems = sessionTimeProblems(s);
  if (problems.length > 0) {
    throw new AppError('VALIDATION', `Session "${s.name}": ${problems.map((p) => p.message).join('; ')}.`, { fields: problems });
  }
  const nameKey = searchKey(s.name);
  const clash = findLiveSessionByNameKey(db, nameKey, exceptId);
  if (clash) {
    throw new AppError('CONFLICT', `There is already a session called "${clash.name}" (on ${clash.date}). Give this one another name.`, {
      fields: [{ field: 'name', rule: 'nameTaken', message: 'is already used by another session' }],
      existingId: clash.id,
    });
  }
  return nameKey;
}

function requireSession(db: Db, sessionId: string): Session {
  const s = findSession(db, sessionId);
  if (!s) throw new AppError('NOT_FOUND', `No session with id ${sessionId}.`, { id: sessionId });
  return s;
}

export const sessionHandlers = handlers({
  'sessions.list': {
    args: z.strictObject({ includeDeleted: z.boolean().optional() }),
    run: ({ includeDeleted }, ctx) => listSessions(ctx.requireDb(), includeDeleted ?? false),
  },
  'sessions.get': {
    args: z.strictObject({ id }),
    run: (args, ctx) => requireSession(ctx.requireDb(), args.id),
  },
  'sessions.create': {
    args: z.strictObject(fields),
    run: (input, ctx) =>
      ctx.mutate((db, audit) => {
        const nameKey = checkSession(db, input, null);
        const now = ctx.nowIso();
        const session: Session = {
          id: ctx.newId(),
          name: input.name,
          date: input.date,
          startTime: input.startTime,
          endTime: input.endTime,
          location: input.location ?? '',
          kind: input.kind,
          createdAt: now,
          updatedAt: now,
          deletedAt: null,
        };
        insertSession(db, session, nameKey);
        audit({ entity: 'session', entityId: session.id, action: 'create', after: session });
        return session;
      }),
  },
  'sessions.update': {
    args: z.strictObject({ id, ...z.object(fields).partial().shape }),
    run: ({ id: sessionId, ...patch }, ctx) =>
      ctx.mutate((db, audit) => {
        const before = requireSession(db, sessionId);
        if (before.deletedAt) throw new AppError('CONFLICT', `Session "${before.name}" is deleted; restore it before editing.`, { id: sessionId });
        const changed = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
        const next: Session = { ...before, ...changed, updatedAt: ctx.nowIso() };
        const nameKey = checkSession(db, next, sessionId);
        updateSessionRow(db, next, nameKey);
        audit({ entity: 'session', entityId: sessionId, action: 'update', before, after: next });
        return next;
      }),
  },
  'sessions.delete': {
    args: z.strictObject({ id }),
    run: (args, ctx) =>
      ctx.mutate((db, audit) => {
        const before = requireSession(db, args.id);
        if (before.deletedAt) throw new AppError('CONFLICT', `Session "${before.name}" is already deleted.`, { id: args.id });
        const now = ctx.nowIso();
        const next: Session = { ...before, deletedAt: now, updatedAt: now };
        updateSessionRow(db, next, searchKey(next.name));
        audit({ entity: 'session', entityId: args.id, action: 'delete', before, after: next });
        return next;
      }),
  },
  'sessions.restore': {
    args: z.strictObject({ id }),
    run: (args, ctx) =>
      ctx.mutate((db, audit) => {
        const before = requireSession(db, args.id);
        if (!before.deletedAt) throw new AppError('CONFLICT', `Session "${before.name}" is not deleted.`, { id: args.id });
        const next: Session = { ...before, deletedAt: null, updatedAt: ctx.nowIso() };
        const nameKey = checkSession(db, next, args.id);
        updateSessionRow(db, next, nameKey);
        audit({ entity: 'session', entityId: args.id, action: 'restore', before, after: next });
        return next;
      }),
  },
});
