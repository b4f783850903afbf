// Authoring aids: hover, metric completion, the coverage view, the status bar, section and template
// commands, the design review and practice mode. `activate` calls registerAuthoring once; every part
// is a small disposable registered on the extension context.
import * as vscode from 'vscode';
import type { ActiveDesignDoc, DocumentAnalysisSource } from './activeDoc';
import { OffsetClock } from './clock';
import type { CoverageOutline } from './coverageTree';
import { core } from '../loadCore';
import { CoverageView } from './coverageView';
import { AUTHORING_COMMANDS } from './ids';
import { InsertSectionCommand } from './insertSection';
import { newDesignDoc, newPracticeAnswer } from './newDocument';
import { PracticeController } from './practiceController';
import { DesignDocHoverProvider, MetricCompletionProvider } from './providers';
import { ReviewDocuments, showDesignReview } from './reviewCommand';
import { SECTION_TRIGGER_CHARACTERS, SectionCompletionProvider } from './sectionCompletion';
import { DesignDocStatusBar } from './statusBar';
import { markWalkthroughStep, WALKTHROUGH_DONE } from './walkthrough';

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

export interface AuthoringDeps {
  /** The extension's analyzer: cached results per document version, never throws. */
  analyzer: DocumentAnalysisSource;
  /** The design doc the views show and the "this document" commands act on. */
  activeDoc: ActiveDesignDoc;
}

/** What the real-VS-Code tests read through `mlsd._test.state`. */
export interface AuthoringTestState {
  statusBar: string | undefined;
  /** The document the views show, and the header lines of the coverage view. */
  document: string | undefined;
  coverageHeader: { description: string | undefined; message: string | undefined };
  coverage: CoverageOutline[];
  practice: ReturnType<PracticeController['state']>;
}

export function registerAuthoring(context: vscode.ExtensionContext, deps: AuthoringDeps): void {
  const { analyzer, activeDoc } = deps;
  const statusBar = new DesignDocStatusBar(activeDoc);
  const coverage = new CoverageView(activeDoc);
  const reviews = new ReviewDocuments();
  const clock = new OffsetClock();
  const practice = new PracticeController(clock.now, activeDoc, {
    openAnswer: (scenario) => newPracticeAnswer(scenario),
    showReview: (document, practiceSummary) => showDesignReview(analyzer, reviews, document, practiceSummary),
  });
  const insertSection = new InsertSectionCommand(analyzer, activeDoc);

  context.subscriptions.push(
    statusBar,
    coverage,
    reviews,
    practice,
    vscode.languages.registerHoverProvider(MARKDOWN, new DesignDocHoverProvider(analyzer)),
    vscode.languages.registerCompletionItemProvider(MARKDOWN, new MetricCompletionProvider(analyzer)),
    vscode.languages.registerCompletionItemProvider(MARKDOWN, new SectionCompletionProvider(analyzer), ...SECTION_TRIGGER_CHARACTERS),
    vscode.commands.registerCommand(AUTHORING_COMMANDS.insertScenarioSection, (prefix?: string) => insertSection.run(prefix)),
    vscode.commands.registerCommand(AUTHORING_COMMANDS.newDesignDoc, async (scenario?: unknown, kind?: unknown) => {
      const document = await newDesignDoc(scenario, kind);
      if (document) markWalkthroughStep(WALKTHROUGH_DONE.templateOpened);
      return document;
    }),
    vscode.commands.registerCommand(AUTHORING_COMMANDS.showReview, () => showDesignReview(analyzer, reviews, activeDoc.target())),
  );

  // State and a movable clock for the integration tests; never present in a normal install.
  if (context.extensionMode !== vscode.ExtensionMode.Production) {
    context.subscriptions.push(
      // `{ refresh: false }` reads the views as they are, without analysing the text first.
      vscode.commands.registerCommand(
        AUTHORING_COMMANDS.testState,
        async (options?: { refresh?: boolean }): Promise<AuthoringTestState> => {
          if (options?.refresh !== false) await activeDoc.refresh();
          return {
            statusBar: statusBar.text,
            document: activeDoc.analysis?.document.uri.toString(),
            coverageHeader: coverage.header,
            coverage: coverage.roots.map(core().coverageOutline),
            practice: practice.state(),
          };
        },
      ),
      vscode.commands.registerCommand(AUTHORING_COMMANDS.testAdvanceClock, (ms: number) => {
        clock.advance(ms);
        return practice.tick();
      }),
    );
  }
}
