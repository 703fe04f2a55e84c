import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { revokeUser } from '../services/users';
import { setUpServer, testAdapters } from '../test-support';

let env: Awaited<ReturnType<typeof setUpServer>>;

describe.each(testAdapters)('GET /v1/me on $name', (adapter) => {
  beforeEach(async () => {
    env = await setUpServer(adapter, { authFailureLimit: false });
  });
  afterEach(() => env.dispose());

  const me = (token: string) => env.app.request('/v1/me', { headers: { Authorization: `Bearer ${token}` } });

  it("names the token's user and unit", async () => {
    const token = await env.tokenFor('SNgV', 'editor');
    const res = await me(token);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      user: { id: expect.any(String), name: 'user editor', role: 'editor' },
      unit: { id: 'SNgV', name: 'Sở Ngoại vụ' },
    });
  });

  it('refuses a wrong or revoked token with 401', async () => {
    expect((await me('gom_wrong')).status).toBe(401);
    const token = await env.tokenFor();
    const { user } = await (await me(token)).json();
    await revokeUser(env.storage, user.id);
    expect((await me(token)).status).toBe(401);
  });
});
