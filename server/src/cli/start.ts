import { resolve } from 'node:path';
import { defaultTaxonomy } from '@gom/shared';
import { startServer } from '../serve';
import { setUpFirstRun } from '../services/first-run';
import { openStorage } from './options';

/**
 * `pnpm start`: the server on the embedded default, with the default unit and a demo user made on
 * the first run, and what a newcomer needs to load the extension.
 */
const storage = await openStorage();
const unitId = defaultTaxonomy.unit.id;
const token = await setUpFirstRun(storage);
const port = Number(process.env.GOM_PORT ?? 8787);
const server = await startServer(storage, { host: '127.0.0.1', port });
console.log(`Gom server:      ${server.url}
Unit:            ${unitId} (${defaultTaxonomy.unit.name})
Token:           ${token ?? 'made on the first run and shown then; make another: pnpm gom user add --unit SNgV --name "…"'}
Extension:       ${resolve(import.meta.dirname, '../../../extension/.output/chrome-mv3')}
                 (chrome://extensions → Developer mode → Load unpacked; then the extension's options: server URL and token)`);
const stop = () => {
  server.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
