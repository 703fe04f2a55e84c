import { z } from 'zod';
import type { SoftmaxModel } from './softmax';

/**
 * What a unit taught on top of the built-in knowledge: an addition to the prior's weights (a
 * `SoftmaxModel` layer whose scores add to the prior's), learned one placed item at a time, and
 * the officers' corrections that the weights alone would not follow (see `corrections.ts`). It is
 * stored as JSON, validated at every load.
 */
export const unitModelSchema = z
  .object({
    version: z.literal(2),
    /** Items learned, in all. */
    learned: z.number().int().nonnegative(),
    /** The categories, in the order of every vector below. */
    classes: z.array(z.string()),
    bias: z.array(z.number()),
    weights: z.record(z.string(), z.array(z.number())),
    /** The officers' corrections of what the model places elsewhere (canonical text → category), oldest first. */
    corrections: z.array(z.object({ text: z.string(), category: z.string() })),
  })
  .refine(
    (m) => m.bias.length === m.classes.length && Object.values(m.weights).every((w) => w.length === m.classes.length),
    { message: 'Every vector of the model has one value per category' },
  );
export type UnitModel = z.infer<typeof unitModelSchema>;

export function emptyUnitModel(): UnitModel {
  return { version: 2, learned: 0, classes: [], bias: [], weights: {}, corrections: [] };
}

export function learnedCount(model: UnitModel): number {
  return model.learned;
}

/**
 * The unit's layer over the prior's categories, in the prior's order: a category the prior lost (a
 * taxonomy changed since) is dropped, one it gained starts at zero. The model itself is re-shaped
 * in place, so that what is learned next lands in the right place.
 */
export function alignedLayer(model: UnitModel, prior: SoftmaxModel): SoftmaxModel {
  const same = model.classes.length === prior.classes.length && model.classes.every((c, k) => c === prior.classes[k]);
  if (!same) {
    const from = prior.classes.map((c) => model.classes.indexOf(c));
    const remap = (vector: number[]): number[] => from.map((i) => (i < 0 ? 0 : (vector[i] ?? 0)));
    model.bias = remap(model.bias.length ? model.bias : []);
    for (const [feature, vector] of Object.entries(model.weights)) model.weights[feature] = remap(vector);
    model.classes = [...prior.classes];
  }
  return model;
}

/** Four decimals are more than the suggestions can tell apart, and keep the stored model small. */
export function roundLayer(model: UnitModel, features: readonly string[]): void {
  const round = (v: number): number => Math.round(v * 10_000) / 10_000;
  model.bias = model.bias.map(round);
  for (const feature of features) {
    const vector = model.weights[feature];
    if (!vector) continue;
    const rounded = vector.map(round);
    if (rounded.every((v) => v === 0)) delete model.weights[feature];
    else model.weights[feature] = rounded;
  }
}
