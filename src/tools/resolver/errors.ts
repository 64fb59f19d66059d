/** What the problem got wrong, so the lab and the CLI can point at it. */
export interface InputErrorDetails {
  readonly package?: string;
  readonly version?: string;
  readonly specifier?: string;
  /** Where in the problem JSON, e.g. `index.foo.1.0.0.bar`. */
  readonly path?: string;
}

/** A problem the resolver cannot even start on (as opposed to one with no solution). */
export class ResolverInputError extends Error {
  override name = 'ResolverInputError';
  readonly details: InputErrorDetails;

  constructor(message: string, details: InputErrorDetails = {}) {
    super(message);
    this.details = details;
  }
}
