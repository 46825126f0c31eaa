/**
 * The ribbon's Segment button (ExecuteFunction): runs Segment with the
 * choices stored in the workbook, without opening the pane. A refusal or
 * error is shown in a small dialog, since a ribbon function has no UI.
 */
import { loadSettings } from '../excel/preview-columns.js';
import { segmentSelection } from '../excel/segment-selection.js';
import { localeOfDisplayLanguage } from '../taskpane/display-locale.js';
import { systemClock, todayOn } from '../taskpane/pane-clock.js';

/** The page that shows a message passed in its query string. */
const MESSAGE_PAGE = new URL('./message.html', window.location.href).href;

/** Segments the selection with the stored settings; `event.completed()` always. */
export async function runSegmentCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const settings = await Excel.run(loadSettings);
    await Excel.run((context) =>
      segmentSelection(context, {
        locale: settings.locale ?? localeOfDisplayLanguage(Office.context.displayLanguage),
        scheme: settings.scheme,
        ...(settings.asOf ? { asOf: settings.asOf } : {}),
        today: todayOn(systemClock),
        mapping: settings.mapping,
        ...(settings.config !== undefined ? { config: settings.config } : {}),
        ...(settings.k !== undefined ? { k: settings.k } : {}),
      }),
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await new Promise<void>((resolve) => {
      Office.context.ui.displayDialogAsync(
        `${MESSAGE_PAGE}?text=${encodeURIComponent(message)}`,
        { height: 30, width: 35, displayInIframe: true },
        () => resolve(),
      );
    });
  } finally {
    event.completed();
  }
}

void Office.onReady(() => {
  Office.actions.associate('segment', runSegmentCommand);
});
