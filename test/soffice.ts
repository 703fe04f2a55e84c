import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/**
 * A .docx made into a PDF by LibreOffice, in `outDir`, with a profile of its own (two conversions
 * at once must not share one); returns the PDF's path. The first start on a fresh profile is slow
 * on a loaded two-core machine, hence the long timeout.
 */
export function docxToPdf(docx: string, outDir: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'gom-soffice-'));
  try {
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        docx,
      ],
      // Its stderr carries a harmless "javaldx" warning; shown only when the conversion fails.
      { stdio: ['ignore', 'ignore', 'pipe'], timeout: 200_000 },
    );
  } catch (error) {
    throw new Error(
      `LibreOffice could not convert ${docx}: ${String((error as { stderr?: unknown }).stderr ?? error)}`,
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return join(outDir, basename(docx).replace(/\.docx$/, '.pdf'));
}
