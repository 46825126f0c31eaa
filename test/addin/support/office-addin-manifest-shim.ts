/**
 * office-addin-mock imports office-addin-manifest (a Node tool: fs, xml2js)
 * only for this enum. The browser bundle of the Office stub aliases the
 * package to this file.
 */
export enum OfficeApp {
  Excel = 'excel',
  OneNote = 'onenote',
  Outlook = 'outlook',
  PowerPoint = 'powerpoint',
  Project = 'project',
  Word = 'word',
}
