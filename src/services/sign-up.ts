import { AppError, invalidField } from '../core/errors.ts';
import { checkPasswordStrength } from '../core/passwords.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { getUserByEmail, insertUser, type UserRow } from '../db/queries/accounts.ts';
import { insertAuditEvent } from '../db/queries/audit.ts';
import { acceptInvitationInTx } from './accept-invitation.ts';
import type { ServiceContext } from './context.ts';
import { hashPassword } from './password-hashing.ts';

export type SignUpInput = {
  email: string;
  password: string;
  name: string;
  timeZone: string;
  invitationToken?: string | undefined;
};

/**
 * Creates an account; with an invitation token the new account joins the
 * inviting organisation in the same transaction (or neither happens).
 */
export async function signUp(ctx: ServiceContext, input: SignUpInput): Promise<UserRow> {
  const emailTaken = () =>
    new AppError('conflict', 'An account with this email already exists; sign in instead', {
      fields: { 'body.email': 'is already registered' },
      reason: 'email_taken',
    });
  if (await getUserByEmail(ctx.db, input.email)) throw emailTaken();
  const weakness = checkPasswordStrength(input.password, input.email, [input.name]);
  if (weakness) throw invalidField('body.password', weakness);
  const passwordHash = await hashPassword(input.password);
  return ctx.db
    .transaction(async (tx) => {
      if (await getUserByEmail(tx, input.email)) throw emailTaken();
      const user = await insertUser(tx, {
        email: input.email,
        passwordHash,
        name: input.name,
        timeZone: input.timeZone,
      });
      await insertAuditEvent(tx, {
        orgId: null,
        actorId: user.id,
        action: 'user.signed_up',
        subjectType: 'user',
        subjectId: user.id,
      });
      if (input.invitationToken) {
        await acceptInvitationInTx(tx, ctx.now(), user, input.invitationToken);
      }
      return user;
    })
    .catch((err: unknown) => {
      // Two sign-ups racing for one address: the unique index decides.
      throw isUniqueViolation(err, 'users_email_lower_key') ? emailTaken() : err;
    });
}
