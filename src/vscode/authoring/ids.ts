// Command and view IDs contributed by authoring; package.json declares the same strings.
export const COVERAGE_VIEW_ID = 'mlsd.coverage';

export const AUTHORING_COMMANDS = {
  insertScenarioSection: 'mlsd.insertScenarioSection',
  newDesignDoc: 'mlsd.newDesignDoc',
  showReview: 'mlsd.showReview',
  startPractice: 'mlsd.startPractice',
  stopPractice: 'mlsd.stopPractice',
  revealCoverage: 'mlsd.coverage.reveal',
  insertCoverageSection: 'mlsd.coverage.insertSection',
  /** Only registered when the extension runs in development or test mode. */
  testState: 'mlsd._test.state',
  testAdvanceClock: 'mlsd._test.advanceClock',
} as const;
