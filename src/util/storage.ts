/**
 * Storage that never throws: private mode, blocked cookies or a full quota fall back to memory
 * for the rest of the page's life.
 */
export interface SafeStorage {
  get<T>(key: string): T | null;
  set(key: string, value: unknown): void;
  remove(key: string): void;
  /** False when the browser's storage could not be used. */
  readonly persistent: boolean;
}

const PREFIX = 'cart-upsell:';

export function safeStorage(kind: 'local' | 'session'): SafeStorage {
  const memory = new Map<string, string>();
  let backend: Storage | null = null;
  try {
    const s = kind === 'local' ? window.localStorage : window.sessionStorage;
    const probe = PREFIX + 'probe';
    s.setItem(probe, '1');
    s.removeItem(probe);
    backend = s;
  } catch {
    backend = null;
  }
  const read = (key: string): string | null => {
    if (backend) {
      try {
        return backend.getItem(PREFIX + key);
      } catch {
        backend = null;
      }
    }
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
    set(key: string, value: unknown): void {
      const raw = JSON.stringify(value);
      memory.set(key, raw);
      if (!backend) return;
      try {
        backend.setItem(PREFIX + key, raw);
      } catch {
        /* quota or blocked: memory keeps it for this page */
      }
    },
    remove(key: string): void {
      memory.delete(key);
      try {
        backend?.removeItem(PREFIX + key);
      } catch {
        /* ignore */
      }
    },
    get persistent() {
      return backend !== null;
    },
  };
}
