import { render } from 'preact';
import { openGomDb } from '../../features/db';
import { loadSettings } from '../../features/settings';
import { setLocale } from '../../i18n';
import '../../ui/gom.css';
import { GatherReview } from './GatherReview';

async function start(root: HTMLElement): Promise<void> {
  const { locale } = await loadSettings();
  setLocale(locale);
  document.documentElement.lang = locale;
  const draftId = new URLSearchParams(location.search).get('draft') ?? '';
  render(<GatherReview db={openGomDb()} draftId={draftId} />, root);
}

const root = document.getElementById('app');
if (root) void start(root);
