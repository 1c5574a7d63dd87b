// The sources list of a bundled campaign: the cited research sources in research order, the
// researcher's remarks on a title or date moved into x- notes.
import type { Source } from '../../core/pack/types';
import type { Research } from './research';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export function buildSources(research: Research, ids: Iterable<string>): Source[] {
  const wanted = new Set(ids);
  const out: Source[] = [];
  // In the research order (S01, S02, …) so diffs stay readable.
  for (const fact of research.facts.sources) {
    if (!wanted.has(fact.id)) continue;
    const source: Source = { id: fact.id, url: fact.url };
    // The researcher's remarks about a title ("from URL", "headline not captured", "title
    // approximate") are not part of the title: they move to x-title-note.
    const remark = /\s*\(([^()]*(?:from URL|not captured|approximate|as syndicated)[^()]*)\)$/;
    let title = fact.title;
    const notes: string[] = [];
    if (title.startsWith('(headline not captured)')) {
      notes.push('headline not captured');
      title = title.replace(/^\(headline not captured\)\s*/, '');
    }
    const trailing = remark.exec(title);
    if (trailing) {
      notes.push(trailing[1]!);
      title = title.slice(0, trailing.index);
    }
    if (fact.publication) source.publisher = fact.publication;
    if (title && !title.startsWith('(')) source.title = title;
    else if (title) notes.push(title);
    if (notes.length) source['x-title-note'] = notes.join('; ');
    const date = fact.date.slice(0, 10);
    if (DATE_ONLY.test(date) && (fact.date.length === 10 || fact.date[10] === ' '))
      source.date = date;
    if (fact.date !== date || !source.date) source['x-date-note'] = fact.date;
    source.kind = research.kindOf(fact.id);
    out.push(source);
  }
  return out;
}
