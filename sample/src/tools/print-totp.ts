import { totp } from '../auth/totp.js';
import { BOB_TOTP_SECRET } from '../database/seed.js';

// What bob@example.com's authenticator app shows right now.
console.log(totp(BOB_TOTP_SECRET));
