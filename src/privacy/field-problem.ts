// The guard as a form check: an answer that seems to hold a patient identifier is refused under its field.
import { tooLong, type FieldProblem } from '../core/form-check';
import { describeFindings } from './describe-findings';
import { guardText } from './guard';

export function patientDataProblem(field: string, value: string): FieldProblem[] {
  const { findings } = guardText(value);
  if (findings.length === 0) return [];
  return [{ field, message: `This seems to contain ${describeFindings(findings)}. Please leave out anything that could identify a patient.` }];
}

export interface TextRule {
  /** How the field is named in a message ("A comment can be up to…"). */
  label: string;
  max: number;
  /** Said when the answer is empty; without it an empty answer is fine. */
  missing?: string;
}

/** The first problem with a typed answer: missing when it is needed, over its limit, or holding a patient identifier. */
export function textProblems(field: string, value: string, rule: TextRule): FieldProblem[] {
  if (rule.missing !== undefined && value.trim() === '') return [{ field, message: rule.missing }];
  const long = tooLong(field, rule.label, value, rule.max);
  return long.length > 0 ? long : patientDataProblem(field, value);
}
