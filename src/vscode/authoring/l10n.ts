// Runtime strings go through a translate function with VS Code's `{0}` placeholder syntax. The
// editor side passes `vscode.l10n.t`; pure code and unit tests use `formatMessage` (English).
export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

const PLACEHOLDER = /\{(\d+)\}/g;

export const formatMessage: Translate = (message, ...args) =>
  message.replace(PLACEHOLDER, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
