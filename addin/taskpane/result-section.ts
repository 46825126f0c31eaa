import { formatIssue, label, type LabelKey } from '../../core/index.js';
import { h } from './create-element.js';
import { schemeName } from './options-section.js';
import type { PaneState, Translate } from './pane-state.js';

const percent = (x: number): string => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '–');

/**
 * The outcome of the last Segment: what was written where, the segment table,
 * the cleaning report whose links select the offending cells, and the notes;
 * undefined before the first run.
 */
export function buildResultSection(
  state: PaneState,
  t: Translate,
  selectCell: (address: string) => void,
): HTMLElement | undefined {
  const outcome = state.outcome;
  if (!outcome) return undefined;
  const L = (key: LabelKey) => label(key, state.locale);
  const segments = h('tbody');
  for (const s of outcome.segments.filter((s) => s.count > 0)) {
    segments.append(
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, s.label),
        h('td', {}, s.count.toLocaleString('en-US')),
        h('td', {}, percent(s.share)),
        h('td', {}, percent(s.revenueShare)),
      ),
    );
  }
  const counts = Object.entries(outcome.report.counts).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
  const issues = h('ol', { class: 'issues' });
  for (const issue of outcome.report.issues) {
    const link = h(
      'a',
      {
        href: '#',
        class: 'issue-link',
        'data-address': issue.address,
        title: t('selectCell', { address: issue.address }),
      },
      issue.address.replace(/^.*!/, ''),
    );
    link.addEventListener('click', (event) => {
      event.preventDefault();
      selectCell(issue.address);
    });
    issues.append(h('li', { 'data-code': issue.code }, link, ` ${formatIssue(issue, state.locale)}`));
  }
  const listed = outcome.report.issues.length;
  return h(
    'section',
    { class: 'result', 'aria-live': 'polite' },
    h(
      'p',
      { class: 'done', role: 'status' },
      t('done', {
        customers: outcome.customers,
        scheme: schemeName(outcome.schemeId, state.locale),
        asOf: outcome.asOf || '–',
        target: outcome.target,
        summary: outcome.summarySheet,
      }),
      outcome.replacedEarlierColumns ? ` ${t('replaced')}` : undefined,
    ),
    h('h2', {}, t('summary')),
    h(
      'table',
      { class: 'segments' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, L('column.segment')),
          h('th', { scope: 'col' }, L('column.count')),
          h('th', { scope: 'col' }, L('column.share')),
          h('th', { scope: 'col' }, L('column.revenueShare')),
        ),
      ),
      segments,
    ),
    h('h2', {}, t('report')),
    counts.length === 0
      ? h('p', {}, t('noIssues'))
      : h(
          'p',
          { class: 'counts' },
          // Each issue by its name in the pane's language, never its code (issue 14).
          counts
            .map(([code, count]) => `${L(`issue.${code}` as LabelKey)} ${(count ?? 0).toLocaleString('en-US')}`)
            .join(' · '),
        ),
    listed > 0 ? issues : undefined,
    outcome.report.unlisted > 0
      ? h('p', { class: 'hint' }, t('moreIssues', { count: outcome.report.unlisted }))
      : undefined,
    outcome.notes.length > 0 ? h('h2', {}, t('notes')) : undefined,
    outcome.notes.length > 0
      ? h('ul', { class: 'notes' }, ...outcome.notes.map((note) => h('li', {}, note)))
      : undefined,
  );
}
