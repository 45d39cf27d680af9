import { z } from 'zod';
import { describeHiddenCharacters, hiddenCharactersIn } from '../domain/text';

/** Shared argument pieces. Objects are strict: an unknown field is a mistake worth reporting. */
export const empty = z.strictObject({});
export const id = z.string().min(1, 'is required').max(64, 'is too long');
/**
 * Refuses characters that change how a text looks without being seen (main/domain/text.ts): in
 * a name on a badge or a list they make it pass for another. Named with their position, so the
 * person can find and remove them.
 */
const withoutHidden = (allowLineBreaks: boolean) => (value: string, ctx: z.RefinementCtx) => {
  const hidden = hiddenCharactersIn(value, { allowLineBreaks });
  if (hidden.length === 0) return;
  ctx.addIssue({
    code: 'custom',
    message: `holds ${describeHiddenCharacters(hidden)}, which change how the text looks without being seen: remove ${hidden.length === 1 ? 'it' : 'them'}`,
    params: { rule: 'hiddenCharacter', character: hidden[0]!.codePoint, position: hidden[0]!.position, count: hidden.length },
  });
};
/** Free text; line breaks and tabs allowed (notes, texts, reasons). */
export const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).superRefine(withoutHidden(true));
export const requiredText = (max: number) => text(max).min(1, 'is required');
/** One line of text, such as a person's name: no line breaks or tabs either. */
export const requiredLine = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).superRefine(withoutHidden(false)).min(1, 'is required');
export const filePath = z.string().min(1, 'is required').max(4096, 'is too long');
export const panelSize = z.number().int('must be a whole number').min(1, 'must be at least 1').max(10_000, 'must be at most 10000');
