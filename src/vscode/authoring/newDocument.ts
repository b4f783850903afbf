// "mlsd: New Design Doc…": a scenario × kind quick pick that opens the core's template (the same
// text `mlsd init` writes) as an untitled Markdown document. Practice mode opens its answer the same way.
import * as vscode from 'vscode';
import type { TemplateKind } from '../../core/templates';
import { SCENARIO_IDS, type ScenarioId } from '../../core/types';
import { core } from '../loadCore';

interface TemplatePick extends vscode.QuickPickItem {
  scenario: ScenarioId;
  templateKind: TemplateKind;
}

function scenarioTitle(scenario: ScenarioId): string {
  return core().SCENARIOS.find((spec) => spec.id === scenario)?.title ?? vscode.l10n.t('Generic ML system');
}

function kindLabel(kind: TemplateKind): string {
  return kind === 'interview' ? vscode.l10n.t('45-minute interview answer') : vscode.l10n.t('full design doc');
}

export async function openTemplate(scenario: ScenarioId, kind: TemplateKind): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: core().renderTemplate(scenario, kind) });
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

const isScenario = (value: unknown): value is ScenarioId => SCENARIO_IDS.includes(value as ScenarioId);

/** Opens a template; arguments skip the quick pick (tests, keybindings). */
export async function newDesignDoc(scenario?: unknown, kind?: unknown): Promise<vscode.TextDocument | undefined> {
  if (isScenario(scenario) && (kind === 'design-doc' || kind === 'interview')) return openTemplate(scenario, kind);
  const picks: TemplatePick[] = SCENARIO_IDS.flatMap((id) =>
    (['design-doc', 'interview'] as const).map((templateKind) => ({
      label: `${scenarioTitle(id)}: ${kindLabel(templateKind)}`,
      description: `mlsd init --scenario ${id} --kind ${templateKind}`,
      scenario: id,
      templateKind,
    })),
  );
  const chosen = await vscode.window.showQuickPick(picks, { placeHolder: vscode.l10n.t('Scenario and kind of document') });
  return chosen && openTemplate(chosen.scenario, chosen.templateKind);
}

/** Practice answers start from the interview template of the chosen scenario. */
export async function newPracticeAnswer(scenario?: unknown): Promise<vscode.TextDocument | undefined> {
  if (isScenario(scenario)) return openTemplate(scenario, 'interview');
  const chosen = await vscode.window.showQuickPick(
    SCENARIO_IDS.map((id) => ({ label: scenarioTitle(id), description: id, id })),
    { placeHolder: vscode.l10n.t('Scenario for the mock interview') },
  );
  return chosen && openTemplate(chosen.id, 'interview');
}
