import type { z } from 'zod';
import type { FieldProblem } from '../preload/contract';

type Issue = z.core.$ZodIssue & { input?: unknown };

/**
 * Turns zod's issues into field problems with a stable rule, so the UI can say "This is
 * required" in Dutch, French or English, and a script gets a readable English sentence.
 * Expects issues parsed with `reportInput: true` (a missing field is one with no input).
 */
export function fieldProblemsFromZod(issues: readonly Issue[]): FieldProblem[] {
  return issues.flatMap((issue): FieldProblem[] => {
    const field = issue.path.join('.') || '(arguments)';
    // Whatever the expected type or list of values, a field that is not there is "required".
    if (issue.code !== 'unrecognized_keys' && (!('input' in issue) || issue.input === undefined)) {
      return [{ field, rule: 'required', message: 'is required' }];
    }
    switch (issue.code) {
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({
          field: [...issue.path, key].join('.'),
          rule: 'unknownField',
          message: 'is not a known field',
        }));
      case 'invalid_type':
        if (issue.expected === 'int') return [{ field, rule: 'wholeNumber', message: issue.message }];
        return [{ field, rule: 'wrongType', message: `must be a ${issue.expected}`, params: { expected: issue.expected } }];
      case 'too_small':
        if (issue.origin === 'string' && Number(issue.minimum) <= 1) return [{ field, rule: 'required', message: issue.message }];
        return [{ field, rule: 'atLeast', message: issue.message, params: { min: Number(issue.minimum) } }];
      case 'too_big':
        if (issue.origin === 'string') return [{ field, rule: 'tooLong', message: issue.message, params: { max: Number(issue.maximum) } }];
        return [{ field, rule: 'atMost', message: issue.message, params: { max: Number(issue.maximum) } }];
      case 'invalid_value':
        return [{ field, rule: 'notAllowed', message: issue.message, params: { allowed: issue.values.map(String).join(', ') } }];
      case 'custom': {
        // Our own refinements name their rule (services/schemas.ts: hidden characters).
        const params = (issue.params ?? {}) as Record<string, string | number>;
        if (params.rule === 'hiddenCharacter') {
          const { rule: _rule, ...rest } = params;
          return [{ field, rule: 'hiddenCharacter', message: issue.message, params: rest }];
        }
        return [{ field, rule: 'invalid', message: issue.message }];
      }
      default:
        return [{ field, rule: 'invalid', message: issue.message }];
    }
  });
}
