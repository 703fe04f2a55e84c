export { type AppType, createApp } from './app';
export { type RunningServer, startServer } from './serve';
export type { Storage } from './storage/port';
export { openSqliteStorage } from './storage/sqlite';
