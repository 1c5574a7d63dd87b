// The steps of a running pack import, in order, as the background reports them to the page that
// started it (see the `importProgress` message in core/messages.ts).
export const IMPORT_PHASES = ['validating', 'indexing', 'saving', 'writing'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

/** Where an import is: `done` of `total` participants while writing, 0 of 0 before that. */
export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
}
