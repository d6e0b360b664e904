import type { ErrorCode } from '@onewindow/shared';

/**
 * Base of every module's exception: a machine code, an HTTP status and a Chinese
 * message for the user. The global filter turns it into `{ code, message, details }`.
 */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
