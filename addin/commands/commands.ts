/**
 * The ribbon's function-file buttons (ExecuteFunction): Segment runs with
 * the choices stored in the workbook, without opening the pane; Remove
 * Tierline results takes out exactly what Segment wrote. A refusal or error
 * is shown in a small dialog, since a ribbon function has no UI.
 */
import { loadSettings } from '../excel/preview-columns.js';
import { removeResults } from '../excel/remove-results.js';
import { segmentSelection } from '../excel/segment-selection.js';
import { localeOfDisplayLanguage } from '../taskpane/display-locale.js';
import { systemClock, todayOn } from '../taskpane/pane-clock.js';

/** The page that shows a message passed in its query string. */
const MESSAGE_PAGE = new URL('./message.html', window.location.href).href;

/** Runs a ribbon action; its error goes to a dialog; `event.completed()` always. */
async function runCommand(event: Office.AddinCommands.Event, action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
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

/** Segments the selection with the stored settings. */
export async function runSegmentCommand(event: Office.AddinCommands.Event): Promise<void> {
  await runCommand(event, async () => {
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
  });
}

/** Removes the columns, table, colours, frozen row and sheets Tierline wrote. */
export async function runRemoveCommand(event: Office.AddinCommands.Event): Promise<void> {
  await runCommand(event, () => Excel.run(removeResults));
}

void Office.onReady(() => {
  Office.actions.associate('segment', runSegmentCommand);
  Office.actions.associate('removeResults', runRemoveCommand);
});
