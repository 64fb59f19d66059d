/** Cache keys and content digests: SHA-256 of a string, or of a structured value as JSON. */
import { sha256Hex } from '../../sha256';

export { sha256Hex as digest };

/** Digest of a structured value; callers build objects with a fixed key order. */
export function digestOf(value: unknown): string {
  return sha256Hex(JSON.stringify(value));
}
