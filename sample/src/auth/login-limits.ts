// How many guesses an attacker gets, and for how long; the README lists them.

/** Wrong passwords in a row that block an account. */
export const MAX_FAILED_LOGINS = 5;

/** Wrong codes one first-step token takes before it is spent. */
export const MAX_CODES_PER_TOKEN = 3;

/** Wrong codes in a row, over any number of first-step tokens, that block an account. */
export const MAX_FAILED_CODES = 5;

/** Longest life of a first-step token: time enough to type a code, not to guess one. */
export const FIRST_STEP_TTL_SECONDS = 300;
