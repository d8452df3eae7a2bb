/**
 * Every test signs people up and writes from 127.0.0.1; limits are raised so
 * only the tests about limits (which set their own) meet them.
 */
export const generousRateLimits = {
  SIGNUP_RATE_LIMIT: '100000',
  PASSWORD_RESET_ADDRESS_RATE_LIMIT: '100000',
  MESSAGE_RATE_LIMIT: '100000',
  UPLOAD_RATE_LIMIT: '100000',
  LOGIN_ADDRESS_RATE_LIMIT: '100000',
};
