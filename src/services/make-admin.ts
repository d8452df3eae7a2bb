import { AppError } from '../core/errors.ts';
import { getUserByEmail } from '../db/queries/accounts.ts';
import { insertAuditEvent } from '../db/queries/audit.ts';
import { insertOrgMember, setOrgMemberRole } from '../db/queries/organisations.ts';
import type { ServiceContext } from './context.ts';
import { createOrganisation } from './manage-organisations.ts';
import { createAccount } from './sign-up.ts';

export type MakeAdminInput = {
  email: string;
  name: string;
  /** only needed when no account has this email yet */
  password?: string;
  /** an existing organisation; without it a new one named `orgName` is created */
  orgId?: string;
  orgName: string;
};

/**
 * The operator's `confer create-admin`: finds or creates the account and makes
 * it an admin of an existing organisation (recorded as done by the CLI, with
 * no acting user) or of a new one it starts.
 */
export async function makeAdmin(ctx: ServiceContext, input: MakeAdminInput) {
  const { email, name } = input;
  let user = await getUserByEmail(ctx.db, email);
  if (!user) {
    if (!input.password) {
      // A refusal, not a bug: the CLI prints the message alone.
      throw new AppError('validation_failed', '--password is required for a new account', {
        fields: { password: 'is required for a new account' },
      });
    }
    user = await createAccount(ctx, { email, password: input.password, name, timeZone: 'UTC' });
  }
  const userId = user.id;
  const { orgId } = input;
  if (!orgId) {
    const org = await createOrganisation(ctx, { userId }, input.orgName);
    return { orgId: org.id, orgName: org.name, created: true };
  }
  await ctx.db.transaction(async (tx) => {
    // Already a member: promote, or the audit row would claim a change that never happened.
    const joined = await insertOrgMember(tx, orgId, userId, 'admin');
    if (!joined) await setOrgMemberRole(tx, orgId, userId, 'admin');
    await insertAuditEvent(tx, {
      orgId,
      actorId: null,
      action: 'member.made_admin_by_cli',
      subjectType: 'user',
      subjectId: userId,
    });
  });
  return { orgId, orgName: null, created: false };
}
