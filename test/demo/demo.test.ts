import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDemo } from './demo';
import { FIGURES } from './month';

// `pnpm demo` end to end (about 30 s here), writing to a temporary folder instead of `demo/`.
describe('pnpm demo', () => {
  it('clips March 2021 through the extension and writes the report as .docx, .pdf and a PNG of page 1', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'gom-demo-'));
    const result = await runDemo({ outDir });

    expect(result).toMatchObject({ gathered: 36, figures: FIGURES.length, plans: 12 });
    for (const file of [result.docx, result.pdf, result.png]) expect(statSync(file).size).toBeGreaterThan(1000);
    expect(result.pages).toBeGreaterThanOrEqual(2);
    expect(result.paragraphs).toContain('Hoạt động đối ngoại tháng 3/2021, kế hoạch tháng 4/2021');
    expect(
      result.paragraphs.some((p) => p.startsWith('- Thực hiện 256 trang biên dịch các loại, trong đó có: 85')),
    ).toBe(true);
    // Plans that share a lead merge, as in the sample report.
    expect(
      result.paragraphs.filter((p) => p.startsWith('- Tiếp tục theo dõi, báo cáo Ban Chỉ đạo phòng chống dịch bệnh')),
    ).toHaveLength(1);
    rmSync(outDir, { recursive: true, force: true });
  }, 180_000);
});
