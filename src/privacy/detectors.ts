import type { Detector } from './detector';
import { nhsNumber } from './nhs-number';

/** Every identifier the guard looks for; add new detectors here. */
export const DETECTORS: readonly Detector[] = [nhsNumber];
