import { useState } from 'preact/hooks';
import { isLocale, type Locale, locales, messagesFor, setLocale, t } from '../../i18n';
import { officerMessage } from '../../officer-error';
import { normalizeServerUrl, type Settings, saveSettings } from '../../settings';
import { requestServerAccess } from '../../sync/server-access';
import { whoAmI } from '../../sync/server-api';
import { InputField, SelectField } from '../Fields';

interface Outcome {
  text: string;
  error: boolean;
}

function OutcomeLine({ outcome, name }: { outcome: Outcome | null; name: string }) {
  if (!outcome) return null;
  return (
    <p class={outcome.error ? 'error' : 'muted'} data-role={name} data-error={outcome.error} role="status">
      {outcome.text}
    </p>
  );
}

/** Where the Gom server is and the officer's token; the connection can be tried before saving. */
export function OptionsForm({ initial }: { initial: Settings }) {
  const [serverUrl, setServerUrl] = useState(initial.serverUrl ?? '');
  const [token, setToken] = useState(initial.token ?? '');
  const [locale, setLocaleField] = useState<Locale>(initial.locale);
  const [saved, setSaved] = useState<Outcome | null>(null);
  const [connection, setConnection] = useState<Outcome | null>(null);
  const [testing, setTesting] = useState(false);
  const s = t().options;

  async function save(event: Event): Promise<void> {
    event.preventDefault();
    if (serverUrl.trim()) void requestServerAccess(serverUrl);
    try {
      const settings = await saveSettings({ serverUrl, token, locale });
      setServerUrl(settings.serverUrl ?? '');
      setLocale(settings.locale);
      document.documentElement.lang = settings.locale;
      setSaved({ text: t().options.saved, error: false });
    } catch (error) {
      setSaved({ text: officerMessage(error), error: true });
    }
  }

  async function testConnection(): Promise<void> {
    setTesting(true);
    setConnection({ text: s.testing, error: false });
    try {
      // Signed in, not only reachable: a wrong token shows here, not at the first sync.
      const me = await whoAmI(normalizeServerUrl(serverUrl), token.trim());
      setConnection({ text: s.connectionOk(me.user.name, me.unit.name), error: false });
    } catch (error) {
      setConnection({ text: officerMessage(error), error: true });
    } finally {
      setTesting(false);
    }
  }

  return (
    <form data-role="settings" onSubmit={save}>
      <h1>{s.title}</h1>
      <InputField
        name="serverUrl"
        label={s.serverUrl}
        type="text"
        inputMode="url"
        spellcheck={false}
        autoComplete="url"
        placeholder={s.serverUrlHint}
        value={serverUrl}
        onValue={setServerUrl}
      />
      <InputField
        name="token"
        label={s.token}
        hint={s.tokenHint}
        type="password"
        autoComplete="off"
        value={token}
        onValue={setToken}
      />
      <SelectField
        name="locale"
        label={s.language}
        value={locale}
        choices={locales.map((l) => ({ value: l, label: messagesFor(l).languageName }))}
        onValue={(value) => {
          if (isLocale(value)) setLocaleField(value);
        }}
      />
      <div class="actions">
        <button type="submit" data-action="save">
          {s.save}
        </button>
        <button type="button" data-action="test-connection" disabled={testing} onClick={testConnection}>
          {s.testConnection}
        </button>
      </div>
      <OutcomeLine outcome={saved} name="save-status" />
      <OutcomeLine outcome={connection} name="connection-status" />
    </form>
  );
}
