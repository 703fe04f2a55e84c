export * from './adapter';
export * from './adapter-schema';
export * from './adapters';
export * from './labels';
export * from './metadata';
export * from './read-page';
export * from './suggest';
