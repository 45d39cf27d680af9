import type { ApiError, ErrorCode } from '../preload/contract';

/**
 * The one error type services throw. The registry turns it into `{ ok: false, error }`:
 * Electron drops the fields of raw errors crossing IPC, so nothing else crosses.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly i18nKey: string = `errors.${code}`,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toApiError(): ApiError {
    return { code: this.code, message: this.message, i18nKey: this.i18nKey, details: this.details };
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
