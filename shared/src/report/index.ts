// The .docx renderer is left out, for `@gom/shared/render-docx`: it alone loads the `docx` library.
export * from './assemble';
export * from './build';
export * from './figures';
export * from './join';
export type * from './model';
export * from './plans';
export * from './render-html';
export * from './render-markdown';
export * from './render-text';
export * from './settings';
export * from './template';
export * from './unit-config';
