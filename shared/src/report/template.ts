import { z } from 'zod';
import { itemKindSchema } from '../item';

const sectionSchema = z.object({
  title: z.string().min(1),
  categories: z.array(z.string()).min(1),
});

const partSchema = z.object({
  /** `{period}` and `{nextPeriod}` are filled in, upper-cased where the heading is. */
  heading: z.string().min(1),
  kinds: z.array(itemKindSchema).min(1),
  /** Numbered sections; none means one flat list of every category. */
  sections: z.array(sectionSchema),
});

/** A report template: data a unit's administrator can replace, validated. */
export const reportTemplateSchema = z.object({
  id: z.string().min(1),
  kind: z.literal('month'),
  summary: z.string(),
  addressees: z.array(z.string()),
  opening: z.string(),
  parts: z.array(partSchema).min(1),
  closing: z.string(),
  recipients: z.array(z.string()),
  signer: z.object({ authority: z.string(), title: z.string(), name: z.string() }),
});
export type ReportTemplate = z.infer<typeof reportTemplateSchema>;

/** The monthly report of the default unit, laid out as the sample report of March 2021. */
export const defaultMonthTemplate: ReportTemplate = reportTemplateSchema.parse({
  id: 'so-ngoai-vu',
  kind: 'month',
  summary: 'Hoạt động đối ngoại {period}, kế hoạch {nextPeriod}',
  addressees: ['Văn phòng Ủy ban nhân dân tỉnh.'],
  opening:
    'Thực hiện ý kiến chỉ đạo của Ủy ban nhân dân tỉnh về việc báo cáo công tác định kỳ, {unit} báo cáo kết quả công tác đối ngoại {period}, phương hướng nhiệm vụ {nextPeriod} như sau:',
  parts: [
    {
      heading: 'I. KẾT QUẢ THỰC HIỆN',
      kinds: ['result', 'stat', 'directive'],
      sections: [
        { title: 'Hoạt động hợp tác quốc tế', categories: ['intl_cooperation', 'policy_documents'] },
        { title: 'Công tác lãnh sự, biên giới và người Việt Nam ở nước ngoài', categories: ['delegations_consular'] },
        { title: 'Công tác văn phòng, tổ chức bộ máy và hoạt động Thanh tra', categories: ['office_admin'] },
        { title: 'Công tác dịch thuật, dịch vụ và thủ tục hành chính', categories: ['translation_services_tthc'] },
        {
          title: 'Kết quả thực hiện ý kiến chỉ đạo của UBND tỉnh và lãnh đạo UBND tỉnh',
          categories: ['directive_followup'],
        },
        { title: 'Một số kết quả khác', categories: ['other'] },
      ],
    },
    { heading: 'II. KẾ HOẠCH TRỌNG TÂM {nextPeriod}', kinds: ['plan'], sections: [] },
  ],
  closing:
    'Trên đây là báo cáo hoạt động đối ngoại {period} và phương hướng nhiệm vụ {nextPeriod}; {unit} báo cáo Văn phòng UBND tỉnh./.',
  recipients: ['Như trên;', 'Ban Giám đốc Sở;', 'Lưu: VT, VPTTr.'],
  signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: '' },
});
