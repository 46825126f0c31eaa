/**
 * Task pane entry: waits for Office.js, then mounts the pane with Excel.run
 * as its host. Every user action is one Excel.run (STYLE.md).
 */
import { localeOfDisplayLanguage } from './display-locale.js';
import { mountPane, type PaneHost } from './mount-pane.js';
import { systemClock } from './pane-clock.js';
import { formatPaneLabel } from './pane-labels.js';

/** The host the pane gets inside Excel. */
export function createExcelHost(): PaneHost {
  return {
    run: (action) => Excel.run(action),
    // The analyst's calendar day, read at each Segment click.
    clock: systemClock,
    displayLocale: localeOfDisplayLanguage(Office.context.displayLanguage),
    onSelectionChanged: (listener) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      // Debounced: dragging a selection fires many events.
      Office.context.document.addHandlerAsync(Office.EventType.DocumentSelectionChanged, () => {
        clearTimeout(timer);
        timer = setTimeout(listener, 400);
      });
    },
  };
}

void Office.onReady((info) => {
  const root = document.getElementById('app');
  if (!root) return;
  if (info.host !== Office.HostType.Excel) {
    root.textContent = formatPaneLabel('noExcel', localeOfDisplayLanguage(Office.context?.displayLanguage));
    return;
  }
  void mountPane(root, createExcelHost());
});
