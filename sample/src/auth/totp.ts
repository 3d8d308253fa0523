import { createHmac, timingSafeEqual } from 'node:crypto';

const STEP_SECONDS = 30;
const DIGITS = 6;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 6238 time-based one-time password (SHA-1, 6 digits, 30 s), as authenticator apps compute it. */
export function totp(secretBase32: string, at: number = Date.now()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / STEP_SECONDS)));
  const mac = createHmac('sha1', decodeBase32(secretBase32)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** DIGITS).padStart(DIGITS, '0');
}

/**
 * The time step a code belongs to, accepting the current step and the ones
 * just before and after (clock drift), or `undefined` when it matches none.
 * The caller refuses a step already used, so a code works once.
 */
export function matchTotp(
  secretBase32: string,
  code: string,
  at: number = Date.now(),
): number | undefined {
  const now = Math.floor(at / 1000 / STEP_SECONDS);
  for (const step of [now - 1, now, now + 1]) {
    const expected = Buffer.from(totp(secretBase32, step * STEP_SECONDS * 1000));
    const given = Buffer.from(code);
    if (given.length === expected.length && timingSafeEqual(given, expected)) return step;
  }
  return undefined;
}

function decodeBase32(text: string): Buffer {
  let bits = '';
  for (const char of text.replace(/=+$/, '').toUpperCase()) {
    const value = BASE32.indexOf(char);
    if (value === -1) throw new Error('invalid base32 secret');
    bits += value.toString(2).padStart(5, '0');
  }
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((byte) => parseInt(byte, 2)));
}
