import { DataValidationError, label, type LabelKey, type Locale } from '../../core/index.js';
import { AddinError } from '../excel/addin-error.js';
import { formatFieldName } from '../excel/field-names.js';
import { describeHeaders, loadSettings, previewColumns, selectAddress, type ColumnPreview } from '../excel/preview-columns.js';
import type { TierlineSettings } from '../excel/run-settings.js';
import { segmentSelection, type SegmentOutcome } from '../excel/segment-selection.js';
import { todayOn, type PaneClock } from './pane-clock.js';
import { formatPaneLabel, SCHEME_CHOICES, type PaneLabel } from './pane-labels.js';

/** What the pane needs from its host: Excel.run in Office, a fake in the browser test. */
export interface PaneHost {
  /** Runs one user action inside one `Excel.run`. */
  run<T>(action: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** The pane's clock, read when Segment is clicked (core has none). */
  readonly clock: PaneClock;
  /** Calls `listener` when the selection moves (to refresh the mapping preview). */
  onSelectionChanged?(listener: () => void): void;
}

interface PaneState {
  locale: Locale;
  scheme: string;
  asOf: string;
  /** k-means K as typed; '' = automatic. */
  k: string;
  configText: string;
  mapping: Record<string, string>;
  preview?: ColumnPreview;
  outcome?: SegmentOutcome;
  /** A message with, for core's data errors, each issue. */
  error?: { message: string; issues: readonly string[] };
  /** Fields to highlight (the pane asked for them). */
  asked: readonly string[];
  busy: boolean;
}

type Child = Node | string | undefined | false;

/** Creates an element; text goes in as text nodes (headers are user data, never HTML). */
function h(tag: string, attributes: Readonly<Record<string, string>> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) if (child !== undefined && child !== false) element.append(child);
  return element;
}

/** The pane's name of a scheme id (the id itself for one the pane does not list). */
function schemeName(id: string, locale: Locale): string {
  const choice = SCHEME_CHOICES.find((c) => c.id === id);
  return choice ? (locale === 'zh-CN' ? choice.name[1] : choice.name[0]) : id;
}

const percent = (x: number): string => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '–');

/**
 * Mounts the task pane into `root`: options (scheme, analysis date, locale,
 * threshold overrides), the column-mapping preview, the Segment button and
 * the results with the cleaning report, whose links select the cells. Loads
 * the workbook's stored settings first so the analyst's last choices return.
 */
export async function mountPane(root: HTMLElement, host: PaneHost): Promise<void> {
  const state: PaneState = { locale: 'en', scheme: 'rfm', asOf: '', k: '', configText: '', mapping: {}, asked: [], busy: false };
  const t = (key: PaneLabel, params?: Readonly<Record<string, string | number>>) => formatPaneLabel(key, state.locale, params);

  const apply = (settings: TierlineSettings) => {
    state.locale = settings.locale;
    state.scheme = settings.scheme;
    state.asOf = settings.asOf ?? '';
    state.mapping = { ...settings.mapping };
    state.k = typeof settings.k === 'number' ? String(settings.k) : '';
    state.configText = settings.config === undefined ? '' : JSON.stringify(settings.config, null, 2);
  };

  const showError = (error: unknown) => {
    if (error instanceof AddinError) state.error = { message: error.message, issues: [] };
    else if (error instanceof DataValidationError) state.error = { message: error.issues[0]?.message ?? error.message, issues: error.issues.slice(1, 20).map((i) => i.message) };
    else state.error = { message: error instanceof Error ? error.message : String(error), issues: [] };
    if (error instanceof AddinError && error.code === 'missing-columns') state.asked = error.fields;
  };

  const refreshPreview = async () => {
    try {
      state.preview = await host.run((context) => previewColumns(context, state.locale, state.mapping));
    } catch (error) {
      state.preview = undefined;
      if (!(error instanceof AddinError && error.code === 'empty-selection')) showError(error);
    }
    render();
  };

  const segment = async () => {
    state.error = undefined;
    state.outcome = undefined;
    let config: unknown;
    if (state.configText.trim() !== '') {
      try {
        config = JSON.parse(state.configText);
      } catch (error) {
        state.error = { message: t('thresholdsInvalid', { detail: error instanceof Error ? error.message : String(error) }), issues: [] };
        render();
        return;
      }
    }
    state.busy = true;
    render();
    try {
      state.outcome = await host.run((context) =>
        segmentSelection(context, {
          locale: state.locale,
          scheme: state.scheme,
          ...(state.asOf ? { asOf: state.asOf } : {}),
          today: todayOn(host.clock),
          mapping: state.mapping,
          ...(config !== undefined ? { config } : {}),
          ...(state.k.trim() !== '' ? { k: Number(state.k) } : {}),
        }),
      );
      state.asked = [];
    } catch (error) {
      showError(error);
    } finally {
      state.busy = false;
    }
    render();
  };

  const optionsSection = () => {
    const scheme = h('select', { id: 'scheme', name: 'scheme' });
    for (const choice of SCHEME_CHOICES) {
      const option = h('option', { value: choice.id }, state.locale === 'zh-CN' ? choice.name[1] : choice.name[0]) as HTMLOptionElement;
      option.selected = choice.id === state.scheme;
      scheme.append(option);
    }
    scheme.addEventListener('change', () => (state.scheme = (scheme as HTMLSelectElement).value));
    const asOf = h('input', { id: 'as-of', name: 'as-of', type: 'date', value: state.asOf }) as HTMLInputElement;
    asOf.addEventListener('input', () => (state.asOf = asOf.value));
    const locale = h('select', { id: 'locale', name: 'locale' });
    for (const [value, name] of [['en', 'English'], ['zh-CN', '简体中文']] as const) {
      const option = h('option', { value }, name) as HTMLOptionElement;
      option.selected = value === state.locale;
      locale.append(option);
    }
    locale.addEventListener('change', () => {
      state.locale = (locale as HTMLSelectElement).value as Locale;
      render();
    });
    const k = h('input', { id: 'k', name: 'k', type: 'number', min: '2', max: '20', step: '1', placeholder: 'auto', value: state.k }) as HTMLInputElement;
    k.addEventListener('input', () => (state.k = k.value));
    const config = h('textarea', { id: 'thresholds', name: 'thresholds', rows: '3', spellcheck: 'false', placeholder: '{ "tags": { … } }' }) as HTMLTextAreaElement;
    config.value = state.configText;
    config.addEventListener('input', () => (state.configText = config.value));
    return h(
      'section',
      { class: 'options' },
      h('label', { for: 'scheme' }, t('scheme')),
      scheme,
      h('label', { for: 'as-of' }, t('asOf')),
      asOf,
      h('p', { class: 'hint' }, t('asOfHint')),
      h('label', { for: 'locale' }, t('locale')),
      locale,
      h('label', { for: 'k' }, t('k')),
      k,
      h('label', { for: 'thresholds' }, t('thresholds')),
      config,
    );
  };

  const mappingSection = () => {
    const preview = state.preview;
    const section = h('section', { class: 'mapping', 'aria-labelledby': 'mapping-title' }, h('h2', { id: 'mapping-title' }, t('mapping')));
    const refresh = h('button', { type: 'button', id: 'refresh', class: 'secondary' }, t('refresh'));
    refresh.addEventListener('click', () => void refreshPreview());
    section.append(refresh);
    if (!preview) return section;
    const shape = preview.shape === 'customers' ? t('shapeCustomers') : preview.shape === 'transactions' ? t('shapeTransactions') : t('shapeUnknown');
    section.append(h('p', { class: 'source' }, t('mappingSource', { source: preview.source, shape })));
    const body = h('tbody');
    for (const field of preview.fields) {
      const select = h('select', { 'data-field': field.field, 'aria-label': formatFieldName(field.field, state.locale) }) as HTMLSelectElement;
      select.append(h('option', { value: '' }, t('notFound')));
      for (const header of preview.headers.filter(Boolean)) {
        const option = h('option', { value: header }, header) as HTMLOptionElement;
        option.selected = header === field.header;
        select.append(option);
      }
      select.addEventListener('change', () => {
        if (select.value) state.mapping[field.field] = select.value;
        else delete state.mapping[field.field];
        // Re-detect locally: the header row is already known.
        try {
          state.preview = { source: preview.source, ...describeHeaders(preview.headers, state.mapping) };
        } catch (error) {
          showError(error);
        }
        render();
      });
      const missing = field.header === undefined;
      const asked = state.asked.includes(field.field);
      body.append(
        h(
          'tr',
          { class: [missing ? 'missing' : '', asked ? 'asked' : ''].filter(Boolean).join(' ') },
          h('th', { scope: 'row' }, formatFieldName(field.field, state.locale), field.required ? h('span', { class: 'required' }, ` (${t('required')})`) : undefined),
          h('td', {}, select),
        ),
      );
    }
    section.append(h('table', { class: 'fields' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('field')), h('th', { scope: 'col' }, t('column')))), body));
    return section;
  };

  const resultSection = () => {
    const outcome = state.outcome;
    if (!outcome) return undefined;
    const L = (key: LabelKey) => label(key, state.locale);
    const segments = h('tbody');
    for (const s of outcome.segments.filter((s) => s.count > 0)) {
      segments.append(h('tr', {}, h('th', { scope: 'row' }, s.label), h('td', {}, s.count.toLocaleString('en-US')), h('td', {}, percent(s.share)), h('td', {}, percent(s.revenueShare))));
    }
    const counts = Object.entries(outcome.report.counts).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
    const issues = h('ol', { class: 'issues' });
    for (const issue of outcome.report.issues) {
      const link = h('a', { href: '#', class: 'issue-link', 'data-address': issue.address, title: t('selectCell', { address: issue.address }) }, issue.address.replace(/^.*!/, ''));
      link.addEventListener('click', (event) => {
        event.preventDefault();
        void host.run((context) => selectAddress(context, issue.address)).catch(showError);
      });
      issues.append(h('li', { 'data-code': issue.code }, link, ` ${issue.message}`));
    }
    const listed = outcome.report.issues.length;
    return h(
      'section',
      { class: 'result', 'aria-live': 'polite' },
      h(
        'p',
        { class: 'done', role: 'status' },
        t('done', { customers: outcome.customers, scheme: schemeName(outcome.schemeId, state.locale), asOf: outcome.asOf || '–', target: outcome.target, summary: outcome.summarySheet }),
        outcome.replacedEarlierColumns ? ` ${t('replaced')}` : undefined,
      ),
      h('h2', {}, t('summary')),
      h(
        'table',
        { class: 'segments' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, L('column.segment')), h('th', { scope: 'col' }, L('column.count')), h('th', { scope: 'col' }, L('column.share')), h('th', { scope: 'col' }, L('column.revenueShare')))),
        segments,
      ),
      h('h2', {}, t('report')),
      counts.length === 0 ? h('p', {}, t('noIssues')) : h('p', { class: 'counts' }, counts.map(([code, count]) => `${code} ${(count ?? 0).toLocaleString('en-US')}`).join(' · ')),
      listed > 0 ? issues : undefined,
      outcome.report.unlisted > 0 ? h('p', { class: 'hint' }, t('moreIssues', { count: outcome.report.unlisted })) : undefined,
      outcome.notes.length > 0 ? h('h2', {}, t('notes')) : undefined,
      outcome.notes.length > 0 ? h('ul', { class: 'notes' }, ...outcome.notes.map((note) => h('li', {}, note))) : undefined,
    );
  };

  function render(): void {
    document.documentElement.lang = state.locale;
    const button = h('button', { type: 'button', id: 'segment', class: 'primary' }, state.busy ? t('working') : t('segment')) as HTMLButtonElement;
    button.disabled = state.busy;
    button.addEventListener('click', () => void segment());
    const error = state.error && h('div', { class: 'error', role: 'alert' }, h('p', {}, state.error.message), state.error.issues.length > 0 ? h('ul', {}, ...state.error.issues.map((i) => h('li', {}, i))) : undefined);
    root.replaceChildren(h('header', {}, h('h1', {}, t('title')), h('p', { class: 'intro' }, t('intro'))), optionsSection(), mappingSection(), h('div', { class: 'actions' }, button), error || '', resultSection() ?? '');
  }

  render();
  try {
    apply(await host.run(loadSettings));
  } catch (error) {
    showError(error);
  }
  host.onSelectionChanged?.(() => void refreshPreview());
  await refreshPreview();
}
