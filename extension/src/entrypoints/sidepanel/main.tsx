import { render } from 'preact';
import { openGomDb } from '../../features/db';
import { loadSettings } from '../../features/settings';
import { setLocale } from '../../i18n';
import '../../ui/gom.css';
import { SidePanel } from './SidePanel';

async function start(root: HTMLElement): Promise<void> {
  const { locale } = await loadSettings();
  setLocale(locale);
  document.documentElement.lang = locale;
  render(<SidePanel db={openGomDb()} />, root);
}

const root = document.getElementById('app');
if (root) void start(root);
