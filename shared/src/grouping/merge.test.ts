import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeByLead } from './merge';

const items = (...texts: string[]) => texts.map((text, i) => ({ id: String(i), text }));

describe('mergeByLead', () => {
  it('merges items with the same lead into "Lead: a; b; c." at the place of the first', () => {
    expect(
      mergeByLead(
        items(
          'Tham mưu UBND tỉnh Kế hoạch đón Đoàn công tác.',
          'Thường xuyên liên hệ Đội MIA.',
          'Tham mưu UBND tỉnh đề xuất một số nội dung về công tác đối ngoại;',
          'Tham mưu UBND tỉnh: đề nghị kiện toàn Ban Công tác phi chính phủ tỉnh',
        ),
      ),
    ).toEqual([
      {
        text: 'Tham mưu UBND tỉnh: Kế hoạch đón Đoàn công tác; đề xuất một số nội dung về công tác đối ngoại; đề nghị kiện toàn Ban Công tác phi chính phủ tỉnh.',
        itemIds: ['0', '2', '3'],
        enumeration: {
          lead: 'Tham mưu UBND tỉnh',
          separator: ': ',
          clauses: [
            'Kế hoạch đón Đoàn công tác',
            'đề xuất một số nội dung về công tác đối ngoại',
            'đề nghị kiện toàn Ban Công tác phi chính phủ tỉnh',
          ],
        },
      },
      { text: 'Thường xuyên liên hệ Đội MIA.', itemIds: ['1'] },
    ]);
  });

  it('joins after a bare verb without a colon, as officers write "Ban hành a; b."', () => {
    expect(mergeByLead(items('Ban hành Kế hoạch thi đua.', 'Ban hành Quyết định về việc ISO.'))[0]?.text).toBe(
      'Ban hành Kế hoạch thi đua; Quyết định về việc ISO.',
    );
  });

  it('drops a clause written twice, in either tone placement', () => {
    expect(
      mergeByLead(items('Góp ý dự thảo Kế hoạch hoá đơn.', 'Góp ý dự thảo Kế hoạch hóa đơn', 'Góp ý dự thảo Đề án.')),
    ).toEqual([
      {
        text: 'Góp ý dự thảo: Kế hoạch hoá đơn; Đề án.',
        itemIds: ['0', '1', '2'],
        enumeration: { lead: 'Góp ý dự thảo', separator: ': ', clauses: ['Kế hoạch hoá đơn', 'Đề án'] },
      },
    ]);
  });

  it('takes into an open lead the words its items share', () => {
    expect(
      mergeByLead(
        items(
          'Văn bản gửi các đơn vị về công tác văn phòng, thanh tra Rà soát đối tượng.',
          'Văn bản gửi các đơn vị về công tác văn phòng, thanh tra góp ý dự thảo.',
        ),
      )[0]?.text,
    ).toBe('Văn bản gửi các đơn vị về công tác văn phòng, thanh tra: Rà soát đối tượng; góp ý dự thảo.');
  });

  it('keeps the wording of an item alone with its lead, and of the lead the officer set', () => {
    expect(mergeByLead(items('Tham mưu UBND tỉnh đề nghị kiện toàn Ban'))[0]?.text).toBe(
      'Tham mưu UBND tỉnh đề nghị kiện toàn Ban',
    );
    expect(
      mergeByLead([
        { id: 'a', text: 'Chuẩn bị nội dung Hội nghị A.', lead: 'Chuẩn bị nội dung' },
        { id: 'b', text: 'Chuẩn bị nội dung Hội nghị B.', lead: 'Chuẩn bị nội dung' },
      ])[0]?.text,
    ).toBe('Chuẩn bị nội dung: Hội nghị A; Hội nghị B.');
  });

  it('writes the colon as officers do: before a capital, or after a lead that announces a list', () => {
    expect(
      mergeByLead(
        items('Tham mưu UBND tỉnh cho phép lưu học sinh nhập cảnh.', 'Tham mưu UBND tỉnh đồng ý cho Đoàn.'),
      )[0]?.text,
    ).toBe('Tham mưu UBND tỉnh cho phép lưu học sinh nhập cảnh; đồng ý cho Đoàn.');
    expect(
      mergeByLead(
        items('Tham mưu, báo cáo UBND tỉnh về cử Đoàn.', 'Tham mưu, báo cáo UBND tỉnh về hợp tác với IOM.'),
      )[0]?.text,
    ).toBe('Tham mưu, báo cáo UBND tỉnh về: cử Đoàn; hợp tác với IOM.');
  });

  it('lets the lead the officer set win: detection does not add an item she left without one', () => {
    const lead = 'Tham mưu UBND tỉnh';
    expect(
      mergeByLead([
        { id: 'a', text: 'Tham mưu UBND tỉnh thư chúc mừng Tết Lào.', lead },
        { id: 'b', text: 'Tham mưu UBND tỉnh dự thảo Quy chế báo chí.', lead: null },
        { id: 'c', text: 'Tham mưu UBND tỉnh Quyết định học bổng.', lead },
      ]).map((b) => b.text),
    ).toEqual([
      'Tham mưu UBND tỉnh thư chúc mừng Tết Lào; Quyết định học bổng.',
      'Tham mưu UBND tỉnh dự thảo Quy chế báo chí.',
    ]);
  });

  it('merges the items that carry the same lead into one bullet, in order, each clause once', () => {
    const setLeads = ['Tham mưu UBND tỉnh', 'Chuẩn bị các nội dung tham dự', 'Văn bản gửi các sở về việc'];
    const clauseTexts = ['Hội nghị A', 'đề nghị B', 'Kế hoạch C', 'góp ý D'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ lead: fc.constantFrom(...setLeads, null), clause: fc.constantFrom(...clauseTexts) }), {
          maxLength: 12,
        }),
        (list) => {
          const input = list.map(({ lead, clause }, i) => ({
            id: String(i),
            text: `${lead ?? 'Thường xuyên'} ${clause}.`,
            lead,
          }));
          const bullets = mergeByLead(input);
          for (const lead of setLeads) {
            const carrying = input.filter((item) => item.lead === lead).map((item) => item.id);
            if (carrying.length === 0) continue;
            const holding = bullets.filter((b) => b.itemIds.some((id) => carrying.includes(id)));
            expect(holding.map((b) => b.itemIds)).toEqual([carrying]);
            if (carrying.length > 1) {
              const clauses = [...new Set(carrying.map((id) => list[Number(id)]!.clause))];
              expect(holding[0]?.enumeration?.clauses).toEqual(clauses);
            }
          }
        },
      ),
    );
  });

  const leads = ['Tham mưu UBND tỉnh', 'Ban hành', 'Văn bản gửi các ngành về việc', 'Phối hợp', ''];
  const clauses = ['Kế hoạch A', 'đề nghị B.', 'Quyết định C;', 'góp ý D', 'báo cáo E:'];
  const itemList = fc.array(
    fc.record({ lead: fc.constantFrom(...leads), clause: fc.constantFrom(...clauses) }).map(({ lead, clause }) => ({
      text: `${lead} ${clause}`.trim(),
    })),
    { maxLength: 12 },
  );

  it('keeps every item once, in the order of first appearance, and ends merged bullets with one full stop', () => {
    fc.assert(
      fc.property(itemList, (list) => {
        const input = list.map((item, i) => ({ id: String(i), text: item.text }));
        const bullets = mergeByLead(input);
        const ids = bullets.flatMap((b) => b.itemIds);
        expect([...ids].sort()).toEqual(input.map((i) => i.id).sort());
        expect(bullets.map((b) => Number(b.itemIds[0]))).toEqual(
          [...bullets.map((b) => Number(b.itemIds[0]))].sort((a, b) => a - b),
        );
        for (const bullet of bullets) {
          expect(bullet.itemIds.map(Number)).toEqual([...bullet.itemIds.map(Number)].sort((a, b) => a - b));
          if (bullet.itemIds.length > 1) {
            expect(bullet.text).toMatch(/[^.;:,\s]\.$/u);
            expect(bullet.text).not.toMatch(/;\s*;|\.;|;\./u);
          }
        }
      }),
    );
  });

  it('is stable: merging the merged bullets changes nothing', () => {
    fc.assert(
      fc.property(itemList, (list) => {
        const once = mergeByLead(list.map((item, i) => ({ id: String(i), text: item.text })));
        const twice = mergeByLead(once.map((b, i) => ({ id: String(i), text: b.text })));
        expect(twice.map((b) => b.text)).toEqual(once.map((b) => b.text));
      }),
    );
  });
});
