/**
 * A condition set that cannot be run as asked: a field the catalogue does not know, an operator
 * its type does not allow, a field without a SQL column, or an event operator given to the SQL
 * compiler. These are programming errors (sets are validated on save), not user input errors.
 */
export type ConditionErrorCode =
  | 'unknown_field'
  | 'operator_not_allowed'
  | 'missing_column'
  | 'not_compilable';

export class ConditionError extends Error {
  constructor(
    readonly code: ConditionErrorCode,
    /** Where in the set, e.g. `all.0`. */
    readonly path: string,
    readonly field: string,
  ) {
    super(`${code} at ${path} (${field})`);
    this.name = 'ConditionError';
  }
}
