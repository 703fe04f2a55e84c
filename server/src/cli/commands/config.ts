import { readFileSync } from 'node:fs';
import { unitConfigKindSchema, unitConfigKinds } from '@gom/shared';
import { type Command, Option } from 'commander';
import { configInUse, configVersion, configVersions, replaceConfig } from '../../services/config';
import { requireUnit } from '../../services/units';
import { type StorageFlags, withStorage, withStorageOptions } from '../options';

/** Who the history names for a version stored from the command line: the server's administrator. */
const CLI_AUTHOR = 'gom-cli';

const kindOption = () => new Option('--kind <kind>', 'which document').choices(unitConfigKinds).makeOptionMandatory();

/**
 * `gom config get|put|versions`: the unit's taxonomy, rules, leads, templates and metrics, as the
 * admin API serves them (`/v1/config/{kind}`), for an administrator at the server's console.
 */
export function registerConfig(program: Command): void {
  const config = program
    .command('config')
    .description("a unit's configuration documents (taxonomy, rules, leads, templates, metrics), versioned");
  withStorageOptions(
    config
      .command('put')
      .description(
        'store a JSON document as the next version of one kind; an invalid one is refused and nothing stored',
      )
      .requiredOption('--unit <id>', 'the unit')
      .addOption(kindOption())
      .argument('<file>', 'the JSON document, shaped as its file in shared/data/, or - for stdin'),
  ).action(async (file: string, opts: StorageFlags & { unit: string; kind: string }) => {
    const kind = unitConfigKindSchema.parse(opts.kind);
    let body: unknown;
    try {
      body = JSON.parse(readFileSync(file === '-' ? 0 : file, 'utf8'));
    } catch {
      throw new Error(`${file} không phải JSON / ${file} is not JSON.`);
    }
    const result = await withStorage(opts, async (storage) => {
      await requireUnit(storage, opts.unit);
      return replaceConfig(
        storage,
        { id: CLI_AUTHOR, unitId: opts.unit, name: CLI_AUTHOR, role: 'admin', createdAt: '', revokedAt: null },
        kind,
        body,
      );
    });
    if (!result.ok) {
      const problems = result.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n');
      throw new Error(
        `Cấu hình ${kind} không hợp lệ, không có gì được lưu / The ${kind} document is invalid; nothing was stored:\n${problems}`,
      );
    }
    console.log(`${kind} of unit ${opts.unit}: version ${result.version.version} stored`);
  });
  withStorageOptions(
    config
      .command('get')
      .description('print the document in use (the built-in one if the unit has none), or one version of it')
      .requiredOption('--unit <id>', 'the unit')
      .addOption(kindOption())
      .option('--version <n>', 'a stored version instead of the latest'),
  ).action(async (opts: StorageFlags & { unit: string; kind: string; version?: string }) => {
    const kind = unitConfigKindSchema.parse(opts.kind);
    const version = opts.version === undefined ? undefined : Number(opts.version);
    if (version !== undefined && !(Number.isInteger(version) && version > 0)) {
      throw new Error(`--version phải là số nguyên dương / --version must be a positive integer.`);
    }
    const stored = await withStorage(opts, async (storage) => {
      await requireUnit(storage, opts.unit);
      return version === undefined
        ? configInUse(storage, opts.unit, kind)
        : configVersion(storage, opts.unit, kind, version);
    });
    if (!stored) throw new Error(`Không có phiên bản ${version} / No version ${version} of ${kind}.`);
    process.stdout.write(`${JSON.stringify(stored.document, null, 2)}\n`);
  });
  withStorageOptions(
    config
      .command('versions')
      .description('list the stored versions of one kind, newest first: version, who, when')
      .requiredOption('--unit <id>', 'the unit')
      .addOption(kindOption()),
  ).action(async (opts: StorageFlags & { unit: string; kind: string }) => {
    const kind = unitConfigKindSchema.parse(opts.kind);
    const versions = await withStorage(opts, async (storage) => {
      await requireUnit(storage, opts.unit);
      return configVersions(storage, opts.unit, kind);
    });
    for (const v of versions) console.log(`${v.version}\t${v.createdBy}\t${v.createdAt}`);
  });
}
