import type { OkrSnapshotStrings, OkrStrings } from './strings.js';

/** Texts for one language: any of the elements' texts (`OkrStrings`, `OkrSnapshotStrings`); missing ones fall back. */
export type OkrStringTable = Partial<OkrStrings & OkrSnapshotStrings>;

const tables = new Map<string, OkrStringTable>();
const listeners = new Set<() => void>();
let version = 0;

/**
 * Registers the texts of a language for every okrkit element on the page:
 * `registerStrings('de', { addSession: 'Session anlegen', ... })`. An element shows the
 * language of its own `lang`, else of the nearest ancestor's (through shadow roots), else of
 * `<html lang>`, else English; a regional tag falls back to its base language (`de-AT`
 * reads `de-at`, then `de`, then English), key by key. Registering again merges over what
 * the language had, and every element showing it renders again.
 * `import '@okrkit/elements/locales/de.js'` registers the German texts.
 */
export function registerStrings(lang: string, strings: OkrStringTable): void {
  const tag = lang.toLowerCase();
  tables.set(tag, { ...tables.get(tag), ...strings });
  version++;
  for (const listener of listeners) listener();
}

/** Calls `listener` after every `registerStrings`; returns the function that stops it. */
export function onStringsRegistered(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Counts the registrations, so a cache of resolved texts knows when it is stale. */
export function stringsVersion(): number {
  return version;
}

const merged = new Map<string, { readonly version: number; readonly table: OkrStringTable }>();

/**
 * What is registered for `lang`: English (`en`, if registered), then the base language,
 * then each longer subtag, merged key by key (`de-AT`: `en`, `de`, `de-at`).
 */
export function registeredStrings(lang: string): OkrStringTable {
  const tag = lang.toLowerCase();
  const cached = merged.get(tag);
  if (cached?.version === version) return cached.table;
  const parts = tag.split('-');
  let table: OkrStringTable = { ...tables.get('en') };
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join('-');
    if (prefix !== 'en') table = { ...table, ...tables.get(prefix) };
  }
  merged.set(tag, { version, table });
  return table;
}
