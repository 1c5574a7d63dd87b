// Whether this page's store is waiting for the database's data to be upgraded (after an update
// of Picket), so the popup can say "updating…" instead of showing nothing or giving up. Kept
// apart from the store so a page can watch it without loading the database code.

type Listener = (updating: boolean) => void;

let updating = false;
const listeners = new Set<Listener>();

export function setDatabaseUpdating(value: boolean): void {
  if (updating === value) return;
  updating = value;
  for (const listener of listeners) listener(value);
}

/** Calls `listener` now and on every change; returns the way to stop. */
export function watchDatabaseUpdating(listener: Listener): () => void {
  listeners.add(listener);
  listener(updating);
  return () => listeners.delete(listener);
}
