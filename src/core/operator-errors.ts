// Errors meant for the operator of a command (the CLI, bench, infra, Kafka admin helpers): a message, what to do
// about it, a stable code and the exit code the CLI ends with (2: bad input or not found, 3: a dependency did not
// answer). Here rather than in cli/ because drivers and the bench harness raise them too.
/** An error meant for the operator: a message, what to do about it, a stable code and an exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly code: string,
    readonly hint?: string,
  ) {
    super(message)
  }
}
export class UsageError extends CliError {
  constructor(message: string, hint?: string, code = 'usage') {
    super(message, 2, code, hint)
  }
}
export class NotFoundError extends UsageError {
  constructor(message: string, hint?: string) {
    super(message, hint, 'not_found')
  }
}
export class UnreachableError extends CliError {
  constructor(message: string, hint?: string) {
    super(message, 3, 'unreachable', hint)
  }
}
