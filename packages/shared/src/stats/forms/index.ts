import type { FormDefinition } from '../form-definition.js';
import { FORM_02_CS_2015, FORM_03_CS_2015, FORM_04_CS_2015 } from './tt25-2015.js';

/** Every form definition shipped with the system, all versions. A new regulation adds definitions here, not code. */
export const FORM_DEFINITIONS: readonly FormDefinition[] = [FORM_02_CS_2015, FORM_03_CS_2015, FORM_04_CS_2015];

/** One definition by form code and version. */
export function findFormDefinition(code: string, version: string): FormDefinition | undefined {
  return FORM_DEFINITIONS.find((f) => f.code === code && f.version === version);
}

/** The definitions in force on a date (the version a report of that period uses). */
export function formsValidOn(date: string): FormDefinition[] {
  return FORM_DEFINITIONS.filter((f) => f.validFrom <= date && (f.validTo === null || f.validTo >= date));
}
