import type { Locale } from '../../core/index.js';
import { AddinError } from '../excel/addin-error.js';
import { loadSettings, previewColumns, selectAddress } from '../excel/preview-columns.js';
import { segmentSelection } from '../excel/segment-selection.js';
import { h } from './create-element.js';
import { buildMappingSection } from './mapping-section.js';
import { buildOptionsSection } from './options-section.js';
import { todayOn, type PaneClock } from './pane-clock.js';
import {
  applySettings,
  createPaneState,
  recordError,
  translatorOf,
  type PaneState,
  type Translate,
} from './pane-state.js';
import { buildResultSection } from './result-section.js';

/** What the pane needs from its host: Excel.run in Office, a fake in the browser test. */
export interface PaneHost {
  /** Runs one user action inside one `Excel.run`. */
  run<T>(action: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** The pane's clock, read when Segment is clicked (core has none). */
  readonly clock: PaneClock;
  /** The pane's language until the workbook remembers one (from Office's display language). */
  readonly displayLocale: Locale;
  /** Calls `listener` when the selection moves (to refresh the mapping preview). */
  onSelectionChanged?(listener: () => void): void;
}

/** The pane's threshold overrides as core's `config`, or the message saying why they are not JSON. */
function readConfig(state: PaneState, t: Translate): { config?: unknown } | { invalid: string } {
  if (state.configText.trim() === '') return {};
  try {
    return { config: JSON.parse(state.configText) as unknown };
  } catch (error) {
    return { invalid: t('thresholdsInvalid', { detail: error instanceof Error ? error.message : String(error) }) };
  }
}

/** Reads the selection's header row into the mapping preview; an empty selection is not an error. */
async function refreshPreview(state: PaneState, host: PaneHost): Promise<void> {
  try {
    state.preview = await host.run((context) => previewColumns(context, state.locale, state.mapping));
  } catch (error) {
    state.preview = undefined;
    if (!(error instanceof AddinError && error.code === 'empty-selection')) recordError(state, error);
  }
}

/** Segments the selection with the pane's choices, "today" read from the clock now. */
async function runSegment(state: PaneState, host: PaneHost, config: unknown): Promise<void> {
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
    recordError(state, error);
  }
}

/** The whole pane for a state: header, options, mapping, Segment button, error, results. */
function renderPane(
  root: HTMLElement,
  state: PaneState,
  t: Translate,
  actions: { segment: () => void; refresh: () => void; render: () => void; selectCell: (address: string) => void },
): void {
  document.documentElement.lang = state.locale;
  const button = h(
    'button',
    { type: 'button', id: 'segment', class: 'primary' },
    state.busy ? t('working') : t('segment'),
  ) as HTMLButtonElement;
  button.disabled = state.busy;
  button.addEventListener('click', actions.segment);
  const error =
    state.error &&
    h(
      'div',
      { class: 'error', role: 'alert' },
      h('p', {}, state.error.message),
      state.error.issues.length > 0 ? h('ul', {}, ...state.error.issues.map((i) => h('li', {}, i))) : undefined,
    );
  root.replaceChildren(
    h('header', {}, h('h1', {}, t('title')), h('p', { class: 'intro' }, t('intro'))),
    buildOptionsSection(state, t, actions.render),
    buildMappingSection(state, t, actions),
    h('div', { class: 'actions' }, button),
    error || '',
    buildResultSection(state, t, actions.selectCell) ?? '',
  );
}

/**
 * Mounts the task pane into `root`: options (scheme, analysis date, locale,
 * threshold overrides), the column-mapping preview, the Segment button and
 * the results with the cleaning report, whose links select the cells. Starts
 * in Office's display language, then loads the workbook's stored settings so
 * the analyst's last choices return.
 */
export async function mountPane(root: HTMLElement, host: PaneHost): Promise<void> {
  const state = createPaneState(host.displayLocale);
  const t = translatorOf(state);
  const render = () => renderPane(root, state, t, actions);
  const refresh = async () => {
    await refreshPreview(state, host);
    render();
  };
  const segment = async () => {
    state.error = undefined;
    state.outcome = undefined;
    const read = readConfig(state, t);
    if ('invalid' in read) {
      state.error = { message: read.invalid, issues: [] };
      return render();
    }
    state.busy = true;
    render();
    await runSegment(state, host, read.config);
    state.busy = false;
    render();
  };
  const actions = {
    segment: () => void segment(),
    refresh: () => void refresh(),
    render,
    selectCell: (address: string) =>
      void host.run((context) => selectAddress(context, address)).catch((error: unknown) => recordError(state, error)),
  };

  render();
  try {
    applySettings(state, await host.run(loadSettings));
  } catch (error) {
    recordError(state, error);
  }
  host.onSelectionChanged?.(() => void refresh());
  await refresh();
}
