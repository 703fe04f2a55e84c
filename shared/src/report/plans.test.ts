import { describe, expect, it } from 'vitest';
import { carriedOverPlans, plansFor } from './plans';

const plan = (
  id: string,
  fields: { plannedFor?: string | null; occurredOn?: string; status?: 'done' | 'pending' | null; text?: string },
) => ({
  id,
  kind: 'plan' as const,
  deleted: false,
  plannedFor: fields.plannedFor ?? null,
  occurredOn: fields.occurredOn ?? '2021-03-10',
  status: fields.status ?? null,
  text: fields.text ?? 'Ban hành kế hoạch thi đua.',
});

describe('plansFor', () => {
  const march = { from: '2021-03-01', to: '2021-03-31', nextId: '2021-04' };

  it('lists the plans made for the next period, and those noted during this one without a target', () => {
    const items = [
      plan('for-april', { plannedFor: '2021-04', occurredOn: '2021-02-20' }),
      plan('noted-in-march', {}),
      plan('for-may', { plannedFor: '2021-05' }),
      plan('noted-in-february', { occurredOn: '2021-02-27' }),
      { ...plan('deleted', {}), deleted: true },
      { ...plan('a-result', {}), kind: 'result' as const },
    ];
    expect(plansFor(items, march).map((p) => p.id)).toEqual(['for-april', 'noted-in-march']);
  });
});

describe('carriedOverPlans', () => {
  it('offers again, as "Tiếp tục …", the plans made for the period that are not done', () => {
    const items = [
      plan('a', { plannedFor: '2021-03', text: 'Tham mưu UBND tỉnh dự thảo Quy chế phối hợp.' }),
      plan('b', { plannedFor: '2021-03', status: 'done' }),
      plan('c', { plannedFor: '2021-03', text: 'Tiếp tục nắm bắt thông tin về lưu học sinh Lào.' }),
      plan('d', { plannedFor: '2021-04' }),
      plan('e', { plannedFor: '2021-03', text: 'UBND tỉnh phê duyệt đề án.' }),
    ];
    expect(carriedOverPlans(items, '2021-03')).toEqual([
      { planId: 'a', text: 'Tiếp tục tham mưu UBND tỉnh dự thảo Quy chế phối hợp.' },
      { planId: 'c', text: 'Tiếp tục nắm bắt thông tin về lưu học sinh Lào.' },
      { planId: 'e', text: 'Tiếp tục UBND tỉnh phê duyệt đề án.' },
    ]);
  });
});
