import { render } from 'preact';
import { setLocale } from '../../i18n';
import { loadSettings } from '../../settings';
import { openGomDb } from '../../store/db';
import '../../ui/gom.css';
import { GatherReview } from '../../ui/gather/GatherReview';

async function start(root: HTMLElement): Promise<void> {
  const { locale } = await loadSettings();
  setLocale(locale);
  document.documentElement.lang = locale;
  const draftId = new URLSearchParams(location.search).get('draft') ?? '';
  render(<GatherReview db={openGomDb()} draftId={draftId} />, root);
}

const root = document.getElementById('app');
if (root) void start(root);
