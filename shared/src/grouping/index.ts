export { type BayesModel, bayesModelSchema, emptyBayesModel, learnedCount } from './bayes';
export * from './classify';
export * from './group';
export * from './guess-category';
export * from './leads';
export * from './merge';
export * from './rules';
