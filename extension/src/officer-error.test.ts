import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { setLocale } from './i18n';
import { OfficerError, officerMessage } from './officer-error';

describe('officerMessage', () => {
  it('shows an OfficerError as it is worded', () => {
    setLocale('vi');
    expect(officerMessage(new OfficerError('emptyClip'))).toBe('Đoạn chọn không có chữ nào để lưu.');
  });

  it('names a database the browser cannot open, with what the browser said', () => {
    setLocale('vi');
    const failure = new Dexie.OpenFailedError('Internal error opening backing store for indexedDB.open.');
    expect(officerMessage(failure)).toBe(
      'Trình duyệt không mở được kho dữ liệu của Gom trên máy này. (Internal error opening backing store for indexedDB.open.)',
    );
    setLocale('en');
    expect(officerMessage(new Dexie.DatabaseClosedError('closed'))).toBe(
      "The browser cannot open Gom's storage on this computer. (closed)",
    );
  });

  it('says an unknown failure is unexpected, and keeps its message', () => {
    setLocale('en');
    expect(officerMessage(new TypeError('x is undefined'))).toBe('Something unexpected went wrong. (x is undefined)');
    expect(officerMessage('plain')).toBe('Something unexpected went wrong. (plain)');
  });
});
