/** Sent when no usable bearer token came with the request. @publicApi */
export const TOKEN_REQUIRED_SENTENCE =
  'A bearer token is required: send the header "Authorization: Bearer <token>"';

/** Sent for an unknown, expired or mismatched token (401 / 99). @publicApi */
export const SESSION_EXPIRED_SENTENCE = 'Your session has expired. Kindly logout and login';

/** Sent for a blocked account (401 / 99), naming the team to contact. @publicApi */
export function accountBlockedSentence(team: string): string {
  return `Your Account has been blocked, Please contact ${team} Team`;
}

/** Sent (outside production) when the session store did not answer in time. */
export const SESSION_CHECK_TIMED_OUT = 'The session could not be checked in time';
