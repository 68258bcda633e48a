// The patient-data guard: detectors for identifiers, and the masking built on them.
export type { Detector, Span } from './detector';
export { DETECTORS } from './detectors';
export { nhsNumber } from './nhs-number';
export { isValidNhsNumber, modulus11CheckDigit } from './modulus-11';
export { guardText, isClean, maskFor, type Finding, type Guarded } from './guard';
export { describeFindings } from './describe-findings';
export { patientDataProblem, textProblems, type TextRule } from './field-problem';
