export * from './day-month-year';
export * from './period';
export * from './wording';
