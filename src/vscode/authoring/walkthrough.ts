// The getting-started walkthrough ticks a step on `onContext:` events: each key below is set when
// the step's action really happened (a template opened, a section inserted, a practice started),
// whether from the walkthrough's button or the palette, and never when it was cancelled or failed.
import * as vscode from 'vscode';

export const WALKTHROUGH_DONE = {
  templateOpened: 'mlsd.walkthrough.templateOpened',
  sectionInserted: 'mlsd.walkthrough.sectionInserted',
  practiceStarted: 'mlsd.walkthrough.practiceStarted',
} as const;

export function markWalkthroughStep(key: (typeof WALKTHROUGH_DONE)[keyof typeof WALKTHROUGH_DONE]): void {
  void vscode.commands.executeCommand('setContext', key, true);
}
