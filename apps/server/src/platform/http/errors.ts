import type { ErrorCode } from './messages.js';
import { ERRORS } from './messages.js';

export interface FieldError {
  path: string;
  /** A FIELD_MESSAGES key or plain text. */
  message: string;
}

/** The one error type services throw; mapped to problem+json in one place (problem.ts). */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly fieldErrors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
    /** Extra members of the problem body (RFC 9457 extensions), e.g. a conflict's current version. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(code);
    this.status = ERRORS[code].status;
  }
}

export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('forbidden');
