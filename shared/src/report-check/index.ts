export * from './check';
export type * from './paragraph';
