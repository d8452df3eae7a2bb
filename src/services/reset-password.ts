import { invalidField } from '../core/errors.ts';
import { checkPasswordStrength } from '../core/passwords.ts';
import {
  getUserById,
  revokeAllApiTokens,
  revokeOtherAuthSessions,
  type UserRow,
  updateUser,
} from '../db/queries/accounts.ts';
import { insertAuditEvent } from '../db/queries/audit.ts';
import { getLivePasswordReset, usePasswordReset } from '../db/queries/password-resets.ts';
import type { ServiceContext } from './context.ts';
import { hashPassword } from './password-hashing.ts';
import { hashSecret } from './secrets.ts';

const badToken = () =>
  invalidField('body.token', 'is invalid, used or expired; ask for a new link');

/**
 * Sets a new password with a reset link: the link must be live, the password
 * as strong as sign-up demands. In one transaction the link is used up (one
 * statement, so two racing requests cannot both use it), the password set,
 * every session signed out and every API token revoked — whoever knew the
 * old password may hold one. Returns the account, for the caller to sign in.
 */
export async function resetPassword(
  ctx: ServiceContext,
  input: { token: string; password: string },
): Promise<UserRow> {
  const tokenHash = hashSecret(input.token);
  const reset = await getLivePasswordReset(ctx.db, tokenHash, ctx.now());
  const user = reset ? await getUserById(ctx.db, reset.userId) : null;
  if (!user) throw badToken();
  const weakness = checkPasswordStrength(input.password, user.email, [user.name]);
  if (weakness) throw invalidField('body.password', weakness);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const used = await usePasswordReset(tx, tokenHash, now);
    if (used?.userId !== user.id) throw badToken();
    const updated = await updateUser(tx, user.id, { passwordHash }, now);
    await revokeOtherAuthSessions(tx, user.id, null, now);
    const tokensRevoked = await revokeAllApiTokens(tx, user.id, now);
    await insertAuditEvent(tx, {
      orgId: null,
      actorId: user.id,
      action: 'user.password_reset',
      subjectType: 'user',
      subjectId: user.id,
      details: { tokensRevoked },
    });
    return updated;
  });
}
