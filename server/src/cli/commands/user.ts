import { type Command, Option } from 'commander';
import { addUser, listUsers, revokeUser } from '../../services/users';
import { roles } from '../../storage/port';
import { withStorage, withStorageOptions } from '../options';

export function registerUser(program: Command): void {
  const user = program.command('user').description('manage users and their tokens');
  withStorageOptions(
    user
      .command('add')
      .description('add a user and print the token (shown once)')
      .requiredOption('--unit <id>', 'the unit the user belongs to')
      .requiredOption('--name <name>', 'display name')
      .addOption(new Option('--role <role>', 'role').choices(roles).default('member'))
      .option('--json', 'print {"token", "userId"} as JSON'),
  ).action(async (opts) => {
    const { token, user: created } = await withStorage(opts, (storage) => addUser(storage, opts));
    if (opts.json) console.log(JSON.stringify({ token, userId: created.id }));
    else
      console.log(
        `user ${created.id} (${created.name}, ${created.role}) added to ${created.unitId}\ntoken: ${token}\nThe token is shown only this once.`,
      );
  });
  withStorageOptions(
    user
      .command('list')
      .description('list users (never their tokens), one a line (or JSON lines with --json)')
      .option('--unit <id>', 'only the users of this unit')
      .option('--json'),
  ).action(async (opts) => {
    const users = await withStorage(opts, (storage) => listUsers(storage, opts.unit));
    for (const u of users) {
      console.log(
        opts.json
          ? JSON.stringify(u)
          : [u.id, u.unitId, u.role, u.name, u.revokedAt ? `revoked ${u.revokedAt}` : 'active'].join('\t'),
      );
    }
  });
  withStorageOptions(
    user
      .command('revoke')
      .description("revoke a user's token: the server refuses it from the next request")
      .requiredOption('--id <userId>', 'the user, as `gom user list` shows it'),
  ).action(async (opts) => {
    const revoked = await withStorage(opts, (storage) => revokeUser(storage, opts.id));
    console.log(`user ${revoked.id} revoked at ${revoked.revokedAt}`);
  });
}
