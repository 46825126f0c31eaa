import { findScheme, type Locale } from '../../core/index.js';
import { AddinError } from '../excel/addin-error.js';
import { loadSettings, previewColumns, selectAddress } from '../excel/preview-columns.js';
import { removeResults } from '../excel/remove-results.js';
import { segmentSelection } from '../excel/segment-selection.js';
import { buildAdvancedSection } from './advanced-section.js';
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
async function runSegment(state: PaneState, host: PaneHost): Promise<void> {
  const { config } = state;
  // K is k-means' own option: a K stored for an earlier k-means run is not sent to another scheme.
  const k = findScheme(state.scheme)?.options.includes('k') && state.k.trim() !== '' ? Number(state.k) : undefined;
  try {
    state.outcome = await host.run((context) =>
      segmentSelection(context, {
        locale: state.locale,
        scheme: state.scheme,
        ...(state.asOf ? { asOf: state.asOf } : {}),
        today: todayOn(host.clock),
        mapping: state.mapping,
        ...(config !== undefined ? { config } : {}),
        ...(k !== undefined ? { k } : {}),
      }),
    );
    state.asked = [];
  } catch (error) {
    recordError(state, error);
  }
}

/**
 * The whole pane for a state, in the order an analyst needs it in a 420×900
 * pane: title, scheme and date, the actions (Segment first), the error, the
 * results of the last run, the column mapping, then the advanced options folded.
 */
function renderPane(
  root: HTMLElement,
  state: PaneState,
  t: Translate,
  actions: {
    segment: () => void;
    remove: () => void;
    refresh: () => void;
    render: () => void;
    selectCell: (address: string) => void;
  },
): void {
  document.documentElement.lang = state.locale;
  const button = h(
    'button',
    { type: 'button', id: 'segment', class: 'primary' },
    state.busy ? t('working') : t('segment'),
  ) as HTMLButtonElement;
  button.disabled = state.busy;
  button.addEventListener('click', actions.segment);
  // Office.js cannot undo a whole run: the pane says so and offers Remove instead.
  const remove = h(
    'button',
    { type: 'button', id: 'remove-results', class: 'secondary' },
    t('remove'),
  ) as HTMLButtonElement;
  remove.disabled = state.busy;
  remove.addEventListener('click', actions.remove);
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
    // The actions row: Segment first; secondary actions (Remove Tierline results) and their notes follow it here.
    h('div', { class: 'actions', id: 'actions' }, button, remove),
    state.outcome ? h('p', { class: 'hint', id: 'undo-note' }, t('undoNote')) : '',
    state.notice ? h('p', { class: 'notice', role: 'status' }, state.notice) : '',
    error || '',
    buildResultSection(state, t, actions.selectCell) ?? '',
    buildMappingSection(state, t, actions),
    buildAdvancedSection(state, t, actions.render),
  );
}

/**
 * Mounts the task pane into `root`: scheme and analysis date, the Segment
 * button, the results with the cleaning report (whose links select the
 * cells), the column-mapping preview and the advanced options (language, K,
 * the scheme's thresholds as a form, a link to the config docs). Starts
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
    state.notice = undefined;
    state.outcome = undefined;
    state.busy = true;
    render();
    await runSegment(state, host);
    state.busy = false;
    render();
  };
  const remove = async () => {
    state.error = undefined;
    state.notice = undefined;
    state.busy = true;
    render();
    try {
      const removed = await host.run(removeResults);
      state.outcome = undefined;
      state.notice = removed.nothing
        ? t('nothingToRemove')
        : [
            t('removed', { columns: removed.columns, sheets: removed.sheets.length }),
            ...removed.kept.map((address) => t('keptChanged', { address })),
          ].join(' ');
    } catch (error) {
      recordError(state, error);
    }
    state.busy = false;
    render();
  };
  const actions = {
    segment: () => void segment(),
    remove: () => void remove(),
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
