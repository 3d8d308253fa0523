/** Sent when no usable bearer token came with the request. @publicApi */
export const TOKEN_REQUIRED_SENTENCE =
  'A bearer token is required: send the header "Authorization: Bearer <token>"';

/** The reference system's sentence for an unknown, expired or mismatched token. @publicApi */
export const SESSION_EXPIRED_SENTENCE = 'Your session has expired. Kindly logout and login';

/** The reference system's sentence for a blocked account. @publicApi */
export function accountBlockedSentence(team: string): string {
  return `Your Account has been blocked, Please contact ${team} Team`;
}

/** Sent (outside production) when the session store did not answer in time. */
export const SESSION_CHECK_TIMED_OUT = 'The session could not be checked in time';
