/**
 * Base for every coded error. `code` is a closed union per module so the HTTP and CLI
 * layers can map each code exhaustively; `message` tells the user what to do.
 */
export class AppError<Code extends string = string> extends Error {
  readonly code: Code;
  readonly details?: Record<string, unknown>;

  constructor(code: Code, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}
