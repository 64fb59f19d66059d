/**
 * SHA-256 of a UTF-8 string as hex, synchronously: Web Crypto's digest is async, and the labs
 * make lock-file hashes and cache keys synchronously in the browser. From @noble/hashes
 * (audited, dependency-free).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
