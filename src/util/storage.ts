import { stringify } from './json';

/**
 * Storage that never throws: private mode, blocked cookies or a full quota fall back to memory
 * for the rest of the page's life.
 */
export interface SafeStorage {
  get<T>(key: string): T | null;
  /** True when the value reached the browser's storage, false when only memory holds it. */
  set(key: string, value: unknown): boolean;
  remove(key: string): void;
  /** Our keys (without the `cart-upsell:` prefix) that start with `prefix`, stored or in memory. */
  keys(prefix: string): string[];
}

const PREFIX = 'cart-upsell:';

export function safeStorage(kind: 'local' | 'session'): SafeStorage {
  const memory = new Map<string, string>();
  let backend: Storage | null = null;
  // No probe write: a probe is two writes per storage on every page view, before the first read.
  // A storage that refuses writes (a full quota, an old private mode) fails its first `set`,
  // which memory then takes, and what it held before stays readable.
  try {
    backend = kind === 'local' ? window.localStorage : window.sessionStorage;
  } catch {
    backend = null;
  }
  const read = (key: string): string | null => {
    if (backend) {
      try {
        const raw = backend.getItem(PREFIX + key);
        if (raw != null) return raw;
      } catch {
        backend = null;
      }
    }
    // A value the quota refused is still here for this page.
    return memory.get(key) ?? null;
  };
  return {
    get<T>(key: string): T | null {
      const raw = read(key);
      if (raw == null) return null;
      try {
        return JSON.parse(raw) as T;
      } catch {
        return null;
      }
    },
    set(key: string, value: unknown): boolean {
      let raw: string;
      try {
        raw = stringify(value);
      } catch {
        return false;
      }
      if (backend) {
        try {
          backend.setItem(PREFIX + key, raw);
          memory.delete(key);
          return true;
        } catch {
          /* quota or blocked: memory keeps it for this page */
        }
      }
      memory.set(key, raw);
      return false;
    },
    remove(key: string): void {
      memory.delete(key);
      try {
        backend?.removeItem(PREFIX + key);
      } catch {
        /* ignore */
      }
    },
    keys(prefix: string): string[] {
      const found = new Set<string>();
      const full = PREFIX + prefix;
      try {
        // Keys first, values later: no read may shift the indexes under the loop.
        for (let i = 0, n = backend ? backend.length : 0; i < n; i++) {
          const k = backend!.key(i);
          if (k && k.startsWith(full)) found.add(k.slice(PREFIX.length));
        }
      } catch {
        /* blocked since: memory only */
      }
      for (const k of memory.keys()) if (k.startsWith(prefix)) found.add(k);
      return [...found];
    },
  };
}
