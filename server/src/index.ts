export { createApp } from './app';
export { createLogger, type Logger, type LogLevel } from './logger';
export { type RunningServer, startServer } from './serve';
export { type ClockPolicy, healFutureClocks } from './services/clock';
export { applyPush } from './services/sync';
export type { Storage, UnitSnapshot, User } from './storage/port';
export { openPostgresStorage } from './storage/postgres';
export { openSqliteStorage } from './storage/sqlite';
export { hashToken, newToken } from './tokens';
