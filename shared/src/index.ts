// The text repair is left out, for `@gom/shared/repair`: its lexicon and counts are large data.
export * from './capture';
export * from './grouping';
export * from './item';
export * from './periods';
export * from './references';
export * from './report';
export * from './report-check';
export * from './session';
export * from './sync';
export * from './taxonomy';
export * from './text';
