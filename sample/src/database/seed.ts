import { hashPassword } from '../auth/passwords.js';
import type { DatabaseService } from './database.service.js';

/** The password of every demo account. */
export const DEMO_PASSWORD = 'correct-horse';

/** Bob's authenticator secret (base32), so the README can compute his codes. */
export const BOB_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

export const DEMO_USERS = [
  { email: 'alice@example.com', totpSecret: null, blocked: 0, about: 'no two-factor' },
  { email: 'bob@example.com', totpSecret: BOB_TOTP_SECRET, blocked: 0, about: 'two-factor on' },
  { email: 'carol@example.com', totpSecret: null, blocked: 1, about: 'blocked' },
  {
    email: 'dave@example.com',
    totpSecret: null,
    blocked: 0,
    about: 'two-factor off; try the lockout with him: 5 wrong passwords block an account',
  },
] as const;

const PRODUCTS = [
  { name: 'Green Tea', priceCents: 450, stock: 3 },
  { name: 'Oolong Tea', priceCents: 700, stock: 25 },
  { name: 'Teapot', priceCents: 3200, stock: 8 },
];

/**
 * Fills an empty database, so a first `npm start` has accounts and products
 * to try. Answers whether it did.
 */
export async function seed(db: DatabaseService): Promise<boolean> {
  if (db.get('SELECT 1 FROM users LIMIT 1') !== undefined) return false;
  // Each account gets its own salt, as real accounts would.
  const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD)));
  db.transaction(() => {
    DEMO_USERS.forEach((user, i) => {
      db.run(
        `INSERT INTO users (email, password_hash, totp_secret, blocked)
         VALUES (:email, :password_hash, :totp_secret, :blocked)`,
        {
          email: user.email,
          password_hash: hashes[i],
          totp_secret: user.totpSecret,
          blocked: user.blocked,
        },
      );
    });
    for (const product of PRODUCTS) {
      db.run(
        'INSERT INTO products (name, price_cents, stock) VALUES (:name, :price_cents, :stock)',
        {
          name: product.name,
          price_cents: product.priceCents,
          stock: product.stock,
        },
      );
    }
  });
  return true;
}
