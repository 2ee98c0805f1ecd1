// The password lengths of the policy (lib/auth/password-policy.ts), apart from its common-password list so that
// forms and schemas can use them without shipping the list to browsers.
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;
