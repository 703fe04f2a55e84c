import { render } from 'preact';
import { loadSettings } from '../../features/settings';
import { setLocale } from '../../i18n';
import '../../ui/gom.css';
import { OptionsForm } from './OptionsForm';

async function start(root: HTMLElement): Promise<void> {
  const settings = await loadSettings();
  setLocale(settings.locale);
  document.documentElement.lang = settings.locale;
  render(<OptionsForm initial={settings} />, root);
}

const root = document.getElementById('app');
if (root) void start(root);
