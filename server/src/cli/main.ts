import { Command } from 'commander';
import serverPackage from '../../package.json';
import { registerAssemble } from './commands/assemble';
import { registerClassify } from './commands/classify';
import { registerConfig } from './commands/config';
import { registerExport } from './commands/export';
import { registerImport } from './commands/import';
import { registerLearn } from './commands/learn';
import { registerNormalize } from './commands/normalize';
import { registerPage } from './commands/page';
import { registerRefs } from './commands/refs';
import { registerServe } from './commands/serve';
import { registerUnit } from './commands/unit';
import { registerUser } from './commands/user';

const program = new Command('gom')
  .description('Gom: the sync server, the administration of units and users, and the domain tools')
  .version(serverPackage.version)
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(`Lỗi / Error: ${text}`) });

// One command (or command group) a module; each registers itself here.
for (const register of [
  registerServe,
  registerUnit,
  registerUser,
  registerExport,
  registerImport,
  registerConfig,
  registerRefs,
  registerNormalize,
  registerPage,
  registerClassify,
  registerLearn,
  registerAssemble,
])
  register(program);

program.parseAsync().catch((error: unknown) => {
  console.error(`Lỗi / Error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
