import { describe, expect, it } from 'vitest';
import { readFailure } from './read-tab';

// Chromium's own words when it refuses `scripting.executeScript`, as it says them.
describe('readFailure', () => {
  it.each([
    [
      'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
      'noPageAccess',
    ],
    [
      'Cannot access contents of url "file:///C:/van-ban.html". Extension manifest must request permission to access this host.',
      'noPageAccess',
    ],
    ['Cannot access a chrome:// URL', 'browserPage'],
    ['The extensions gallery cannot be scripted.', 'browserPage'],
    ['No tab with id: 42.', 'pageGone'],
    ['Frame with ID 0 was removed.', 'pageGone'],
    ['the page reader returned nothing', 'cannotReadPage'],
  ])('%s → %s', (message, reason) => {
    expect(readFailure(message)).toBe(reason);
  });
});
