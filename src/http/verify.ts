/**
 * Discord signs every request to an interactions endpoint: `X-Signature-Ed25519` is the Ed25519
 * signature, by the application's key, of `X-Signature-Timestamp` followed by the raw body. Checked with
 * Node's own crypto, on the bytes as received, before anything is parsed.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** A timestamp further than this from our clock is a replay (or a broken clock): rejected. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

/** The DER header of an Ed25519 SubjectPublicKeyInfo; the 32-byte raw key follows it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

const SIGNATURE = /^[0-9a-fA-F]{128}$/;
const TIMESTAMP = /^\d{1,12}$/;

export type Verifier = (
  signature: string | string[] | undefined,
  timestamp: string | string[] | undefined,
  body: Buffer,
) => boolean;

/** The application's public key as the Developer Portal shows it: 64 hex characters. */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error('an Ed25519 public key is 64 hex characters');
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

/** True only for a well-formed, fresh timestamp and a valid signature over timestamp + body. */
export function createVerifier(publicKeyHex: string, now: () => number = Date.now): Verifier {
  const key = publicKeyFromHex(publicKeyHex);
  return (signature, timestamp, body) => {
    if (typeof signature !== 'string' || typeof timestamp !== 'string') return false;
    if (!SIGNATURE.test(signature) || !TIMESTAMP.test(timestamp)) return false;
    if (Math.abs(now() / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) return false;
    try {
      return verify(
        null,
        Buffer.concat([Buffer.from(timestamp, 'utf8'), body]),
        key,
        Buffer.from(signature, 'hex'),
      );
    } catch {
      return false;
    }
  };
}
