/** The one error type the store throws itself; database driver errors travel in `cause`. */

export type StoreErrorCode =
  /** The URL or schema name cannot be used. */
  | 'bad_config'
  /** The database could not be opened or reached. */
  | 'connect_failed'
  /** A migration failed; the database is left at the last version that succeeded. */
  | 'migration_failed'
  /** A value does not fit what the column accepts (e.g. a time that is not a number). */
  | 'bad_value';

export class StoreError extends Error {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'StoreError';
    this.code = code;
  }
}

export function isStoreError(error: unknown): error is StoreError {
  return error instanceof StoreError;
}
