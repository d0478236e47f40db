/** Scenario save and load: the page's own storage (localStorage) and JSON files. */
import { parseScenario, type Scenario } from '../engine-api.ts';

const STORAGE_KEY = 'siteselect.scenario';

export function saveToBrowser(scenario: Scenario): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(scenario));
}

/** The saved scenario, or null when none was saved; a damaged one throws BundleError. */
export function loadFromBrowser(): Scenario | null {
  const text = localStorage.getItem(STORAGE_KEY);
  return text === null ? null : parseScenario(JSON.parse(text), 'saved scenario (browser storage)');
}

export function scenarioBlob(scenario: Scenario): Blob {
  return new Blob([JSON.stringify(scenario, null, 2) + '\n'], { type: 'application/json' });
}

export async function scenarioFromFile(file: File): Promise<Scenario> {
  return parseScenario(JSON.parse(await file.text()), file.name);
}
