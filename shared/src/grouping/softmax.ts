/**
 * A multinomial logistic regression over sparse features, trained by stochastic gradient descent.
 * Unlike naive Bayes it weighs correlated evidence once (a lexicon term and the syllables that
 * spell it), so a rule, a lexicon term or a document's office is a feature among others whose
 * weight is learned, not a verdict. What is read from an item's words (its syllables, lexicon
 * terms, rules and lead) is scaled by one over the square root of its count, so a long item is not
 * more certain than a short one for its length alone; its facts (its kind, the source document's
 * type, issuer and office) count whole.
 */
export interface SoftmaxModel {
  classes: string[];
  bias: number[];
  weights: Record<string, number[]>;
}

export interface TrainingExample {
  features: string[];
  label: string;
  /** How much the example counts; 1 unless stated. */
  weight?: number;
}

export interface TrainingOptions {
  epochs: number;
  learningRate: number;
  /** The L2 penalty that keeps the weights of rare features small. */
  l2: number;
}

const DEFAULT_TRAINING: TrainingOptions = { epochs: 30, learningRate: 0.3, l2: 1e-3 };

/** A Park–Miller generator: training is the same on every machine, for the same examples. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
}

function shuffled(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** Features read from the words: everything but the facts of the item (see `features.ts`). */
const isWord = (feature: string): boolean => !/^(?:kind|office|type|issuer):/.test(feature);

/**
 * What each feature of an item is multiplied by (see the module's comment), once per list of
 * features: training visits each example thirty times.
 */
const scalesOf = new WeakMap<readonly string[], Float64Array>();
function scales(features: readonly string[]): Float64Array {
  let out = scalesOf.get(features);
  if (!out) {
    const words = features.filter(isWord).length;
    const scale = 1 / Math.sqrt(Math.max(1, words));
    out = Float64Array.from(features, (f) => (isWord(f) ? scale : 1));
    scalesOf.set(features, out);
  }
  return out;
}

/**
 * The probability of each class: the bias and weights of every layer added (the built-in
 * knowledge and what a unit learned on top of it share the classes, in the same order).
 */
function probabilities(layers: readonly SoftmaxModel[], features: readonly string[]): number[] {
  const x = scales(features);
  const scores = [...layers[0]!.bias];
  for (const layer of layers) {
    if (layer !== layers[0]) for (let k = 0; k < scores.length; k++) scores[k]! += layer.bias[k]!;
    for (let i = 0; i < features.length; i++) {
      const w = layer.weights[features[i]!];
      if (!w) continue;
      for (let k = 0; k < scores.length; k++) scores[k]! += w[k]! * x[i]!;
    }
  }
  const top = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - top));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}

/**
 * One gradient step on one example; `model` is changed in place. With a `base`, the step learns
 * what to add to the base (the scores are the two added), and the penalty pulls the addition, not
 * the base, towards zero: the base stays the prior.
 */
export function stepSoftmax(
  model: SoftmaxModel,
  example: TrainingExample,
  rate: number,
  l2: number,
  base?: SoftmaxModel,
): void {
  const label = model.classes.indexOf(example.label);
  if (label < 0) return;
  const p = probabilities(base ? [base, model] : [model], example.features);
  const x = scales(example.features);
  const weight = example.weight ?? 1;
  const gradients = p.map((pk, k) => (pk - (k === label ? 1 : 0)) * weight);
  // The bias moves slowly: how often a category came up in the examples says little of a new report.
  for (let k = 0; k < p.length; k++) model.bias[k]! -= rate * gradients[k]! * 0.1;
  for (let i = 0; i < example.features.length; i++) {
    const feature = example.features[i]!;
    let w = model.weights[feature];
    if (!w) {
      w = new Array<number>(p.length).fill(0);
      model.weights[feature] = w;
    }
    for (let k = 0; k < p.length; k++) w[k]! -= rate * (gradients[k]! * x[i]! + l2 * w[k]!);
  }
}

/**
 * Trains a model from scratch: the same steps as `stepSoftmax`, on the features numbered once and
 * the weights in one array, which is many times faster than a lookup by name at every step.
 */
export function trainSoftmax(
  classes: readonly string[],
  examples: readonly TrainingExample[],
  options: Partial<TrainingOptions> = {},
): SoftmaxModel {
  const { epochs, learningRate, l2 } = { ...DEFAULT_TRAINING, ...options };
  const K = classes.length;
  const ids = new Map<string, number>();
  const rows = examples.map((example) => ({
    features: Int32Array.from(example.features, (f) => {
      let id = ids.get(f);
      if (id === undefined) {
        id = ids.size;
        ids.set(f, id);
      }
      return id;
    }),
    x: scales(example.features),
    label: classes.indexOf(example.label),
    weight: example.weight ?? 1,
  }));
  const w = new Float64Array(ids.size * K);
  const bias = new Float64Array(K);
  const scores = new Float64Array(K);
  const random = seeded(20_211_231);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const rate = learningRate / (1 + epoch * 0.1);
    for (const i of shuffled(rows.length, random)) {
      const { features, x, label, weight } = rows[i]!;
      if (label < 0) continue;
      scores.set(bias);
      for (let j = 0; j < features.length; j++) {
        const at = features[j]! * K;
        for (let k = 0; k < K; k++) scores[k]! += w[at + k]! * x[j]!;
      }
      let top = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < K; k++) top = Math.max(top, scores[k]!);
      let sum = 0;
      for (let k = 0; k < K; k++) {
        scores[k] = Math.exp(scores[k]! - top);
        sum += scores[k]!;
      }
      for (let k = 0; k < K; k++) scores[k] = (scores[k]! / sum - (k === label ? 1 : 0)) * weight;
      for (let k = 0; k < K; k++) bias[k]! -= rate * scores[k]! * 0.1;
      for (let j = 0; j < features.length; j++) {
        const at = features[j]! * K;
        for (let k = 0; k < K; k++) w[at + k]! -= rate * (scores[k]! * x[j]! + l2 * w[at + k]!);
      }
    }
  }
  const weights: Record<string, number[]> = {};
  for (const [feature, id] of ids) weights[feature] = Array.from(w.subarray(id * K, id * K + K));
  return { classes: [...classes], bias: Array.from(bias), weights };
}

/** The probability of each class, for an item's features, with the layers added. */
export function predictSoftmax(layers: readonly SoftmaxModel[], features: readonly string[]): Map<string, number> {
  const p = probabilities(layers, features);
  return new Map(layers[0]!.classes.map((c, k) => [c, p[k]!]));
}
