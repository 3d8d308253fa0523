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

/** Fills an empty database, so a first `npm start` has accounts and products to try. */
export function seed(db: DatabaseService): void {
  if (db.get('SELECT 1 FROM users LIMIT 1') !== undefined) return;
  db.transaction(() => {
    for (const user of DEMO_USERS) {
      db.run(
        `INSERT INTO users (email, password_hash, totp_secret, blocked)
         VALUES (:email, :password_hash, :totp_secret, :blocked)`,
        {
          email: user.email,
          password_hash: hashPassword(DEMO_PASSWORD),
          totp_secret: user.totpSecret,
          blocked: user.blocked,
        },
      );
    }
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
}
