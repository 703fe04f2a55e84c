export * from './period';
export * from './wording';
