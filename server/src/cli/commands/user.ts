import { type Command, Option } from 'commander';
import { roles } from '../../storage/port';
import { addUser } from '../admin';
import { dbOption, openStorage } from '../options';

export function registerUser(program: Command): void {
  const user = program.command('user').description('manage users and their tokens');
  user
    .command('add')
    .description('add a user and print the token (shown once)')
    .requiredOption('--unit <id>', 'the unit the user belongs to')
    .requiredOption('--name <name>', 'display name')
    .addOption(new Option('--role <role>', 'role').choices(roles).default('member'))
    .option('--json', 'print {"token", "userId"} as JSON')
    .addOption(dbOption())
    .action(async (opts) => {
      const { token, user: created } = await addUser(openStorage(opts.db), opts);
      if (opts.json) console.log(JSON.stringify({ token, userId: created.id }));
      else
        console.log(
          `user ${created.id} (${created.name}, ${created.role}) added to ${created.unitId}\ntoken: ${token}\nThe token is shown only this once.`,
        );
    });
}
