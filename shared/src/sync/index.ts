export * from './hlc';
export * from './lww';
export * from './packed-clocks';
export * from './protocol';
export * from './record';
export * from './server-clock';
