// Reading and writing a config by the paths the validator names ("offers[0].to",
// "freeShipping.tiers[1].amount"), so a message lands next to the field it is about.

/** "offers[0].to" → ["offers", 0, "to"] */
export function parsePath(path) {
  const out = [];
  for (const m of String(path).matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}

export function getPath(obj, path) {
  let cur = obj;
  for (const k of parsePath(path)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = cur[k];
  }
  return cur;
}

/** Sets a value, creating objects and arrays on the way; `undefined` removes the field. */
export function setPath(obj, path, value) {
  const keys = parsePath(path);
  let cur = obj;
  for (let i = 0; i < keys.length - 1; i++) {
    const k = keys[i];
    if (cur[k] === null || typeof cur[k] !== 'object') cur[k] = typeof keys[i + 1] === 'number' ? [] : {};
    cur = cur[k];
  }
  const last = keys[keys.length - 1];
  if (value === undefined) {
    if (Array.isArray(cur) && typeof last === 'number') cur[last] = undefined;
    else delete cur[last];
  } else cur[last] = value;
  return obj;
}

/** Empties left behind by the form ({} and removed fields) are dropped, so the JSON stays tidy. */
export function prune(value) {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(prune);
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      const p = prune(v);
      if (p === undefined) continue;
      if (p && typeof p === 'object' && !Array.isArray(p) && !Object.keys(p).length) continue;
      out[k] = p;
    }
    return out;
  }
  return value;
}
