// The script-tag build: defines window.CartUpsell and starts from the page's config, if any.
import { start } from './runtime/start';
import { findPageConfig } from './config/load';
import { errorOnce, guard, t } from './util/log';

// validateEvent stays in the module build (collectors run it on a server); shops don't need its bytes.
export { start, stop, refresh, trackOrder, validateConfig, diagnose, readCart, preview, version } from './index';

const script = document.currentScript as HTMLScriptElement | null;

const autoStart = guard('auto-start', () => {
  try {
    const source = findPageConfig(script, document);
    if (source) void start(source);
  } catch (err) {
    errorOnce(`${(err as Error).message}${t('; the widget stays off.', '。ウィジェットは動きません。')}`);
  }
});

// Evaluating this file only defines CartUpsell: the start (the config's request and check) runs
// in a task of its own, never inside the evaluation nor inside the page's DOMContentLoaded task.
// The inline config may come later in the page than the script tag.
const later = () => void setTimeout(autoStart);
if (script?.hasAttribute('data-config') || document.readyState !== 'loading') later();
else document.addEventListener('DOMContentLoaded', later, { once: true });
