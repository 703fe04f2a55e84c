import { describe, expect, it } from 'vitest';
import { detectLead, leadCatalogSchema, splitLead } from './leads';

describe('detectLead', () => {
  it.each([
    [
      'Tham mưu UBND tỉnh Kế hoạch đón Đoàn công tác Đại sứ quán Lào',
      'Tham mưu UBND tỉnh',
      'Kế hoạch đón Đoàn công tác Đại sứ quán Lào',
    ],
    [
      'Tham mưu, báo cáo UBND tỉnh về ban hành Quyết định cử Đoàn',
      'Tham mưu, báo cáo UBND tỉnh về',
      'ban hành Quyết định cử Đoàn',
    ],
    [
      'Tham mưu Thường trực Tỉnh uỷ, Hội đồng nhân dân tỉnh ban hành các Quyết định',
      'Tham mưu Thường trực Tỉnh uỷ, Hội đồng nhân dân tỉnh',
      'ban hành các Quyết định',
    ],
    ['Tham mưu Tỉnh ủy: chương trình hành động', 'Tham mưu Tỉnh ủy', 'chương trình hành động'],
    [
      'Văn bản gửi các cơ quan, đơn vị liên quan về việc góp ý xây dựng Phim',
      'Văn bản gửi các cơ quan, đơn vị liên quan về việc',
      'góp ý xây dựng Phim',
    ],
    [
      'Hoàn thành các báo cáo, kế hoạch gửi các ngành, đơn vị về việc rà soát thống kê các TTHC',
      'Hoàn thành các báo cáo, kế hoạch gửi các ngành, đơn vị về việc',
      'rà soát thống kê các TTHC',
    ],
    [
      'Báo cáo gửi các cơ quan, đơn vị liên quan về: kết quả xử lý',
      'Báo cáo gửi các cơ quan, đơn vị liên quan về',
      'kết quả xử lý',
    ],
    [
      'Góp ý gửi các ngành về các dự thảo Kế hoạch của UBND tỉnh',
      'Góp ý gửi các ngành về các dự thảo',
      'Kế hoạch của UBND tỉnh',
    ],
    ['Báo cáo Thường trực Tỉnh ủy dự thảo báo cáo đào tạo', 'Báo cáo Thường trực Tỉnh ủy', 'dự thảo báo cáo đào tạo'],
    ['Góp ý dự thảo Kế hoạch phát triển', 'Góp ý dự thảo', 'Kế hoạch phát triển'],
    ['Phối hợp với Đội MIA tỉnh', 'Phối hợp', 'với Đội MIA tỉnh'],
    ['Chủ trì tổ chức họp các sở, ngành', 'Chủ trì', 'tổ chức họp các sở, ngành'],
    ['Ban hành Kế hoạch ứng phó sự cố', 'Ban hành', 'Kế hoạch ứng phó sự cố'],
    ['Tổ chức Lớp học tiếng Lào', 'Tổ chức', 'Lớp học tiếng Lào'],
  ])('%s', (text, lead, rest) => {
    expect(detectLead(text)).toMatchObject({ lead, rest });
  });

  it('reads both tone placements, and keeps the officer’s', () => {
    expect(detectLead('Tham mưu Tỉnh uỷ kế hoạch')?.lead).toBe('Tham mưu Tỉnh uỷ');
  });

  it('finds none in a sentence that starts otherwise, or in a lead with nothing after it', () => {
    expect(detectLead('Thường xuyên liên hệ, phối hợp Đội MIA TW')).toBeNull();
    expect(detectLead('Tham mưu UBND tỉnh.')).toBeNull();
    expect(detectLead('Tổ chức năng lực')).toMatchObject({ lead: 'Tổ chức' });
    expect(detectLead('Tổ chứcnăng')).toBeNull();
  });
});

describe('splitLead', () => {
  it('takes the lead the officer set when the text starts with it', () => {
    expect(
      splitLead('Chuẩn bị các nội dung tham dự Hội nghị trực tuyến giữa kỳ', 'Chuẩn bị các nội dung tham dự'),
    ).toMatchObject({ lead: 'Chuẩn bị các nội dung tham dự', rest: 'Hội nghị trực tuyến giữa kỳ', set: true });
  });

  it('falls back to detection when the text does not start with the lead set', () => {
    expect(splitLead('Ban hành Kế hoạch', 'Tham mưu UBND tỉnh')).toMatchObject({ lead: 'Ban hành', set: false });
  });
});

describe('leadCatalogSchema', () => {
  it('refuses a pattern that is not a regular expression', () => {
    expect(leadCatalogSchema.safeParse({ leads: [{ id: 'x', pattern: '(', separator: ': ' }] }).success).toBe(false);
  });
});
