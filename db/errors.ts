import type { ErrorCode } from '../preload/contract';

/**
 * Why db/ refused to open a file (not ours, damaged, too new, read-only...). db/ sits below main/
 * and cannot throw main's AppError: main turns this into one (`openAssembly` in
 * main/assemblyFiles.ts), with the same code, message and details.
 */
export class DbFileError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DbFileError';
  }
}
