// Importing a file into the bot's store (issue 14: import belongs to the bot).
export { importSnapshot, runScheduledImport, type ImportedSnapshot, type SnapshotImport } from './import-snapshot.js';
export { createBotImports, importFile, type FileImport } from './bot-imports.js';
