import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';

const KEY_LENGTH = 32;
const COST = 16384;
const SALT_LENGTH = 16;

/**
 * scrypt, Node's own memory-hard password hash: `scrypt$<cost>$<salt>$<hash>`.
 * The async form runs on libuv's thread pool: a login costs tens of
 * milliseconds of hashing, which `scryptSync` would take from every other
 * request.
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const hash = await scryptAsync(password, salt, KEY_LENGTH, { N: COST });
  return `scrypt$${COST}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, cost, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt') return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(cost),
  });
  return timingSafeEqual(actual, expected);
}

/**
 * A well-formed hash no password matches, checked when an email has no
 * account: the answer then takes as long as a wrong password's, so timing
 * does not tell which emails have accounts.
 */
export const NO_ACCOUNT_HASH = `scrypt$${COST}$${Buffer.alloc(SALT_LENGTH).toString('base64url')}$${Buffer.alloc(KEY_LENGTH).toString('base64url')}`;

function scryptAsync(
  password: string,
  salt: Buffer,
  keyLength: number,
  options: ScryptOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keyLength, options, (error, key) =>
      error === null ? resolve(key) : reject(error),
    );
  });
}
