// The checks' verdict: how many problems, each at its spreadsheet row and column or at its form
// field (a link that moves focus there), and the evidence warnings that do not stop the pack.
import { i18n } from '#i18n';
import type { SheetProblem } from '../../core/pack/sheet-columns';
import { placeOf } from './labels';

/** A problem in plain words, and the form field it is at (if any). */
export function problemText(problem: SheetProblem): { text: string; field?: string } {
  if (problem.row !== undefined)
    return {
      text:
        problem.column === undefined
          ? i18n.t('builder.problems.row', [problem.row, problem.message])
          : i18n.t('builder.problems.rowColumn', [problem.row, problem.column, problem.message]),
    };
  if (problem.path === undefined) return { text: problem.message };
  const place = placeOf(problem.path);
  return {
    text: i18n.t('builder.problems.field', [place.words, problem.message]),
    field: place.field,
  };
}

function ProblemItem(props: { problem: SheetProblem; testId: string }) {
  const { text, field } = problemText(props.problem);
  const focus = (event: Event) => {
    const target = field && document.getElementById(field);
    if (!target) return;
    event.preventDefault();
    target.focus();
  };
  return (
    <li data-testid={props.testId}>
      {field ? (
        <a href={`#${field}`} onClick={focus}>
          {text}
        </a>
      ) : (
        text
      )}
    </li>
  );
}

export interface ProblemsProps {
  checking: boolean;
  problems: readonly SheetProblem[];
  warnings: readonly SheetProblem[];
  warningCount: number;
}

export function ProblemsSection(props: ProblemsProps) {
  const { problems, warnings } = props;
  const summary = props.checking
    ? i18n.t('builder.problems.checking')
    : problems.length === 0
      ? i18n.t('builder.problems.none')
      : i18n.t('builder.problems.count', problems.length);
  return (
    <section aria-labelledby="problems-heading">
      <h2 id="problems-heading">{i18n.t('builder.problems.heading')}</h2>
      <p
        class={problems.length > 0 ? 'summary error' : 'summary'}
        role="status"
        data-testid="problem-summary"
      >
        {summary}
      </p>
      {problems.length > 0 && (
        <ul class="problems">
          {problems.map((problem, i) => (
            <ProblemItem key={i} problem={problem} testId="problem" />
          ))}
        </ul>
      )}
      {warnings.length > 0 && (
        <details>
          <summary>{i18n.t('builder.problems.warningsHeading', props.warningCount)}</summary>
          <ul class="warnings">
            {warnings.map((warning, i) => (
              <ProblemItem key={i} problem={warning} testId="warning" />
            ))}
          </ul>
          {props.warningCount > warnings.length && (
            <p>{i18n.t('builder.problems.moreWarnings', [props.warningCount - warnings.length])}</p>
          )}
        </details>
      )}
    </section>
  );
}
