import { z } from 'zod';

/** Shared argument pieces. Objects are strict: an unknown field is a mistake worth reporting. */
export const empty = z.strictObject({});
export const id = z.string().min(1, 'is required').max(64, 'is too long');
export const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
export const requiredText = (max: number) => text(max).min(1, 'is required');
export const filePath = z.string().min(1, 'is required').max(4096, 'is too long');
export const panelSize = z.number().int('must be a whole number').min(1, 'must be at least 1').max(10_000, 'must be at most 10000');
