// package.json's `when` clauses and walkthrough events name context keys that the extension sets;
// a typo on either side would silently hide a command or never tick a step.
import assert from 'node:assert/strict';
import fs from 'node:fs';

interface Manifest {
  contributes: {
    commands: { command: string; enablement?: string }[];
    menus: { commandPalette: { command: string; when: string }[] };
    walkthroughs: { steps: { id: string; completionEvents: string[] }[] }[];
  };
}

const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8')) as Manifest;
const source = (file: string) => fs.readFileSync(`src/vscode/authoring/${file}`, 'utf8');

describe('package.json context keys', () => {
  it('lists "Stop Practice Interview" in the palette only while practice runs', () => {
    assert.deepEqual(manifest.contributes.menus.commandPalette.find((entry) => entry.command === 'mlsd.stopPractice'), { command: 'mlsd.stopPractice', when: 'mlsd.practiceRunning' });
    assert.match(source('practiceController.ts'), /PRACTICE_RUNNING_CONTEXT = 'mlsd\.practiceRunning'/);
  });

  it('enables the "this document" commands for the last design doc too, not only for a Markdown editor', () => {
    for (const id of ['mlsd.fixAll', 'mlsd.insertScenarioSection', 'mlsd.showReview']) {
      assert.equal(manifest.contributes.commands.find((command) => command.command === id)?.enablement, 'editorLangId == markdown || mlsd.hasDesignDoc', id);
    }
    assert.match(source('activeDoc.ts'), /HAS_DESIGN_DOC_CONTEXT = 'mlsd\.hasDesignDoc'/);
  });

  it('ticks walkthrough steps on what really happened, keys the extension sets', () => {
    const events = Object.fromEntries(manifest.contributes.walkthroughs[0]!.steps.map((step) => [step.id, step.completionEvents]));
    assert.deepEqual(events, {
      template: ['onContext:mlsd.walkthrough.templateOpened'],
      diagnostics: ['onView:mlsd.coverage'],
      quickfix: ['onContext:mlsd.walkthrough.sectionInserted'],
      practice: ['onContext:mlsd.walkthrough.practiceStarted'],
    });
    const keys = source('walkthrough.ts');
    for (const key of ['templateOpened', 'sectionInserted', 'practiceStarted']) assert.match(keys, new RegExp(`${key}: 'mlsd\\.walkthrough\\.${key}'`));
  });
});
